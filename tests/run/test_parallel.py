"""``check --jobs``: worker processes change nothing but speed, and results keep no texts."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import HOUSE_PACK, run, write
from copydesk import formatters
from copydesk.core.model import Severity
from copydesk.run import parallel
from copydesk.run.session import Session, Settings

ODD_PACK = """\
pack: {name}
rules:
  - id: spell
    extends: script
    message: "%s"
"""
FORMATS = formatters.choices()  # every format --format offers, from the registry

# Findings on ASCII, astral (emoji) and BMP non-ASCII lines, on CRLF lines and across lines.
BODY = (
    "We utilize 😀 synergy here.\r\n"
    "A very “quoted” line, very much.\n"
    "\n"
    "Nothing to see.\n"
    "Then utilize it, 𝔘 very well.\n"
)


def _repo(root: Path) -> Path:
    files = {
        "house.yaml": HOUSE_PACK,
        ".copydesk.yaml": "packs: [house.yaml]\n",
        # per-folder settings: the workers must honour each file's own config
        "strict/.copydesk.yaml": "packs: [../house.yaml]\nmin-severity: error\n",
        "strict/s1.md": "# Title\n\nVery synergy, utilize.\n",
        "strict/s2.txt": BODY,
        "broken/.copydesk.yaml": "packs: [no-such-pack]\n",
        "broken/b.txt": "synergy\n",
        "unparsable/.copydesk.yaml": "packs: [house.yaml\n",
        "unparsable/u.txt": "synergy\n",
        # pack warnings come from workers' packs too, even when the config then fails
        "odd.yaml": ODD_PACK.format(name="odd"),
        "odd2.yaml": ODD_PACK.format(name="odd2"),
        "warned/.copydesk.yaml": "packs: [../house.yaml, ../odd.yaml]\n",
        "warned/w.txt": BODY,
        "halfbroken/.copydesk.yaml": "packs: [../odd2.yaml, no-such-pack]\n",
        "halfbroken/h.txt": BODY,
    }
    for n in range(14):
        files[f"docs/d{n:02}.{'md' if n % 2 else 'txt'}"] = f"Doc {n}.\n\n" + BODY * (n % 4)
    write(root, files)
    (root / "docs" / "latin1.txt").write_bytes("caf\xe9 synergy\n".encode("latin-1"))
    (root / "docs" / "blob.txt").write_bytes(b"synergy\x00\x01\x02" * 10)
    return root


def fresh(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    """``run`` as a new process would (every run has a session of its own: nothing to clear)."""
    return run(args, stdin)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(_repo(tmp_path))
    return tmp_path


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Lower the size threshold so small test files use workers, and record pool starts."""
    started: list[str] = []
    real = multiprocessing.get_context

    def spy(method: str | None = None) -> Any:
        started.append(str(method))
        return real(method)

    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(multiprocessing, "get_context", spy)
    return started


def test_every_format_is_byte_identical_with_workers(repo: Path, pools: list[str]) -> None:
    variants = [["--format", f] for f in FORMATS] + [
        ["--statistics"],
        ["--format", "json", "--position-encoding", "utf-16"],
        ["--format", "json-lines", "--position-encoding", "utf-8"],
        ["--format", "sarif", "--position-encoding", "utf-16"],
        ["--format", "concise", "--min-severity", "warning"],
    ]
    for extra in variants:
        serial = fresh(["check", ".", *extra, "--jobs", "1"])
        started = len(pools)
        assert fresh(["check", ".", *extra, "--jobs", "2"]) == serial, extra
        assert len(pools) == started + 1  # the second run really used worker processes
    # the comparison means something: findings, per-folder settings and every kind of error
    code, out, err = fresh(["check", ".", "--format", "concise", "--jobs", "2"])
    assert code == 2
    assert "docs/d01.md:1:" not in out and "docs/d01.md:3:4: warning:" in out
    assert "strict/s2.txt:1:14: error:" in out and "strict/s2.txt:1:4:" not in out
    assert "docs/blob.txt: binary file skipped" in err
    assert "no pack named 'no-such-pack'" in err and "broken/.copydesk.yaml" in err
    assert "unparsable/.copydesk.yaml" in err and "docs/latin1.txt: not valid UTF-8" in err
    assert "broken/b.txt" not in out and "unparsable/u.txt" not in out
    assert "odd.yaml:3: rule 'spell' extends 'script'" in err and "odd2.yaml:3:" in err
    assert "warned/w.txt:1:4: warning:" in out and "halfbroken/h.txt" not in out


def test_stdin_and_explicit_files_keep_their_order(repo: Path, pools: list[str]) -> None:
    args = ["check", "docs/d03.md", "-", "missing.txt", "docs/d02.txt", "--format", "json"]
    args += ["--stdin-filename", "strict/in.md"]
    serial = fresh([*args, "--jobs", "1"], stdin=BODY)
    assert fresh([*args, "--jobs", "2"], stdin=BODY) == serial
    assert pools
    assert serial[0] == 2 and "missing.txt: no such file or directory" in serial[2]
    assert serial[1].index('"docs/d03.md"') < serial[1].index('"strict/in.md"')
    assert serial[1].index('"strict/in.md"') < serial[1].index('"docs/d02.txt"')


def test_small_inputs_use_no_workers(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(method: str | None = None) -> Any:
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    code, out, _ = run(["check", "docs", "--format", "concise", "--jobs", "2"])
    assert code == 2 and "docs/d01.md:3:4: warning:" in out
    job = parallel.Job("a.txt", "a.txt", True, Settings(), "", None, Severity.SUGGESTION, "utf-8")
    big = parallel.Job(**{**job.__dict__, "path": "", "data": b"x" * 300_000})
    assert not parallel.use_workers([job, job], 8)  # two tiny files
    assert not parallel.use_workers([big], 8)  # one big file: nothing to spread
    assert not parallel.use_workers([big, job], 1)  # --jobs 1
    assert parallel.use_workers([big, job], 2)


def test_jobs_option_values(repo: Path) -> None:
    assert run(["check", "docs/d00.txt", "docs/d04.txt", "--jobs", "0"])[0] == 0
    code, _, err = run(["check", "docs/d01.md", "--jobs", "-1"])
    assert code == 2 and "--jobs" in err


def test_a_worker_sends_back_findings_not_the_text(repo: Path) -> None:
    text = "Plain words here and more words.\n" * 30_000 + "We utilize synergy.\n"
    Path("long.txt").write_text(text, encoding="utf-8")
    from copydesk.config.project import Config
    from copydesk.run.session import Overrides, settings_for

    settings = settings_for("long.txt", Config(packs=("house.yaml",), root=repo), Overrides())
    job = parallel.Job("long.txt", "long.txt", True, settings, "", None, Severity.WARNING, "utf-16")
    outcome = parallel.run_job(job, Session())
    result = outcome.result
    assert result is not None and result.text == "" and result.has_text
    assert [v.rule for v in result.violations] == ["house.utilize", "house.banned"]
    assert result.kept is not None and result.kept.lines == {}  # not rendering `full`
    assert len(pickle.dumps(outcome)) < 3_000 < len(text)
    back = pickle.loads(pickle.dumps(outcome))  # findings rebuilt through the constructor
    assert back.result is not None and back.result.violations == result.violations
    assert [type(v.severity) for v in back.result.violations] == [Severity, Severity]
    full = parallel.run_job(parallel.Job(**{**job.__dict__, "lines": True}), Session()).result
    assert full is not None and full.kept is not None
    assert full.kept.lines == {30_001: "We utilize synergy."}
