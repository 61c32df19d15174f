"""The hook manifest works for a consumer: ``pre-commit try-repo`` fails a bad file and passes
a clean one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _copy_checkout(dest: Path) -> Path:
    """A committed copy of the working tree (try-repo installs what the repo's HEAD holds)."""
    repo = dest / "copydesk"
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "*.egg-info", "__pycache__", ".*_cache", "dist", "build"
    )
    shutil.copytree(ROOT, repo, ignore=ignore)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "snapshot")
    return repo


@pytest.mark.slow  # pre-commit builds a virtualenv and installs copydesk into it
def test_try_repo_fails_bad_file_and_passes_clean_one(tmp_path: Path) -> None:
    hook_repo = _copy_checkout(tmp_path)
    sample = tmp_path / "sample"
    sample.mkdir()
    (sample / "bad.md").write_text(
        "# Budget\n\nThe bridge will cost $TK million (source).\n", "utf-8"
    )
    (sample / "clean.md").write_text("# Budget\n\nThe council met on Tuesday.\n", "utf-8")
    (sample / "script.py").write_text("print('(source)')\n", "utf-8")
    (sample / "requirements.txt").write_text("requests==2.0  # (source)\n", "utf-8")
    (sample / "vendor").mkdir()
    (sample / "vendor" / "copied.md").write_text("Copied text (source).\n", "utf-8")
    (sample / ".copydesk.yaml").write_text("ignore: ['vendor/**']\n", "utf-8")
    (sample / "hedge.md").write_text("# Budget\n\nCritics say the bridge is late.\n", "utf-8")
    _git(sample, "init", "-q")
    _git(sample, "add", "-A")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    pre_commit = [sys.executable, "-m", "pre_commit"]

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*pre_commit, "try-repo", str(hook_repo), "copydesk", "--files", *files],
            cwd=sample,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    bad = run("bad.md", "script.py", "requirements.txt", "vendor/copied.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:3:" in bad.stdout and "[citations.tk]" in bad.stdout
    assert "script.py" not in bad.stdout  # types_or keeps code files out
    assert "requirements.txt" not in bad.stdout  # the hook's exclude: not prose
    assert "vendor/copied.md" not in bad.stdout  # the config's ignore:, with --force-exclude
    clean = run("clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    # a warning does not fail the hook, and is shown all the same (verbose)
    warned = run("hedge.md")
    assert warned.returncode == 0, warned.stdout + warned.stderr
    assert "Passed" in warned.stdout and "hedge.md:3:1: warning:" in warned.stdout
