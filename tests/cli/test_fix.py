"""``check --fix`` and ``check --diff``: which fixes, the bytes written, and the write itself.

A fix is applied only when unambiguous, never into a suppressed region, and of overlapping
fixes only the earliest; the file keeps its BOM, its line endings and every byte outside the
replaced spans; it is written only if unchanged since it was read, atomically, and a crash (an
exception, or the process killed) between reading and writing leaves it byte-identical with no
temporary file behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run, write
from click.testing import CliRunner
from copydesk.cli import fixing, write_back
from copydesk.cli.main import cli
from copydesk.core.model import Fix, Replacement, Severity, Violation
from copydesk.run.fixes import apply, choose

PACK = r"""
pack: house
description: Substitutions for the fix tests.
rules:
  - id: utilize
    extends: substitution
    message: "Use '%s' instead of '%s'."
    severity: error
    swap: {utilize: use, leverage: use|apply}
  - id: phrase
    extends: substitution
    message: "Use '%s' instead of '%s'."
    severity: warning
    swap: {'in order to': to, 'to go home': to leave}
  - id: across
    extends: substitution
    message: "Use '%s' instead of '%s'."
    severity: warning
    swap: {'employ\s+it': use it}
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    write(tmp_path, {"house.yaml": PACK, ".copydesk.yaml": "packs: [./house.yaml]\n"})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_bytes(args: list[str], stdin: str | None = None) -> tuple[int, bytes, str]:
    """As ``run``, with stdout's bytes as written (``run`` turns CRLF into LF)."""
    result = CliRunner().invoke(cli, args, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout_bytes, result.stderr


def put(repo: Path, name: str, data: bytes) -> Path:
    path = repo / name
    path.write_bytes(data)
    return path


def listing(repo: Path) -> set[str]:
    return {p.name for p in repo.iterdir()}


# --- the bytes written ------------------------------------------------------------------


def test_fix_keeps_crlf_bom_and_every_byte_outside_the_spans(repo: Path) -> None:
    # a BOM, CRLF, an emoji with a skin-tone modifier and combining marks before the spans
    before = "\ufeffCafe\u0301 👍🏽 we utilize it.\r\nTheir n\u0303 utilize.\r\nlast".encode()
    path = put(repo, "a.md", before)
    code, out, err = run(["check", "--fix", "--format", "concise", "a.md"])
    assert path.read_bytes() == before.replace(b"utilize", b"use")
    assert (code, out) == (0, "")
    assert "copydesk: 2 fixes applied in 1 file" in err


def test_what_remains_is_reported_at_its_place_in_the_fixed_text(repo: Path) -> None:
    put(repo, "a.md", b"We utilize it; they leverage it.\n")
    code, out, _ = run(["check", "--fix", "--format", "concise", "a.md"])
    assert (repo / "a.md").read_bytes() == b"We use it; they leverage it.\n"
    # 'leverage' offers two words: not fixed, and found at its column in the new text
    assert out.splitlines() == [
        "a.md:1:17: error: Use 'use|apply' instead of 'leverage'. [house.utilize]"]
    assert code == 1


def test_overlapping_fixes_apply_the_earliest_and_report_the_rest(repo: Path) -> None:
    put(repo, "a.md", b"We left in order to go home.\n")
    code, out, err = run(["check", "--fix", "--format", "concise", "a.md"])
    assert (repo / "a.md").read_bytes() == b"We left to go home.\n"
    assert "1 fix applied in 1 file" in err
    # 'to go home' shared 'to' with the fix applied: still found, in the fixed text
    assert out == "a.md:1:9: warning: Use 'to leave' instead of 'to go home'. [house.phrase]\n"
    assert code == 0  # a warning: below the default --fail-on
    run(["check", "--fix", "a.md"])  # a second run applies it
    assert (repo / "a.md").read_bytes() == b"We left to leave.\n"


def test_a_suppressed_finding_is_not_fixed(repo: Path) -> None:
    before = (b"We utilize it.\n\n<!-- copydesk-disable house.utilize -->\n\n"
              b"They utilize it.\n\n<!-- copydesk-enable house.utilize -->\n\nAll utilize it.\n")
    put(repo, "a.md", before)
    run(["check", "--fix", "a.md"])
    assert (repo / "a.md").read_bytes() == before.replace(b"We utilize", b"We use").replace(
        b"All utilize", b"All use")


@pytest.mark.parametrize("comment", [
    b"<!-- copydesk-disable house.across -->",
    b"<!-- copydesk-disable-next-line -->\n",  # (no name: the line it silences tells)
    b"<!-- vale off -->",  # Vale's switches are suppression comments too
])
def test_a_fix_across_a_suppression_comment_is_not_applied(repo: Path, comment: bytes) -> None:
    before = b"We employ " + comment + b" it here.\n"
    put(repo, "a.md", before)
    _, out, err = run(["check", "--fix", "--format", "concise", "a.md"])
    assert (repo / "a.md").read_bytes() == before
    assert "0 fixes applied in 0 files" in err
    # it starts before the region, so it is still found
    assert out == "a.md:1:4: warning: Use 'use it' instead of 'employ it'. [house.across]\n"


def test_a_fix_into_a_line_silenced_by_disable_line_is_not_applied(repo: Path) -> None:
    before = b"We employ\nit here. <!-- copydesk-disable-line house.across -->\n"
    put(repo, "a.md", before)
    _, out, err = run(["check", "--fix", "--format", "concise", "a.md"])
    assert (repo / "a.md").read_bytes() == before
    assert "0 fixes applied in 0 files" in err
    assert out == "a.md:1:4: warning: Use 'use it' instead of 'employ it'. [house.across]\n"


def test_mode_and_symbolic_link_are_kept(repo: Path) -> None:
    real = put(repo, "real.md", b"We utilize it.\n")
    real.chmod(0o640)
    (repo / "link.md").symlink_to("real.md")
    run(["check", "--fix", "link.md"])
    assert (repo / "link.md").is_symlink()
    assert real.read_bytes() == b"We use it.\n"
    assert real.stat().st_mode & 0o7777 == 0o640


def test_stdin_prints_the_fixed_text_and_reports_on_stderr(repo: Path) -> None:
    code, out, err = run_bytes(["check", "--fix", "--format", "concise", "-"],
                               "We utilize it.\r\nThey leverage it.\r\n")
    assert out == b"We use it.\r\nThey leverage it.\r\n"
    assert "stdin:2:6: error: Use 'use|apply' instead of 'leverage'." in err
    assert code == 1


def test_files_linted_in_worker_processes_are_fixed_the_same(repo: Path) -> None:
    body = ("Filler words here. " * 40 + "\n\n") * 200  # ~160 KB a file: workers start
    for name in ("a.md", "b.md"):
        put(repo, name, (body + "We utilize it.\n").encode())
    code, _, err = run(["check", "--fix", "--jobs", "2", "a.md", "b.md"])
    for name in ("a.md", "b.md"):
        assert (repo / name).read_bytes() == (body + "We use it.\n").encode()
    assert "2 fixes applied in 2 files" in err
    assert code == 0


# --- --diff -----------------------------------------------------------------------------


def test_diff_prints_what_fix_would_write_and_writes_nothing(repo: Path) -> None:
    before = b"Title\r\n\r\nWe utilize it."
    put(repo, "a.md", before)
    code, out, err = run_bytes(["check", "--diff", "a.md"])
    assert out == (b"--- a.md\n+++ a.md\n@@ -1,3 +1,3 @@\n Title\r\n \r\n-We utilize it.\n"
                   b"\\ No newline at end of file\n+We use it.\n\\ No newline at end of file\n")
    assert (repo / "a.md").read_bytes() == before
    assert code == 1
    assert "1 fix would be applied in 1 file" in err


def test_diff_exits_0_when_there_is_nothing_to_fix(repo: Path) -> None:
    put(repo, "a.md", b"They leverage it.\n")  # a finding, but no unambiguous fix
    code, out, _ = run(["check", "--diff", "a.md"])
    assert (code, out) == (0, "")


def test_a_diff_applied_with_git_apply_gives_what_fix_writes(repo: Path) -> None:
    before = "Intro é\n\nWe utilize it,\nand utilize 👍 that.\n"
    put(repo, "a.md", before.encode())
    _, out, _ = run(["check", "--diff", "a.md"])
    (repo / "a.patch").write_bytes(out.encode())
    expected = before.replace("utilize", "use")
    assert fixing.diff("a.md", before, expected) == out
    # git apply reads unified diffs as patch(1) does (git is already a test requirement: the
    # pre-commit test builds repositories), so this check never has to be skipped
    subprocess.run(["git", "apply", "-p0", "a.patch"], cwd=repo, check=True)
    assert (repo / "a.md").read_text("utf-8") == expected


# --- unchanged since read ---------------------------------------------------------------


def test_a_file_changed_after_it_was_read_is_left_alone(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = put(repo, "a.md", b"We utilize it.\n")
    settle = fixing.Fixer.settle

    def edited_meanwhile(self, job, outcome):  # type: ignore[no-untyped-def]
        path.write_bytes(b"We utilize it, said the editor.\n")
        return settle(self, job, outcome)

    monkeypatch.setattr(fixing.Fixer, "settle", edited_meanwhile)
    code, out, err = run(["check", "--fix", "--format", "concise", "a.md"])
    assert path.read_bytes() == b"We utilize it, said the editor.\n"
    assert "copydesk: warning: a.md: changed since it was read: not fixed" in err
    assert "0 fixes applied in 0 files" in err
    assert "a.md:1:4: error:" in out  # the findings of the text that was read
    assert code == 1
    assert listing(repo) == {".git", ".copydesk.yaml", "house.yaml", "a.md"}


def test_a_change_just_before_the_rename_is_caught_too(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = put(repo, "a.md", b"We utilize it.\n")
    fill = write_back._fill

    def edited_while_writing(fd, new, st):  # type: ignore[no-untyped-def]
        fill(fd, new, st)
        path.write_bytes(b"We utilize it!\n")  # same size: the bytes tell

    monkeypatch.setattr(write_back, "_fill", edited_while_writing)
    _, _, err = run(["check", "--fix", "a.md"])
    assert path.read_bytes() == b"We utilize it!\n"
    assert "a.md: changed since it was read: not fixed" in err
    assert listing(repo) == {".git", ".copydesk.yaml", "house.yaml", "a.md"}


# --- a crash between read and write ------------------------------------------------------


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named temporary"])
@pytest.mark.parametrize("fails", ["replace", "fsync", "write"])
def test_a_failed_write_leaves_the_file_byte_identical_and_no_temporary_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch, fails: str, unnamed: bool
) -> None:
    before = b"\xef\xbb\xbfWe utilize it.\r\n"
    path = put(repo, "a.md", before)
    if not unnamed:
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)

    def crash(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, fails, crash)
    code, _, err = run(["check", "--fix", "a.md"])
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert listing(repo) == {".git", ".copydesk.yaml", "house.yaml", "a.md"}
    assert "a.md: cannot write the fixes: Input/output error" in err
    assert code == 2


def test_a_process_killed_while_writing_leaves_the_file_and_no_temporary_file(
    repo: Path,
) -> None:
    before = b"We utilize it.\n" * 1000
    path = put(repo, "a.md", before)
    script = (
        "import os, signal, sys\n"
        "from copydesk.cli.main import main\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        "sys.exit(main(['check', '--fix', 'a.md']))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=repo, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    assert listing(repo) == {".git", ".copydesk.yaml", "house.yaml", "a.md"}


# --- choosing and applying, pure --------------------------------------------------------


def finding(start: int, end: int, *texts: str, rule: str = "r") -> Violation:
    fix = Fix(tuple(Replacement(start, end, t) for t in texts)) if texts else None
    return Violation(rule, "c", Severity.ERROR, "m", start, end, fix=fix)


def test_choose_takes_single_replacements_earliest_first_and_never_two_overlapping() -> None:
    found = [
        finding(8, 12, "B"),
        finding(0, 5, "A"),
        finding(3, 9, "X"),  # overlaps the first
        finding(14, 16, "a", "b"),  # two replacements: ambiguous
        finding(13, 13, "+"),
        finding(13, 13, "-", rule="s"),  # a second insertion at one point: which first?
        finding(20, 21),  # no fix
    ]
    chosen = choose(found)
    assert [r.text for r in chosen] == ["A", "B", "+"]
    assert choose(reversed(found)) == chosen  # the order of the findings does not matter
    assert apply("0123456789abcdefghijk", chosen) == "A567Bc+defghijk"


def test_apply_makes_exactly_the_replacements_and_refuses_bad_offsets() -> None:
    text = "e\u0301 👍🏽 utilize x"
    start = text.index("utilize")
    assert apply(text, [Replacement(start, start + 7, "use")]) == "e\u0301 👍🏽 use x"
    with pytest.raises(ValueError):
        apply(text, [Replacement(5, 6, "a"), Replacement(4, 5, "b")])
    with pytest.raises(ValueError):
        apply(text, [Replacement(0, len(text) + 1, "a")])
