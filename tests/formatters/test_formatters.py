"""Every output format: rendered against reviewed expected files, SARIF field by field, CLI runs.

The expected files in tests/expected/ were generated once and read line by line before they
were committed. After an intended change, regenerate them with
``COPYDESK_UPDATE_EXPECTED=1 pytest tests/formatters/test_formatters.py`` and review the diff.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from copydesk import formatters
from copydesk.cli.main import cli
from copydesk.core.model import FileResult, Fix, Replacement, Severity, Violation
from copydesk.core.rule_spec import RuleSpec
from copydesk.formatters.full import _displayable, underline
from copydesk.formatters.github import escape_data, escape_property
from copydesk.formatters.sarif import artifact_uri
from hypothesis import given, settings
from hypothesis import strategies as st

EXPECTED = Path(__file__).resolve().parents[1] / "expected"
ANSI = "\x1b["

# CRLF line ends, curly quotes and an emoji before a finding, a finding across a line break.
A_TEXT = (
    "“Quoted” claims, 100% sure.\r\n"
    "An emoji 😀 then (source) here.\r\n"
    "It was a very\r\n"
    "very good year.\r\n"
)
B_TEXT = "(source) and (source).\n"


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence: only for building fixtures, never inside the product."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def violation(
    text: str,
    needle: str,
    rule: str,
    severity: Severity,
    message: str,
    nth: int = 0,
    fix: str | None = None,
) -> Violation:
    start, end = at(text, needle, nth)
    category = rule.split(".")[0]
    fixed = Fix((Replacement(start, end, fix),)) if fix is not None else None
    return Violation(rule, category, severity, message, start, end, fix=fixed)


def sample_results() -> list[FileResult]:
    placeholder = "'%s' is a placeholder: put the real source or link here."
    a = FileResult(
        "docs/a.md",
        A_TEXT,
        [
            violation(
                A_TEXT,
                "“Quoted”",
                "neutrality.scare-quotes",
                Severity.WARNING,
                "Scare quotes around “Quoted”: drop them, or name a speaker.",
            ),
            violation(
                A_TEXT,
                "(source)",
                "citations.placeholder",
                Severity.ERROR,
                placeholder % "(source)",
                fix="",
            ),
            violation(
                A_TEXT,
                "very\r\nvery",
                "style.repeated-word",
                Severity.SUGGESTION,
                "'very' is repeated.",
            ),
        ],
    )
    b = FileResult(
        "./b.txt",
        B_TEXT,
        [
            violation(
                B_TEXT,
                "(source)",
                "citations.placeholder",
                Severity.ERROR,
                placeholder % "(source)",
            ),
            violation(
                B_TEXT,
                "(source)",
                "citations.placeholder",
                Severity.ERROR,
                placeholder % "(source)",
                nth=1,
            ),
        ],
    )
    broken = FileResult("broken.txt", "", error="not valid UTF-8 (byte 0xe9 at offset 3)")
    return [a, b, broken]


def sample_rules() -> dict[str, RuleSpec]:
    # style.repeated-word is left out on purpose: formatters must cope with a rule they have
    # no metadata for (a synthetic rule such as vocab.reject has none either).
    return {
        "citations.placeholder": RuleSpec(
            id="citations.placeholder",
            pack="citations",
            category="citations",
            extends="existence",
            message="'%s' is a placeholder: put the real source here.",
            severity=Severity.ERROR,
            description="A stand-in for a source, such as (source). Fill it before publishing.",
            link="https://example.org/rules/placeholder",
        ),
        "neutrality.scare-quotes": RuleSpec(
            id="neutrality.scare-quotes",
            pack="neutrality",
            category="neutrality",
            extends="existence",
            message="Scare quotes around %s.",
            severity=Severity.WARNING,
        ),
    }


def render(name: str, results: list[FileResult] | None = None, **ctx: object) -> str:
    context = formatters.RenderContext(rules=sample_rules(), tool_version="9.9.9")
    for key, value in ctx.items():
        setattr(context, key, value)
    out = io.StringIO()
    formatters.get(name)(out, context).render(results if results is not None else sample_results())
    return out.getvalue()


@pytest.fixture
def in_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh git work tree as the current directory: SARIF's URIs are relative to it."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "repo")
    return Path.cwd()


def unrooted(out: str, root: Path) -> str:
    """Output with the machine's repository root written ``file:///REPO/``."""
    return out.replace(root.as_uri() + "/", "file:///REPO/")


