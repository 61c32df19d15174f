"""The library API at the package's top: a session, check_text / check_paths, and results as
the json format's model, the same as ``copydesk check --format json`` prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import copydesk
import pytest
from cli_helpers import run

STORY = "# Budget\n\nThe bridge will cost $TK million (source). Critics say it is late.\n"


def test_check_text_and_to_json_give_what_the_command_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(STORY, "utf-8")
    session = copydesk.Session()
    result = copydesk.check_text(STORY, "story.md", session)
    assert isinstance(result, copydesk.FileResult) and result.violations
    assert all(isinstance(v.severity, copydesk.Severity) for v in result.violations)
    doc = copydesk.to_json([result], session)
    _, out, _ = run(["check", "--format", "json", "story.md"])
    assert doc["files"] == json.loads(out)["files"]
    assert [r.path for r in copydesk.check_paths(["."], session)] == ["story.md"]


def test_overrides_choose_rules_like_the_command_line() -> None:
    session = copydesk.Session(overrides=copydesk.Overrides(select=("citations",)))
    result = copydesk.check_text(STORY, "story.md", session)
    assert {v.rule.split(".")[0] for v in result.violations} == {"citations"}


def test_importing_the_package_loads_nothing_else() -> None:
    code = (
        "import sys, copydesk\n"
        "print(sorted(m for m in sys.modules if m.startswith('copydesk.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['copydesk.core', 'copydesk.core.version']"  # only the version
