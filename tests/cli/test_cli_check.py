"""The ``check`` command's options end to end: stdin, output file, formats, statistics, packs,
profiles, position encoding, colour and the exit-code contract (0 clean, 1 findings, 2 errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import HOUSE_PACK, found, run, write

BAD = "Fine (source) and TK.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    write(tmp_path, {".copydesk.yaml": "packs: [citations]\n"})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_stdin_format_comes_from_the_stdin_filename(repo: Path) -> None:
    text = "Use `(source)` here (source).\n"
    code, out, _ = run(["check", "--format", "concise", "--stdin-filename", "docs/a.md", "-"], text)
    assert code == 1
    assert out.splitlines() == [
        "docs/a.md:1:21: error: '(source)' is a placeholder: put the real source or link here. "
        "[citations.placeholder]"
    ]  # markdown: the inline code is masked
    _, files, _ = found(["--stdin-filename", "docs/a.txt", "-"], text)
    assert files == {"docs/a.txt": ["citations.placeholder", "citations.placeholder"]}
    _, files, _ = found(["--stdin-filename", "page.html", "-"], '<p title="(source)">TK</p>\n')
    assert files == {"page.html": ["citations.tk"]}  # html: the attribute is masked


def test_stdin_without_a_filename_is_plain_text_named_stdin(repo: Path) -> None:
    code, files, _ = found(["-"], "Use `(source)` here.\n")
    assert (code, files) == (1, {"stdin": ["citations.placeholder"]})


def test_stdin_config_is_looked_up_from_the_stdin_filename(repo: Path) -> None:
    write(repo, {"opinion/.copydesk.yaml": "packs: [citations]\nrules: {citations.tk: off}\n"})
    assert found(["--stdin-filename", "opinion/x.md", "-"], BAD)[1] == {
        "opinion/x.md": ["citations.placeholder"]
    }
    assert found(["--stdin-filename", "news/x.md", "-"], BAD)[1] == {
        "news/x.md": ["citations.placeholder", "citations.tk"]
    }


def test_output_file_gets_the_report_and_stdout_stays_empty(repo: Path) -> None:
    write(repo, {"a.md": BAD})
    code, out, _ = run(["check", "--output-format", "json", "-o", "report.json", "a.md"])
    assert (code, out) == (1, "")
    doc = json.loads((repo / "report.json").read_text("utf-8"))
    assert [v["match"] for v in doc["files"][0]["violations"]] == ["(source)", "TK"]


def test_unwritable_output_file_is_an_error(repo: Path) -> None:
    write(repo, {"a.md": BAD})
    code, _, err = run(["check", "-o", "no/such/dir/out.txt", "a.md"])
    assert code == 2 and "no/such/dir/out.txt: cannot write" in err


def test_input_errors_go_to_json_errors_and_exit_2_wins(repo: Path) -> None:
    write(repo, {"a.md": BAD})
    (repo / "bad.txt").write_bytes(b"caf\xe9")
    code, out, err = run(["check", "--format", "json", "a.md", "bad.txt", "gone.md"])
    assert code == 2
    doc = json.loads(out)
    assert [f["path"] for f in doc["files"]] == ["a.md"]
    assert {e["path"] for e in doc["errors"]} == {"bad.txt", "gone.md"}
    assert "bad.txt: not valid UTF-8" in err


def test_clean_files_exit_0(repo: Path) -> None:
    write(repo, {"a.md": "All sourced and done.\n"})
    assert run(["check", "a.md"])[:2] == (0, "")


def test_statistics_counts_per_rule(repo: Path) -> None:
    write(repo, {"a.md": BAD, "b.md": "More (source).\n"})
    code, out, _ = run(["check", "--statistics", "a.md", "b.md"])
    assert code == 1
    rows = [ln.split() for ln in out.splitlines()]
    assert [r[:3] for r in rows] == [
        ["2", "citations.placeholder", "error"],
        ["1", "citations.tk", "error"],
    ]


def test_pack_option_loads_a_pack_file_and_a_vale_folder(repo: Path) -> None:
    write(
        repo,
        {
            "house.yaml": HOUSE_PACK,
            "styles/Plain/Avoid.yml": (
                "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [leverage]\n"
            ),
            "a.md": "We utilize and leverage (source).\n",
        },
    )
    code, files, _ = found(["--pack", "house.yaml", "--pack", "styles/Plain", "a.md"])
    assert code == 1
    assert files["a.md"] == ["house.utilize", "Plain.Avoid", "citations.placeholder"]
    code, files, _ = found(["--pack", "styles/Plain", "--select", "Plain", "a.md"])
    assert (code, files["a.md"]) == (0, ["Plain.Avoid"])  # only a warning: fail-on error


def test_pack_paths_on_the_command_line_are_relative_to_the_working_folder(repo: Path) -> None:
    write(repo, {"house.yaml": HOUSE_PACK, "sub/.copydesk.yaml": "packs: [citations]\n"})
    write(repo, {"sub/a.md": "Pure synergy.\n"})
    assert found(["--pack", "house.yaml", "sub/a.md"])[1] == {"sub/a.md": ["house.banned"]}


def test_a_broken_pack_names_its_file_and_line(repo: Path) -> None:
    write(
        repo,
        {"bad.yaml": "pack: bad\nrules:\n  - id: x\n    extends: existence\n    tokenz: [a]\n"},
    )
    write(repo, {"a.md": BAD})
    code, out, err = run(["check", "--pack", "bad.yaml", "a.md"])
    assert code == 2 and out == ""
    assert "bad.yaml:5:" in err


def test_profile_option_applies_a_builtin_profile(repo: Path) -> None:
    write(repo, {"a.md": BAD})
    code, files, _ = found(["--profile", "news", "a.md"])
    assert (code, files["a.md"]) == (1, ["citations.placeholder", "citations.tk"])


def test_position_encoding_changes_columns_not_offsets(repo: Path) -> None:
    (repo / "a.txt").write_text("😀 (source)\n", encoding="utf-8")
    cols = {}
    for enc in ("code-points", "utf-16", "utf-8"):
        _, out, _ = run(["check", "--format", "json", "--position-encoding", enc, "a.txt"])
        v = json.loads(out)["files"][0]["violations"][0]
        assert (v["offset"], v["match"]) == (2, "(source)")
        cols[enc] = v["column"]
    assert cols == {"code-points": 3, "utf-16": 4, "utf-8": 6}


def test_no_color_never_emits_escape_codes(repo: Path) -> None:
    write(repo, {"a.md": BAD})
    code, out, _ = run(["check", "--format", "full", "--no-color", "a.md"])
    assert code == 1 and "(source)" in out and "\x1b[" not in out


def test_color_always_never_and_auto(repo: Path) -> None:
    write(repo, {"a.md": BAD})
    _, out, _ = run(["check", "--format", "full", "--color", "always", "a.md"])
    assert "\x1b[" in out  # even into a pipe
    _, out, _ = run(["check", "--format", "full", "--color", "always", "--no-color", "a.md"])
    assert "\x1b[" not in out  # --no-color is --color never, and wins
    _, out, _ = run(["check", "--format", "full", "--color", "auto", "a.md"])
    assert "\x1b[" not in out  # auto: not a terminal here


def test_extend_select_widens_the_config_s_selection(repo: Path) -> None:
    write(repo, {".copydesk.yaml": "select: [citations.tk]\n",
                 "a.md": "The cost is TK (source). Critics say so.\n"})
    _, out, _ = run(["check", "--format", "concise", "a.md"])
    assert [line.rsplit("[", 1)[1] for line in out.splitlines()] == ["citations.tk]"]
    _, out, _ = run(["check", "--format", "concise", "--extend-select",
                     "citations.placeholder,weasel", "a.md"])
    assert sorted(line.rsplit("[", 1)[1] for line in out.splitlines()) == [
        "citations.placeholder]", "citations.tk]", "weasel.vague-source]"]


def test_quiet_keeps_findings_and_errors_only(repo: Path) -> None:
    write(repo, {"a.md": BAD, "scan.txt": "x"})
    (repo / "scan.txt").write_bytes(b"\x89PNG\x00binary")
    code, out, err = run(["check", "--format", "concise", ".", "missing.md"])
    assert "warning: scan.txt: binary file skipped" in err and "error: missing.md" in err
    code_q, out_q, err_q = run(["check", "--quiet", "--format", "concise", ".", "missing.md"])
    assert (code_q, out_q) == (code, out) == (2, out)
    assert err_q == "copydesk: error: missing.md: no such file or directory\n"


def test_bad_option_values_are_usage_errors(repo: Path) -> None:
    write(repo, {"a.md": BAD})
    for args in (["--fail-on", "sometimes"], ["--format", "xml"], ["--min-severity", "info"]):
        code, _, err = run(["check", *args, "a.md"])
        assert code == 2 and "Invalid value" in err