def assert_expected(filename: str, actual: str) -> None:
    path = EXPECTED / filename
    if os.environ.get("COPYDESK_UPDATE_EXPECTED"):
        path.write_bytes(actual.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == actual


@pytest.mark.parametrize(
    ("name", "filename"),
    [
        ("full", "full.txt"),
        ("concise", "concise.txt"),
        ("github", "github.txt"),
        ("sarif", "sarif.json"),
        ("statistics", "statistics.txt"),
        ("json", "json.json"),
        ("json-lines", "json-lines.jsonl"),
        ("rdjson", "rdjson.json"),
        ("rdjsonl", "rdjsonl.jsonl"),
    ],
)
def test_format_matches_reviewed_expected_file(
    name: str, filename: str, in_repository: Path
) -> None:
    assert_expected(filename, unrooted(render(name), in_repository))


def test_sarif_utf16_matches_reviewed_expected_file(in_repository: Path) -> None:
    assert_expected("sarif-utf16.json", unrooted(render("sarif", encoding="utf-16"), in_repository))


def test_json_utf16_matches_reviewed_expected_file() -> None:
    assert_expected("json-utf16.json", render("json", encoding="utf-16"))


# --- full ---------------------------------------------------------------------------------


def test_full_colour_only_when_asked() -> None:
    plain = render("full")
    coloured = render("full", color=True)
    assert ANSI not in plain
    assert ANSI in coloured
    # Colour decorates; it must not change the text a reader sees.
    import click

    assert click.unstyle(coloured) == plain


def test_full_underlines_terminal_columns_and_multiline_to_end_of_first_line() -> None:
    lines = render("full").splitlines()
    source = lines.index("2 | An emoji 😀 then (source) here.")
    carets = lines[source + 1]
    # Terminal columns: the emoji takes two, so the carets start under "(" on the screen.
    assert carets.index("^") - len("  | ") == len("An emoji 😀 then ") + 1
    assert carets.endswith("^" * len("(source)"))
    multi = lines.index("3 | It was a very")
    assert lines[multi + 1] == "  |          " + "^" * len("very")
    assert lines[-1] == (
        "3 errors, 1 warning, 1 suggestion in 2 files; 1 file could not be fully checked"
    )
    assert "\r" not in render("full")


def test_underline_keeps_tabs_clamps_and_always_shows_a_caret() -> None:
    assert underline("a\tb word", 4, 8) == " \t ^^^^"
    assert underline("short", 3, 99) == "  ^^^"
    assert underline("short", 3, None) == "  ^^^"
    assert underline("short", 6, 6) == "     ^"  # an empty finding at the line end
    assert underline("", 1, 1) == "^"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("ab\t \x00\x1f\x7f\x80é\r\x0c😀")), st.data())
def test_full_line_and_underline_by_character(line: str, data: st.DataObject) -> None:
    # the per-character definitions that translate() and the tab regex replaced
    shown = "".join(" " if (c < " " and c != "\t") or "\x7f" <= c <= "\x9f" else c for c in line)
    assert _displayable(line) == shown
    column = data.draw(st.integers(1, len(line) + 3))
    # blanks up to the finding, with the line's own tabs where the line has them, and an
    # emoji's two terminal columns as two spaces (the characters here are one column else)
    before = "".join(
        "\t" if c == "\t" else "  " if c == "😀" else " " for c in shown[: column - 1]
    )
    assert underline(shown, column, None).startswith(before + " " * (column - 1 - len(line)))


def test_full_summary_with_nothing_found() -> None:
    assert render("full", [FileResult("a.md", "Clean.\n")]) == (
        "0 errors, 0 warnings, 0 suggestions in 1 file\n"
    )


# --- github -------------------------------------------------------------------------------


