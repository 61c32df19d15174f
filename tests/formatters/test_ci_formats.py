"""The CI formats of issue 17: reviewdog's rdjson/rdjsonl, SARIF's roots and line hashes, the
json schema and column unit, and the summary after GitHub's capped annotations.

The reviewed expected files are rendered in test_formatters.py; these tests pin the rules
behind them (UTF-8 columns, roots from any cwd, hashes that follow a line) on other inputs.
"""

from __future__ import annotations

import copy
import io
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from copydesk import formatters
from copydesk.cli.main import cli
from copydesk.core.kept import keep
from copydesk.core.model import FileResult, Fix, Replacement, Severity, Violation
from copydesk.formatters.github import summary
from copydesk.formatters.sarif_uris import Roots
from hypothesis import given, settings
from hypothesis import strategies as st
from test_formatters import render, sample_results, violation

# --- rdjson / rdjsonl ---------------------------------------------------------------------


def rdjsonl(results: list[FileResult], **ctx: object) -> list[dict[str, Any]]:
    return [json.loads(line) for line in render("rdjsonl", results, **ctx).splitlines()]


def test_rdjson_columns_are_utf8_bytes_as_the_proto_example_says() -> None:
    # reviewdog.proto: in 'a𐐀b' the column of a is 1, of 𐐀 2, of b 6 (𐐀 is 4 bytes)
    text = "a𐐀b\n"
    found = [
        violation(text, "𐐀", "r.x", Severity.ERROR, "m"),
        violation(text, "b", "r.y", Severity.WARNING, "m"),
    ]
    d1, d2 = rdjsonl([FileResult("t.md", text, found)])
    assert d1["location"]["range"] == {
        "start": {"line": 1, "column": 2},
        "end": {"line": 1, "column": 6},
    }
    assert d2["location"]["range"]["start"] == {"line": 1, "column": 6}


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("ab é😀\r\n“")), st.data())
def test_rdjson_column_is_the_utf8_length_of_the_line_before_it(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    v = Violation("r.x", "r", Severity.WARNING, "m", start, end)
    (d,) = rdjsonl([FileResult("t.md", text, [v])])
    for offset, where in ((start, "start"), (end, "end")):
        line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
        if text[offset - 1 : offset + 1] == "\r\n":  # between \r and \n: still the \r's line
            line_start = max(text.rfind("\n", 0, offset - 1), text.rfind("\r", 0, offset - 1)) + 1
        column = len(text[line_start:offset].encode("utf-8")) + 1
        assert d["location"]["range"][where]["column"] == column


def test_rdjson_suggestions_insert_replace_and_delete() -> None:
    text = "Teh cat sat.\n"
    fix = Fix((Replacement(0, 3, "The"), Replacement(7, 7, " down"), Replacement(11, 12, "")))
    v = Violation("r.x", "r", Severity.SUGGESTION, "m", 0, 3, "https://x.test/r", fix)
    (d,) = rdjsonl([FileResult("t.md", text, [v])])
    assert d["severity"] == "INFO"
    assert d["code"] == {"value": "r.x", "url": "https://x.test/r"}
    def at(line: int, column: int) -> dict[str, int]:
        return {"line": line, "column": column}

    assert d["suggestions"] == [
        {"range": {"start": at(1, 1), "end": at(1, 4)}, "text": "The"},
        {"range": {"start": at(1, 8), "end": at(1, 8)}, "text": " down"},  # insert: start == end
        {"range": {"start": at(1, 12), "end": at(1, 13)}, "text": ""},  # delete: no text
    ]


def test_rdjson_document_and_lines_carry_the_same_diagnostics() -> None:
    doc = json.loads(render("rdjson"))
    assert doc["source"] == {"name": "copydesk", "url": "https://pypi.org/project/copydesk/"}
    assert doc["severity"] == "ERROR"
    assert doc["diagnostics"] == rdjsonl(sample_results())
    assert {d["severity"] for d in doc["diagnostics"]} == {"ERROR", "WARNING", "INFO"}
    unreadable = doc["diagnostics"][-1]
    assert unreadable["location"] == {"path": "broken.txt"} and unreadable["severity"] == "ERROR"
    clean = json.loads(render("rdjson", [FileResult("a.md", "Clean.\n")]))
    assert clean == {"source": doc["source"], "diagnostics": []}
    assert render("rdjsonl", [FileResult("a.md", "Clean.\n")]) == ""


@pytest.mark.parametrize("encoding", ["code-points", "utf-16", "utf-8"])
def test_rdjson_ignores_the_run_encoding_and_refuses_utf16_at_the_command(encoding: str) -> None:
    # the proto fixes the unit: the same bytes whatever the context asks
    assert render("rdjsonl", encoding=encoding) == render("rdjsonl")
    assert formatters.get("rdjson").column_unit == "utf-8"
    refused = formatters.get("rdjsonl").refusal(encoding)  # type: ignore[arg-type]
    assert (refused is not None) == (encoding == "utf-16")
    assert refused is None or "UTF-8 bytes" in refused


@pytest.mark.parametrize("name", ["rdjson", "rdjsonl"])
def test_rdjson_renders_kept_results_exactly_like_texts(name: str) -> None:
    # workers keep each result's columns in the format's own unit (Formatter.column_unit)
    kept = [keep(r, "utf-8") for r in sample_results()]
    assert render(name, kept) == render(name)


# --- sarif: roots -------------------------------------------------------------------------


def sarif_run(results: list[FileResult], **ctx: object) -> dict[str, Any]:
    run: dict[str, Any] = json.loads(render("sarif", results, **ctx))["runs"][0]
    return run


def locations(run: dict[str, Any]) -> list[dict[str, str]]:
    return [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]


def one_finding(path: str, text: str = "A (source) here.\n") -> FileResult:
    return FileResult(path, text, [violation(text, "(source)", "c.p", Severity.ERROR, "m")])


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "repo" / "docs" / "deep").mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    return (tmp_path / "repo").resolve()


