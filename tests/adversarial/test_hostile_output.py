"""What copydesk writes: never over its input, never half a report, never a terminal escape or
invalid UTF-8, and quiet when its reader goes away or its streams are closed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run
from copydesk import formatters
from copydesk.formatters import Formatter
from copydesk.formatters.escape import shown_path, shown_text

GUARD = 120  # seconds, a hang guard for runs that cost about a second
STORY = "Critics say the plan failed. Officials said it would work.\n"


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COPYDESK": f"{sys.executable} -m copydesk"}
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, capture_output=True, timeout=GUARD, env=env
    )


def test_output_file_naming_an_input_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("c.md").write_text(STORY)
    code, _, err = run(["check", "c.md", "-o", "./c.md"])
    assert code == 2
    assert "refusing to write the report over c.md" in err
    assert Path("c.md").read_text() == STORY


def test_output_file_inside_a_walked_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    Path("docs/a.md").write_text(STORY)
    code, _, err = run(["check", "docs", "-o", "docs/a.md"])
    assert "refusing to write the report over docs/a.md" in err
    assert code == 2 and Path("docs/a.md").read_text() == STORY


class Exploding(Formatter):
    """Writes half a report, then fails, as a crash while rendering would."""

    def render(self, results: object) -> None:
        self.out.write("half a rep")
        raise RuntimeError("renderer crashed")


def test_a_crash_while_rendering_leaves_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copydesk import formatters

    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(STORY)
    Path("report.txt").write_text("yesterday's report\n")
    monkeypatch.setitem(formatters.REGISTRY, "concise", Exploding)
    with pytest.raises(RuntimeError):
        run(["check", "a.md", "--format", "concise", "-o", "report.txt"])
    assert Path("report.txt").read_text() == "yesterday's report\n"
    assert sorted(os.listdir()) == ["a.md", "report.txt"]  # no temporary file left behind


def test_a_report_replaces_the_old_one_whole_with_its_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(STORY)
    Path("report.txt").write_text("old\n")
    os.chmod("report.txt", 0o640)
    code, _, _ = run(["check", "a.md", "--format", "concise", "-o", "report.txt"])
    assert code == 0
    assert Path("report.txt").read_text().startswith("a.md:1:1: warning:")
    assert os.stat("report.txt").st_mode & 0o777 == 0o640


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    # enough findings that the output outgrows the pipe's buffer before head exits
    (tmp_path / "a.txt").write_text("Critics say so. Officials said no. " * 20_000)
    (tmp_path / "pack.yaml").write_text(
        "pack: h\nrules:\n  - id: t\n    extends: existence\n    message: 'x %s'\n"
        "    tokens: [so, 'no']\n"
    )
    proc = shell(
        "set -o pipefail; $COPYDESK check a.txt --pack pack.yaml --select h --format concise"
        " | head -1", tmp_path,
    )
    assert proc.returncode == 141  # 128 + SIGPIPE, what `cat big | head -1` reports
    assert proc.stdout.decode().count("\n") == 1
    assert proc.stderr == b""


@pytest.mark.parametrize(
    ("redirect", "message"),
    [
        (">&-", "cannot write the report: standard output is closed"),
        ("- <&-", "stdin: cannot read: standard input is closed"),
    ],
)
def test_closed_streams_are_one_line_errors(tmp_path: Path, redirect: str, message: str) -> None:
    (tmp_path / "a.md").write_text(STORY)
    proc = shell(f"$COPYDESK check a.md --format concise {redirect}", tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert message in err and "Traceback" not in err


BAD_NAMES = [b"bad\xff name.md", b"esc\x1b]0;title\x07\nnext.md"]


@pytest.mark.parametrize("fmt", formatters.choices())  # every format --format offers
def test_hostile_file_names_and_text_are_escaped_in_every_format(
    tmp_path: Path, fmt: str
) -> None:
    for name in BAD_NAMES:
        (tmp_path / os.fsdecode(name)).write_text("Critics say \x1b[31mno\x1b[0m.\n")
    proc = shell(f"$COPYDESK check . --format {fmt}", tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")  # strict: the report is valid UTF-8
    if fmt in ("concise", "full", "github"):
        assert "\x1b" not in out and "\x07" not in out
        assert "bad\\xff name.md" in out and "esc\\x1b]0;title\\x07\\x0anext.md" in out
    if fmt in ("concise", "github", "json-lines", "rdjsonl"):
        lines = out.splitlines()
        if fmt == "github":  # then its summary line
            assert lines.pop() == "copydesk: 0 errors, 2 warnings, 0 notices annotated"
        assert len(lines) == 2  # a newline in a name does not split a finding
    if fmt in ("json", "json-lines"):
        rows = [json.loads(ln) for ln in out.splitlines()] if fmt == "json-lines" else [
            f for f in json.loads(out)["files"]
        ]
        assert {r["path"] for r in rows} == {shown_path(os.fsdecode(n)) for n in BAD_NAMES}
    if fmt == "sarif":
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(out)["runs"][0]["results"]
        }
        assert uris == {"bad%FF%20name.md", "esc%1B%5D0;title%07%0Anext.md"}


def test_escapes_are_byte_values() -> None:
    assert shown_path(os.fsdecode(b"a\xe9\tb")) == "a\\xe9\\x09b"
    assert shown_text("ok\tstill\x1b[2J\x9b\x7f") == "ok\tstill\\x1b[2J\\x9b\\x7f"
    assert shown_text("plain “quotes” é 😀") == "plain “quotes” é 😀"


def test_full_shows_a_window_of_a_long_line_with_the_match_underlined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copydesk.formatters.full import WINDOW

    monkeypatch.chdir(tmp_path)
    words = [f"w{n}" if n % 50 else "synergy" for n in range(1, 40_000)]
    Path("one.txt").write_text(" ".join(words) + "\n")  # one line of about 240 KB
    Path("pack.yaml").write_text(
        "pack: h\nrules:\n  - id: s\n    extends: existence\n    message: 'x %s'\n"
        "    tokens: [synergy]\n"
    )
    _, out, _ = run(["check", "one.txt", "--pack", "pack.yaml", "--select", "h", "--format",
                     "full"])
    lines = out.splitlines()
    sources = [i for i, ln in enumerate(lines) if ln.startswith("1 | ")]
    assert len(sources) == 799  # every finding shown
    assert len(out) < 799 * 400  # not 799 copies of the whole line
    for i in sources:
        source, carets = lines[i][4:], lines[i + 1][4:]
        assert len(source) <= WINDOW + 2  # the window and its two ellipses
        start = carets.index("^")
        assert source[start : start + len("synergy")] == "synergy"
        assert carets[start:] == "^" * len("synergy")