def test_github_escaping_of_data_and_properties() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("dir,x/a:b%.md\n") == "dir%2Cx/a%3Ab%25.md%0A"
    text = "A (source) here.\n"
    v = violation(text, "(source)", "citations.placeholder", Severity.ERROR, "Line one\n100%: done")
    out = render("github", [FileResult("we,ird/na:me.md", text, [v])])
    assert out == (
        "::error file=we%2Cird/na%3Ame.md,line=1,endLine=1,col=3,endColumn=11,"
        "title=citations.placeholder::Line one%0A100%25: done\n"
        "copydesk: 1 error, 0 warnings, 0 notices annotated\n"
    )


def test_github_levels_and_no_columns_across_lines() -> None:
    *lines, summary = render("github").splitlines()
    assert summary == "copydesk: 4 errors, 1 warning, 1 notice annotated"
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::warning",
        "::error",
        "::notice",
        "::error",
        "::error",
        "::error",
    ]
    multi = next(line for line in lines if "style.repeated-word" in line)
    assert "line=3,endLine=4,title=" in multi and "col=" not in multi
    assert lines[-1].startswith("::error file=broken.txt,title=copydesk::not valid UTF-8")


# --- sarif --------------------------------------------------------------------------------


@pytest.mark.usefixtures("in_repository")
def test_sarif_has_every_field_github_requires() -> None:
    doc = json.loads(render("sarif"))
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert doc["version"] == "2.1.0"
    assert len(doc["runs"]) == 1
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "copydesk"
    assert driver["version"] == "9.9.9"
    assert driver["informationUri"].startswith("https://")
    assert run["columnKind"] == "unicodeCodePoints"

    rules = driver["rules"]
    # Only rules with results, sorted by id; ruleIndex points into this list.
    assert [r["id"] for r in rules] == [
        "citations.placeholder",
        "neutrality.scare-quotes",
        "style.repeated-word",
    ]
    for rule in rules:
        for key in ("shortDescription", "fullDescription", "help"):
            assert isinstance(rule[key]["text"], str) and rule[key]["text"], (rule["id"], key)
        assert rule["help"]["markdown"]
        assert rule["name"] == rule["id"].split(".", 1)[1]
        assert rule["properties"]["tags"] == [rule["id"].split(".")[0]]
    placeholder, scare, repeated = rules
    assert placeholder["helpUri"] == "https://example.org/rules/placeholder"
    assert "https://example.org/rules/placeholder" in placeholder["help"]["text"]
    assert placeholder["shortDescription"]["text"] == "A stand-in for a source, such as (source)."
    assert placeholder["defaultConfiguration"]["level"] == "error"
    assert "helpUri" not in scare
    assert scare["fullDescription"]["text"] == "Scare quotes around …."
    assert scare["defaultConfiguration"]["level"] == "warning"
    assert repeated["fullDescription"]["text"] == "'very' is repeated."
    assert repeated["defaultConfiguration"]["level"] == "note"

    results = run["results"]
    assert len(results) == 5
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["message"]["text"]
        assert len(res["locations"]) == 1
        assert res["partialFingerprints"]["copydeskFingerprint/v1"]
    assert [r["level"] for r in results] == ["warning", "error", "note", "error", "error"]

    src = results[1]
    loc = src["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/a.md"
    start, end = at(A_TEXT, "(source)")
    # endColumn is exclusive: the column of the character after the match.
    assert loc["region"] == {
        "startLine": 2,
        "startColumn": 17,
        "endLine": 2,
        "endColumn": 25,
        "charOffset": start,
        "charLength": end - start,
    }
    assert A_TEXT[start : start + loc["region"]["charLength"]] == "(source)"
    fix = src["fixes"][0]["artifactChanges"][0]
    assert fix["artifactLocation"]["uri"] == "docs/a.md"
    assert fix["replacements"] == [
        {"deletedRegion": loc["region"], "insertedContent": {"text": ""}}
    ]
    assert "fixes" not in results[0]

    multi = results[2]["locations"][0]["physicalLocation"]["region"]
    assert (multi["startLine"], multi["startColumn"], multi["endLine"], multi["endColumn"]) == (
        3,
        10,
        4,
        5,
    )

    # "./b.txt" loses its leading "./"; the two identical matches get distinct fingerprints.
    b1, b2 = results[3], results[4]
    assert b1["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "b.txt",
        "uriBaseId": "%SRCROOT%",
    }
    fp = "copydeskFingerprint/v1"
    assert b1["partialFingerprints"][fp] != b2["partialFingerprints"][fp]

    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "broken.txt" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.txt"


def test_sarif_utf16_columns_and_offsets_count_the_emoji_twice() -> None:
    plain = json.loads(render("sarif"))["runs"][0]
    wide = json.loads(render("sarif", encoding="utf-16"))["runs"][0]
    assert wide["columnKind"] == "utf16CodeUnits"
    r0 = plain["results"][1]["locations"][0]["physicalLocation"]["region"]
    r1 = wide["results"][1]["locations"][0]["physicalLocation"]["region"]
    assert r1["startColumn"] == r0["startColumn"] + 1
    assert r1["endColumn"] == r0["endColumn"] + 1
    assert r1["charOffset"] == r0["charOffset"] + 1
    assert r1["charLength"] == r0["charLength"]
    # Before the emoji nothing moves.
    assert wide["results"][0]["locations"] == plain["results"][0]["locations"]


def test_sarif_refuses_utf8_columns_instead_of_dropping_them() -> None:
    # SARIF 2.1.0 has no UTF-8 column kind: the command refuses utf-8 before linting, with
    # why; rendered anyway (a library caller), the columns are code points and say so
    why = formatters.get("sarif").refusal("utf-8")
    assert why and "UTF-8" in why and "utf-16" in why
    assert formatters.get("sarif").refusal("utf-16") is None
    assert formatters.get("sarif").refusal("code-points") is None
    assert json.loads(render("sarif", encoding="utf-8")) == json.loads(render("sarif"))


def test_sarif_fingerprints_stable_across_edits_elsewhere() -> None:
    def prints(text: str) -> list[str]:
        vs = [
            violation(text, "(source)", "citations.placeholder", Severity.ERROR, "m", nth=i)
            for i in range(text.count("(source)"))
        ]
        doc = json.loads(render("sarif", [FileResult("a.md", text, vs)]))
        results = doc["runs"][0]["results"]
        return [r["partialFingerprints"]["copydeskFingerprint/v1"] for r in results]

    before = prints("One (source). Two (source).\n")
    after = prints("A new first paragraph.\n\nOne (source). Two (source).\n")
    assert before == after and len(set(before)) == 2


def test_sarif_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("./docs/a b.md") == "docs/a%20b.md"
    assert artifact_uri(str(tmp_path / "docs" / "é.md")) == "docs/%C3%A9.md"
    outside = tmp_path.parent / "elsewhere.md"
    assert artifact_uri(str(outside)) == outside.as_uri()


def test_sarif_clean_run_is_successful_with_no_rules() -> None:
    run = json.loads(render("sarif", [FileResult("a.md", "Clean.\n")]))["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert run["invocations"] == [{"executionSuccessful": True}]


# --- statistics ---------------------------------------------------------------------------


def test_statistics_sorted_by_count_then_id() -> None:
    lines = render("statistics").splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["3", "citations.placeholder", "error"],
        ["1", "neutrality.scare-quotes", "warning"],
        ["1", "style.repeated-word", "suggestion"],
    ]
    assert lines[0].endswith("A stand-in for a source, such as (source).")
    assert lines[2].endswith("'very' is repeated.")
    assert render("statistics", [FileResult("a.md", "Clean.\n")]) == ""


# --- the CLI, end to end ------------------------------------------------------------------

CLI_CHECKS: dict[str, Callable[[str], bool]] = {
    "full": lambda out: "a.md:1:12: error:" in out and "^^^^^^^^" in out and ANSI not in out,
    "concise": lambda out: "a.md:1:12: error:" in out,
    "json": lambda out: json.loads(out)["files"][0]["violations"][0]["match"] == "(source)",
    "json-lines": lambda out: json.loads(out.splitlines()[0])["column"] == 12,
    "github": lambda out: out.startswith("::error file=a.md,line=1,endLine=1,col=12,endColumn=20,"),
    "sarif": lambda out: (
        json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"][
            "startColumn"
        ]
        == 12
    ),
    "rdjson": lambda out: (
        json.loads(out)["diagnostics"][0]["location"]["range"]["start"]
        == {"line": 1, "column": 12}
    ),
    "rdjsonl": lambda out: (
        json.loads(out.splitlines()[0])["code"]["value"] == "citations.placeholder"
    ),
}


