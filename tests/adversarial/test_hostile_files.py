"""Only regular files are read: FIFOs, devices and sockets never block a run or fill memory,
a walk stays inside its folder, and a pack reads data only from its own folder.

Each CLI run here is a subprocess with a timeout far above its cost (a few seconds at most):
the timeout is a hang guard, never a measure of speed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from copydesk.config.discovery import walk

GUARD = 120  # seconds: each run costs about 1 s; a blocked read would never end

STORY = "Critics say the plan failed.\n"


def copydesk(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "copydesk", *args],
        cwd=cwd, capture_output=True, text=True, timeout=GUARD,
        input=stdin.decode() if stdin is not None else None,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_a_named_fifo_is_an_input_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.md")
    (tmp_path / "ok.md").write_text(STORY)
    proc = copydesk("check", "p.md", "ok.md", "--format", "concise", cwd=tmp_path)
    assert proc.returncode == 2
    assert "p.md: cannot read: not a regular file (a FIFO)" in proc.stderr
    assert "ok.md:1:1:" in proc.stdout  # the good file is still checked
    assert "Traceback" not in proc.stderr


def test_a_named_device_is_an_input_error(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "z.md")
    proc = copydesk("check", "z.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "z.md: cannot read: not a regular file (a character device)" in proc.stderr


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--config", "cannot read configuration: not a regular file (a FIFO)"),
        ("--pack", "cannot read rule pack: not a regular file (a FIFO)"),
    ],
)
def test_config_and_pack_fifos_are_named_errors(tmp_path: Path, option: str, message: str) -> None:
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "ok.md").write_text(STORY)
    proc = copydesk("check", option, "fifo.yaml", "ok.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr and "fifo.yaml" in proc.stderr


def test_dev_null_still_means_no_config(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text(STORY)
    proc = copydesk("check", "--config", os.devnull, "ok.md", "--format", "concise", cwd=tmp_path)
    assert proc.returncode == 0 and "weasel.vague-source" in proc.stdout


def _hostile_tree(root: Path, outside: Path) -> None:
    docs = root / "docs"
    docs.mkdir()
    (docs / "real.md").write_text(STORY)
    (docs / "inner").mkdir()
    (docs / "inner" / "deep.md").write_text(STORY)
    os.symlink("inner/deep.md", docs / "alias.md")  # stays inside: linted
    os.symlink("/dev/zero", docs / "zero.md")
    os.mkfifo(docs / "pipe.md")
    os.symlink("missing.md", docs / "dangling.md")
    secret = outside / "secret.txt"
    secret.write_text("Officials said the password is swordfish.\n")
    os.symlink(secret, docs / "leak.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(docs / "sock.md"))
    sock.close()
    (root / ".gitignore").write_text("")


def test_a_walk_reads_only_regular_files_inside_its_folder(tmp_path: Path) -> None:
    root, outside = tmp_path / "repo", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    _hostile_tree(root, outside)
    assert sorted(p.as_posix() for p in walk(root / "docs")) == [
        "alias.md", "inner/deep.md", "real.md"
    ]
    proc = copydesk("check", "docs", "--format", "json", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "swordfish" not in proc.stdout  # the symlinked secret was not read
    assert proc.stderr == ""  # dangling links, FIFOs, devices and sockets: skipped quietly


def test_a_named_symlink_out_of_the_tree_is_still_linted(tmp_path: Path) -> None:
    root, outside = tmp_path / "repo", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    _hostile_tree(root, outside)
    proc = copydesk("check", "docs/leak.txt", "--format", "concise", cwd=root)
    assert "docs/leak.txt:1:1:" in proc.stdout


def test_an_ignore_file_that_is_a_fifo_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(STORY)
    os.mkfifo(tmp_path / ".gitignore")
    (tmp_path / ".git").mkdir()
    proc = copydesk("check", ".", "--format", "concise", cwd=tmp_path)
    assert proc.returncode == 0 and "a.md:1:1:" in proc.stdout


def test_a_very_deep_folder_tree_is_walked_without_recursion(tmp_path: Path) -> None:
    folder = str(tmp_path)
    for _ in range(1200):  # deeper than Python's recursion limit (mkdir(parents=) recurses)
        folder = os.path.join(folder, "d")
        os.mkdir(folder)
    Path(folder, "bottom.md").write_text(STORY)
    try:
        found = list(walk(tmp_path))
        assert len(found) == 1 and found[0].name == "bottom.md" and len(found[0].parts) == 1201
    finally:  # shutil.rmtree recurses too: take the tree down from the bottom
        os.unlink(os.path.join(folder, "bottom.md"))
        while folder != str(tmp_path):
            os.rmdir(folder)
            folder = os.path.dirname(folder)


PACK_WITH_DATA = """\
pack: p
rules:
  - id: words
    extends: profanity
    message: "Profanity: %s"
    terms_file: {name}
"""


def test_a_terms_file_outside_the_pack_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x.yaml").write_text("terms: [secretword]\n")
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "p.yaml").write_text(PACK_WITH_DATA.format(name="../outside/x.yaml"))
    (tmp_path / "a.md").write_text("A secretword here.\n")
    proc = copydesk("check", "--pack", "pack/p.yaml", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "terms_file '../outside/x.yaml' lies outside the pack's folder" in proc.stderr
    assert "secretword" not in proc.stderr + proc.stdout


def test_a_broken_terms_file_is_one_line_without_its_text(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("terms: [ok,\n  - private words here: {\n")
    (tmp_path / "p.yaml").write_text(PACK_WITH_DATA.format(name="bad.yaml"))
    (tmp_path / "a.md").write_text(STORY)
    proc = copydesk("check", "--pack", "p.yaml", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    errors = [ln for ln in proc.stderr.splitlines() if "bad.yaml" in ln]
    assert len(errors) == 1 and "is not valid YAML at line" in errors[0]
    assert "private words" not in proc.stderr


def test_an_empty_pack_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "a.md").write_text(STORY)
    proc = copydesk("check", "--pack", "styles", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "no rule files (*.yml, *.yaml) in this pack folder" in proc.stderr
