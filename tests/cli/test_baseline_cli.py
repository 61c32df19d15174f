"""``copydesk baseline`` records a project's findings; ``check --baseline`` then reports and
fails on new ones only, wherever edits elsewhere have moved the old ones."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import run

OLD = "# Budget\n\nThe bridge will cost $TK million (source).\n"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(OLD, "utf-8")
    (tmp_path / "docs" / "b.md").write_text("Clean copy.\n", "utf-8")
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(here)


def test_record_then_check_reports_only_new_findings(project: Path) -> None:
    code, out, err = run(["baseline", "docs"])
    assert (code, out) == (0, "")
    assert "2 findings recorded in .copydesk-baseline.json" in err
    rows = json.loads((project / ".copydesk-baseline.json").read_text("utf-8"))["findings"]
    assert {r["path"] for r in rows} == {"docs/a.md"}

    code, out, err = run(["check", "--format", "concise", "--baseline",
                          ".copydesk-baseline.json", "docs"])
    assert (code, out) == (0, "")
    assert "2 findings in the baseline .copydesk-baseline.json not shown" in err

    # an edit above moves the old findings; a new placeholder in b.md is reported
    (project / "docs" / "a.md").write_text("Intro.\n\n" + OLD, "utf-8")
    (project / "docs" / "b.md").write_text("Clean copy (source).\n", "utf-8")
    code, out, _ = run(["check", "--format", "concise", "--jobs", "2",
                        "--baseline", ".copydesk-baseline.json", "docs"])
    assert code == 1
    assert out.splitlines() == [
        "docs/b.md:1:12: error: '(source)' is a placeholder: put the real source or link "
        "here. [citations.placeholder]"
    ]


def test_the_output_file_option_and_a_broken_baseline(project: Path) -> None:
    code, _, _ = run(["baseline", "-o", "known.json", "docs/a.md"])
    assert code == 0 and (project / "known.json").exists()
    (project / "bad.json").write_text("[]", "utf-8")
    code, out, err = run(["check", "--baseline", "bad.json", "docs"])
    assert code == 2 and out == ""
    assert err.strip().splitlines()[-1] == (
        "copydesk: error: bad.json: not a copydesk baseline (written by `copydesk baseline`)"
    )
