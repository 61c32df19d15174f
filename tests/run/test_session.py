"""A Session holds a run's state: two sessions in one process give what two processes give.

Each session is made from its own config (different packs, a rule turned off, a reject
vocabulary, a profile) and their calls are interleaved file by file; each must find exactly
what ``copydesk check`` finds for that config in a process of its own, warn only about its own
packs and describe only its own rules.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import HOUSE_PACK, write
from copydesk.config.project import load_config_file
from copydesk.core.model import FileResult
from copydesk.run.selection import Overrides
from copydesk.run.session import Session

ODD_PACK = """\
pack: odd
rules:
  - id: spell
    extends: script
    message: "%s"
  - id: dull
    extends: existence
    message: "'%s' is dull."
    tokens: [nothing]
"""
CONFIGS = {
    # a pack of our own, one of its rules off, and a pack with a kind copydesk skips (a warning)
    "cfg-house.yaml": "packs: [house.yaml, odd.yaml]\nrules:\n  house.very: off\n",
    # two built-in packs under a profile, and a reject vocabulary
    "cfg-vocab.yaml": "packs: [citations, neutrality]\nprofile: opinion\n"
                  "vocabulary:\n  reject: [synergy, utilize]\n",
}
STORIES = {
    "docs/a.md": "We utilize synergy, very much.\n\nOfficials said it was (source) a scandal.\n",
    "docs/b.txt": "Nothing very new: the plan was slammed (citation needed).\n",
    "docs/c.html": "<p>They utilize <b>synergy</b>; critics claim it is very clearly wrong.</p>\n",
    "docs/sub/d.md": "# Plain\n\nA very plain story about nothing, utilize it.\n",
}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path, {"house.yaml": HOUSE_PACK, "odd.yaml": ODD_PACK, **CONFIGS, **STORIES})
    (tmp_path / ".git").mkdir()  # the config search stops here
    monkeypatch.chdir(tmp_path)
    return tmp_path


Finding = tuple[str, str, str, int, int]


def _findings(result: FileResult) -> list[Finding]:
    return [(v.rule, str(v.severity), v.message, v.offset, v.end_offset)
            for v in result.violations]


def _process(args: list[str]) -> tuple[dict[str, list[Finding]], list[str]]:
    """What ``copydesk check`` finds in a process of its own, and the warnings it gives."""
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", "--format", "json", "--jobs", "1", *args],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    files = json.loads(done.stdout)["files"]
    found = {f["path"]: [(v["rule"], v["severity"], v["message"], v["offset"], v["end_offset"])
                         for v in f["violations"]] for f in files}
    return found, [line for line in done.stderr.splitlines() if "warning" in line]


def test_two_sessions_in_one_process_give_what_two_processes_give(repo: Path) -> None:
    sessions = {name: Session(load_config_file(Path(name))) for name in CONFIGS}
    here: dict[str, dict[str, list[Finding]]] = {name: {} for name in CONFIGS}
    for path, text in STORIES.items():  # interleaved: each file through one session, then the other
        for name, session in sessions.items():
            here[name][path] = _findings(session.check_text(path, text))
    for name, session in sessions.items():
        found, warnings = _process(["--config", name, *STORIES])
        assert here[name] == found, name
        assert [f"copydesk: warning: {w}" for w in session.warnings] == warnings
    house, vocab = sessions["cfg-house.yaml"], sessions["cfg-vocab.yaml"]
    assert any("odd.yaml" in w and "script" in w for w in house.warnings)
    assert vocab.warnings == []
    assert {"house.utilize", "odd.dull"} <= set(house.rules) and not any(
        r.startswith(("citations.", "neutrality.")) for r in house.rules)
    assert not any(r.startswith(("house.", "odd.")) for r in vocab.rules)
    assert any(r.startswith("neutrality.") for r in vocab.rules)
    assert "house.very" not in {f[0] for found in here["cfg-house.yaml"].values() for f in found}
    assert "vocab.reject" in {f[0] for found in here["cfg-vocab.yaml"].values() for f in found}


def test_a_session_without_a_config_finds_each_files_own(repo: Path) -> None:
    write(repo, {"docs/.copydesk.yaml": CONFIGS["cfg-vocab.yaml"].replace("[synergy, utilize]",
                                                                       "[nothing]"),
                 "docs/sub/.copydesk.yaml": "packs: [../../house.yaml]\n"})
    nearest, forced = Session(), Session(load_config_file(Path("cfg-house.yaml")))
    mine = {p: _findings(nearest.check_text(p, t)) for p, t in STORIES.items()}
    assert mine["docs/sub/d.md"] != _findings(forced.check_text("docs/sub/d.md",
                                                                STORIES["docs/sub/d.md"]))
    found, _ = _process(list(STORIES))
    assert mine == found


def test_check_paths_walks_as_the_command_does(repo: Path) -> None:
    session = Session(load_config_file(Path("cfg-house.yaml")), Overrides(ignore=("odd",)))
    results = session.check_paths(["docs", "missing.md"])
    found, _ = _process(["--config", "cfg-house.yaml", "--ignore", "odd", "docs"])
    assert {r.path: _findings(r) for r in results if not r.error} == found
    assert results[-1].path == "missing.md" and results[-1].error == "no such file or directory"


def test_a_rule_set_is_compiled_once_per_session(repo: Path) -> None:
    one, two = Session(), Session()
    settings = one.settings_for("docs/a.md")
    assert one.ruleset_for(settings) is one.ruleset_for(settings)
    assert two.ruleset_for(settings) is not one.ruleset_for(settings)
