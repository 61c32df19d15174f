"""Lone CR line ends (classic Mac OS files) and mixed ones, from the index to every format.

The LSP counts ``\\r\\n``, ``\\n`` and a lone ``\\r`` as line ends, so an editor given ``4:7``
for a CR-only file goes to the fourth CR-separated line: ``LineIndex`` counts the same, every
format that shows lines reports that line, and the readers find the same paragraphs as in the
LF twin of the file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from copydesk.cli.main import cli
from copydesk.core.positions import LineIndex
from copydesk.text.document import build_document

CR_ONLY = "First (source) here.\rSecond line TK.\r\rThird (source).\r"
MIXED = "First (source) here.\r\nSecond line TK.\r\n\rThird (source).\n"
# (line, column, end line, end column) of the three findings, in both files
WANTED = [(1, 7, 1, 15), (2, 13, 2, 15), (4, 7, 4, 15)]


def test_index_ends_a_line_at_lf_crlf_and_lone_cr() -> None:
    text = "a\rb\r\nc\nd\r\re"
    index = LineIndex(text)
    assert index.starts == [0, 2, 5, 7, 9, 10]
    assert [index.line_text(n) for n in range(1, 7)] == ["a", "b", "c", "d", "", "e"]
    assert index.position(text.index("e")) == (6, 1)
    assert index.position(1) == (1, 2)  # the lone \r itself ends line 1
    assert index.position(3) == (2, 2)  # the \r of a CRLF is still on its line
    assert index.position(len(text)) == (6, 2)
    for offset in range(len(text) + 1):
        assert index.offset(*index.position(offset)) == offset


def test_index_without_cr_is_unchanged() -> None:
    index = LineIndex("one\ntwo\n\nthree")
    assert index.starts == [0, 4, 8, 9]
    assert index.line_text(4) == "three"


def _positions(fmt: str, out: str) -> list[tuple[int, ...]]:
    """(line, column, end line, end column) of each finding in ``out``; for github (line,
    column, end column)."""
    if fmt in ("concise", "full"):  # the header "a.txt:4:7: error: '(source)' is …"
        found = re.findall(r"^a\.txt:(\d+):(\d+): error: '([^']+)'", out, re.M)
        return [(int(line), int(col), int(line), int(col) + len(match))
                for line, col, match in found]
    if fmt == "github":
        found = re.findall(r"line=(\d+),endLine=\d+,col=(\d+),endColumn=(\d+)", out)
        return [tuple(map(int, m)) for m in found]
    if fmt == "sarif":
        regions = [r["locations"][0]["physicalLocation"]["region"]
                   for r in json.loads(out)["runs"][0]["results"]]
        return [(r["startLine"], r["startColumn"], r["endLine"], r["endColumn"]) for r in regions]
    if fmt == "json":
        rows = [v for f in json.loads(out)["files"] for v in f["violations"]]
    else:
        rows = [json.loads(line) for line in out.splitlines()]
    return [(v["line"], v["column"], v["end_line"], v["end_column"]) for v in rows]


@pytest.mark.parametrize("text", [CR_ONLY, MIXED], ids=["cr-only", "mixed"])
@pytest.mark.parametrize("fmt", ["concise", "full", "github", "json", "json-lines", "sarif"])
def test_every_format_counts_lone_cr_lines(
    fmt: str, text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(cli, ["check", "--select", "citations", "--format", fmt, "a.txt"])
    assert result.exit_code == 1, result.output
    got = _positions(fmt, result.stdout)
    if fmt == "github":  # line, col, endColumn
        assert got == [(line, col, end_col) for line, col, _, end_col in WANTED]
    else:
        assert got == WANTED
    if fmt == "full":  # the source line shown is the finding's own line, nothing after it
        assert "4 | Third (source)." in result.stdout.splitlines()
        assert "\r" not in result.stdout


LF_STORY = (
    "CITY HALL VOTES\n\nThe council voted 7-2 on Tuesday. Critics say the plan is the\n"
    "longest ever, and it was approved.\n\n“It is a good day,” Mayor Ruiz said.\n\n"
    "Q. Who paid?\nA. The city did.\nQ. How much?\nA. About $48 million.\n"
)


@pytest.mark.parametrize("name", ["story.txt", "story.md", "story.html"])
def test_readers_find_the_same_blocks_in_a_cr_only_file(name: str) -> None:
    text = LF_STORY if not name.endswith(".html") else "<p>" + LF_STORY.replace("\n\n", "<p>")
    lf = build_document(name, text)
    cr = build_document(name, text.replace("\n", "\r"))
    assert [(r.kind, r.start, r.end) for r in cr.regions] == [
        (r.kind, r.start, r.end) for r in lf.regions
    ]
    assert len([r for r in cr.regions if r.kind == "paragraph"]) > 2
    assert cr.prose.text == lf.prose.text  # a lone \r reads as the line end it is


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_disable_next_line_counts_lone_cr_lines(ending: str) -> None:
    from copydesk.run.engine import compile_rules
    from copydesk.run.session import Settings, lint_text, select_specs

    specs, severity = select_specs(Settings(select=("citations",)))
    text = ending.join(["<!-- copydesk-disable-next-line -->", "One TK.", "Two TK.", ""])
    result = lint_text("a.md", text, compile_rules(specs, severity))
    index = LineIndex(text)
    assert [index.position(v.offset) for v in result.violations] == [(3, 5)]