# Other packs grow; the built-in citations pack alone keeps these expectations exact.
ONLY = ("--select", "citations")


@pytest.fixture
def placeholder_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("The figure (source) is new.\n", encoding="utf-8")
    return "a.md"


@pytest.mark.parametrize("fmt", sorted(CLI_CHECKS))
def test_cli_each_format_to_stdout_and_to_output_file(fmt: str, placeholder_file: str) -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["check", *ONLY, "--format", fmt, placeholder_file])
    assert shown.exit_code == 1, shown.output
    assert CLI_CHECKS[fmt](shown.stdout), shown.stdout

    args = ["check", *ONLY, "--output-format", fmt, "-o", "out.txt", placeholder_file]
    written = runner.invoke(cli, args)
    assert written.exit_code == 1
    assert written.stdout == ""
    saved = Path("out.txt").read_text(encoding="utf-8")
    assert saved == shown.stdout


def test_cli_statistics(placeholder_file: str) -> None:
    result = CliRunner().invoke(cli, ["check", *ONLY, "--statistics", placeholder_file])
    assert result.exit_code == 1
    assert result.stdout.split()[:3] == ["1", "citations.placeholder", "error"]
    CliRunner().invoke(
        cli, ["check", *ONLY, "--statistics", "--output-file", "s.txt", placeholder_file]
    )
    assert Path("s.txt").read_text(encoding="utf-8") == result.stdout