def test_sarif_uris_are_relative_to_the_repository_from_any_cwd(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    from_top = sarif_run([one_finding("docs/deep/a.md")])
    monkeypatch.chdir(repo / "docs")
    from_docs = sarif_run([one_finding("deep/a.md")])
    monkeypatch.chdir(repo / "docs" / "deep")
    from_deep = sarif_run([one_finding("a.md"), one_finding(str(repo / "b.md"))])
    expected = {"uri": "docs/deep/a.md", "uriBaseId": "%SRCROOT%"}
    assert locations(from_top) == locations(from_docs) == [expected]
    assert locations(from_deep) == [expected, {"uri": "b.md", "uriBaseId": "%SRCROOT%"}]
    for run in (from_top, from_docs, from_deep):
        assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
    # the fingerprints follow the URI, so they too are the same from any cwd
    assert from_top["results"][0]["partialFingerprints"] == (
        from_deep["results"][0]["partialFingerprints"]
    )


def test_sarif_roots_of_other_work_trees_and_of_no_repository(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    (other / "sub").mkdir(parents=True)
    (other / ".git").write_text("gitdir: /elsewhere\n")  # a worktree's .git is a file
    loose = tmp_path / "loose.md"
    monkeypatch.chdir(repo)
    run = sarif_run([one_finding(str(other / "sub" / "x.md")), one_finding(str(loose))])
    assert locations(run) == [
        {"uri": "sub/x.md", "uriBaseId": "%SRCROOT2%"},
        {"uri": loose.as_uri()},
    ]
    assert run["originalUriBaseIds"] == {
        "%SRCROOT%": {"uri": repo.as_uri() + "/"},
        "%SRCROOT2%": {"uri": other.resolve().as_uri() + "/"},
    }
    # outside any repository, the root is the current directory
    monkeypatch.chdir(tmp_path)
    run = sarif_run([one_finding("loose.md")])
    assert locations(run) == [{"uri": "loose.md", "uriBaseId": "%SRCROOT%"}]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.resolve().as_uri() + "/"}}


def test_sarif_root_uris_end_with_a_slash_and_names_keep_their_bytes(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    roots = Roots()
    assert roots.location("docs/a b é.md") == {
        "uri": "docs/a%20b%20%C3%A9.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert all(v["uri"].endswith("/") for v in roots.original_uri_base_ids().values())


# --- sarif: primaryLocationLineHash -------------------------------------------------------

LINE_HASH = re.compile(r"^[0-9a-f]{16}:[1-9][0-9]*$")


def line_hashes(text: str, rules: tuple[str, ...] = ("c.p",)) -> list[str]:
    found = [
        violation(text, "(source)", rule, Severity.ERROR, "m", nth=i)
        for rule in rules
        for i in range(text.count("(source)"))
    ]
    run = sarif_run([FileResult("a.md", text, found)])
    return [r["partialFingerprints"]["primaryLocationLineHash"] for r in run["results"]]


def test_sarif_line_hash_follows_the_line_and_counts_repeats() -> None:
    body = "One (source) here.\nTwo (source).\nOne (source) here.\n"
    before = line_hashes(body)
    assert all(LINE_HASH.match(h) for h in before)
    first, second, third = before
    # the same rule on a line with the same text: one hash, counted :1, :2 in file order
    assert first.split(":")[0] == third.split(":")[0] != second.split(":")[0]
    assert [h.split(":")[1] for h in before] == ["1", "1", "2"]
    # lines added above, and the line re-indented or re-spaced: the same hashes
    assert line_hashes("A new lead.\n\n" + body.replace("Two ", "  Two   ")) == before
    # the line's own text edited: a new hash for it only
    edited = line_hashes(body.replace("Two (source).", "Two (source), now."))
    assert edited[0] == first and edited[2] == third and edited[1] != second
    # another rule on the same line: another hash
    both = line_hashes("One (source) here.\n", ("c.p", "c.q"))
    assert both[0] != both[1] and both[1].endswith(":1")


def test_sarif_line_hash_is_left_to_the_upload_when_lines_were_not_kept() -> None:
    # a result kept by a worker without its lines (a command that did not read
    # Sarif.needs_lines): the hash is left out, github/codeql-action computes it on upload
    assert formatters.get("sarif").needs_lines
    text_run = sarif_run(sample_results())
    kept_run = sarif_run([keep(r) for r in sample_results()])
    for with_text, kept in zip(text_run["results"], kept_run["results"], strict=True):
        prints = dict(with_text["partialFingerprints"])
        assert LINE_HASH.match(prints.pop("primaryLocationLineHash"))
        assert kept["partialFingerprints"] == prints
    full = sarif_run([keep(r, lines=True) for r in sample_results()])
    assert full == text_run


# --- json: unit, fixes located, schema ----------------------------------------------------

SCHEMA = json.loads(resources.files("copydesk.formatters").joinpath("json_schema.json").read_text())


def strict(schema: Any) -> Any:
    """The schema with no room for undeclared fields: every field we write is documented."""
    schema = copy.deepcopy(schema)

    def close(node: Any) -> None:
        if isinstance(node, dict):
            if "properties" in node:
                node["additionalProperties"] = False
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(schema)
    return schema


def validate(doc: Any) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    jsonschema.Draft202012Validator(strict(SCHEMA)).validate(doc)


def test_the_json_schema_is_a_valid_schema_and_rejects_what_it_should() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    doc = json.loads(render("json"))
    validate(doc)
    for bad in (
        lambda d: d.pop("position_encoding"),
        lambda d: d.update(position_encoding="utf-32"),
        lambda d: d["files"][0]["violations"][0].update(severity="fatal"),
        lambda d: d["files"][0]["violations"][0].update(column=0),
        lambda d: d["files"][0]["violations"][1]["fix"]["replacements"][0].pop("line"),
        lambda d: d["files"][0]["violations"][0].pop("match"),
    ):
        broken = copy.deepcopy(doc)
        bad(broken)
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)


@pytest.mark.parametrize("encoding", ["code-points", "utf-16", "utf-8"])
def test_json_output_validates_and_names_its_column_unit(encoding: str) -> None:
    doc = json.loads(render("json", encoding=encoding))
    validate(doc)
    assert doc["position_encoding"] == encoding
    kept = [keep(r, encoding) for r in sample_results()]  # type: ignore[arg-type]
    validate(json.loads(render("json", kept, encoding=encoding)))
    validate(json.loads(render("json", [])))


def test_json_fix_replacements_have_the_positions_of_their_span() -> None:
    text = "We utilize 😀 it.\nA second line.\n"
    fix = Fix((Replacement(3, 10, "use"), Replacement(13, 17, ""), Replacement(17, 17, "X")))
    v = Violation("r.x", "r", Severity.WARNING, "m", 3, 10, fix=fix)
    for encoding, emoji_width in (("code-points", 1), ("utf-16", 2), ("utf-8", 4)):
        doc = json.loads(render("json", [FileResult("a.md", text, [v])], encoding=encoding))
        reps = doc["files"][0]["violations"][0]["fix"]["replacements"]
        after = 13 + emoji_width
        assert [(r["line"], r["column"], r["end_line"], r["end_column"]) for r in reps] == [
            (1, 4, 1, 11),
            (1, after, 2, 1),  # " it.\n": to the start of the next line, exclusive
            (2, 1, 2, 1),  # an insertion: equal ends
        ]
        assert [(r["offset"], r["end_offset"], r["text"]) for r in reps] == [
            (3, 10, "use"), (13, 17, ""), (17, 17, "X"),
        ]


def test_json_from_the_command_validates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("The figure (source) is new. 😀 (source)\n", encoding="utf-8")
    Path("bad.md").write_bytes(b"caf\xe9 (source)")
    for encoding in ("code-points", "utf-16", "utf-8"):
        args = ["check", "--format", "json", "--position-encoding", encoding, "a.md", "bad.md"]
        out = CliRunner().invoke(cli, args).stdout
        doc = json.loads(out)
        validate(doc)
        assert doc["position_encoding"] == encoding and doc["errors"]


def test_the_schema_ships_in_the_package() -> None:
    # hatch puts every file of lint/ in the wheel; importlib.resources finds it installed
    assert resources.files("copydesk.formatters").joinpath("json_schema.json").is_file()
    assert SCHEMA["properties"]["version"] == {"const": 1}


# --- github: the summary after the annotations --------------------------------------------


def github_lines(counts: dict[Severity, int]) -> list[str]:
    text = "x " * sum(counts.values())
    found = []
    n = 0
    for severity, count in counts.items():
        for _ in range(count):
            found.append(Violation("r.x", "r", severity, "m", 2 * n, 2 * n + 1))
            n += 1
    out = io.StringIO()
    formatters.get("github")(out, formatters.RenderContext()).render(
        [FileResult("a.md", text, found)]
    )
    return out.getvalue().splitlines()


def test_github_summary_counts_each_level_and_says_what_github_hides() -> None:
    *annotations, last = github_lines({Severity.ERROR: 12, Severity.WARNING: 3})
    assert len(annotations) == 15
    assert last == (
        "copydesk: 12 errors, 3 warnings, 0 notices annotated; GitHub shows 10 annotations of"
        " each level per step, so 2 errors are not shown (--format concise lists every finding)"
    )
    # a plain line, not a workflow command: never an annotation itself, so never capped
    assert not last.startswith("::")
    *_, last = github_lines({Severity.SUGGESTION: 11, Severity.WARNING: 10})
    assert last.endswith("so 1 notice is not shown (--format concise lists every finding)")
    capped = github_lines({Severity.ERROR: 10})[-1]
    assert capped == "copydesk: 10 errors, 0 warnings, 0 notices annotated"
    assert github_lines({}) == ["copydesk: 0 errors, 0 warnings, 0 notices annotated"]


def test_github_summary_wording() -> None:
    assert summary({"error": 1, "warning": 1, "notice": 1}) == (
        "copydesk: 1 error, 1 warning, 1 notice annotated"
    )
    many = summary({"error": 11, "warning": 25, "notice": 0})
    assert many.endswith(
        "so 1 error, 15 warnings are not shown (--format concise lists every finding)"
    )