def test_cli_sarif_reports_unreadable_file(placeholder_file: str) -> None:
    Path("bad.md").write_bytes(b"caf\xe9 (source)")
    result = CliRunner().invoke(
        cli, ["check", *ONLY, "--format", "sarif", placeholder_file, "bad.md"]
    )
    assert result.exit_code == 2
    run = json.loads(result.stdout)["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert len(run["results"]) == 1


def test_sarif_fix_descriptions_name_the_edit() -> None:
    from copydesk.formatters.sarif import fix_description

    text = "A (source) and teh end."
    delete = violation(text, "(source)", "r.x", Severity.ERROR, "m", fix="")
    assert fix_description(text, delete) == "Delete '(source)'."
    swap = violation(text, "teh", "r.x", Severity.ERROR, "m", fix="the")
    assert fix_description(text, swap) == "Replace 'teh' with 'the'."
    two = Violation(
        "r.x",
        "r",
        Severity.ERROR,
        "m",
        0,
        1,
        fix=Fix((Replacement(0, 1, "a"), Replacement(2, 3, "b"))),
    )
    assert fix_description(text, two) == "Apply the fix suggested by r.x."


def test_the_registry_is_read_from_the_format_modules() -> None:
    # each format module declares its classes (FORMATS), their names and their place among
    # --format's choices; statistics is chosen by --statistics, not by --format
    assert formatters.choices() == (
        "full", "concise", "json", "json-lines", "github", "sarif", "rdjson", "rdjsonl", "html",
    )
    assert set(formatters.REGISTRY) == {*formatters.choices(), "statistics"}
    assert all(formatters.get(name).name == name for name in formatters.REGISTRY)
    shown = CliRunner().invoke(cli, ["check", "--help"]).stdout
    assert "[full|concise|json|json-lines|github|sarif|rdjson|rdjsonl|html]" in shown


@pytest.mark.parametrize(("fmt", "encoding"), [("sarif", "utf-8"), ("rdjson", "utf-16")])
def test_cli_refuses_columns_a_format_cannot_write(
    fmt: str, encoding: str, placeholder_file: str
) -> None:
    args = ["check", *ONLY, "--format", fmt, "--position-encoding", encoding, placeholder_file]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"copydesk: error: --format {fmt} ")
    assert "-o" not in args and not Path("out.txt").exists()
