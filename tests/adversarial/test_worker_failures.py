"""Worker processes: a killed worker ends the run with the files it left unchecked named, and
Ctrl-C or SIGTERM stop every process with one line and the shell's exit code."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from copydesk.core.model import FileResult, Severity
from copydesk.run import parallel
from copydesk.run.parallel import Job, Outcome
from copydesk.run.session import Settings

GUARD = 120  # seconds: the hang guard of each run (each costs a few seconds)


def _job(name: str) -> Job:
    return Job(
        path=name, display=name, explicit=True, settings=Settings(), config_path="",
        fmt="text", shown=Severity.SUGGESTION, encoding="code-points",
        data=b"x" * 200_000,  # big enough that the work goes to the workers
    )


def _dies_on_third(job: Job) -> Outcome:
    if job.display == "c.txt":
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    return Outcome(FileResult(job.display, ""))


def _alarm(signum: int, frame: object) -> None:
    raise TimeoutError("run_jobs hung after a worker was killed")


def test_a_killed_worker_ends_the_run_naming_the_files_not_checked() -> None:
    jobs = [_job(f"{c}.txt") for c in "abcdef"]
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(GUARD)
    try:
        outcomes = list(parallel.run_jobs(jobs, 2, work=_dies_on_third))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert [o.result.path for o in outcomes if o.result] == [j.display for j in jobs]
    errors = {o.result.path: o.result.error for o in outcomes if o.result and o.result.error}
    assert "c.txt" in errors  # the file being read when the worker died
    assert all(e is not None and e.startswith("not checked:") for e in errors.values())
    assert "a.txt" not in errors or "b.txt" not in errors  # what finished before still counts


def test_workers_are_capped_at_the_cores_and_the_work() -> None:
    jobs = [_job(f"{n}.txt") for n in range(150)]
    cores = parallel.cores()
    assert parallel.worker_count(jobs, 150) == min(150, cores)
    assert parallel.worker_count(jobs[:1], 8) == 1
    assert parallel.worker_count(jobs, None) == cores
    assert parallel.worker_count([replace(j, data=b"") for j in jobs[:3]], 1) == 1


@pytest.fixture
def big_run(tmp_path: Path) -> Path:
    paragraph = "Critics say the plan failed, officials said on Monday. " * 30 + "\n\n"
    for n in range(40):
        (tmp_path / f"story{n:02}.md").write_text(paragraph * 200)  # a run of several seconds
    return tmp_path


def _start(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "copydesk", "check", ".", "--jobs", "2", "--format", "concise"],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its own process group, like a job in a terminal
    )


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def _wait_for_workers(proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + GUARD
    while len(_children(proc.pid)) < 2:
        assert proc.poll() is None, "the run ended before its workers started"
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or parallel.cores() < 2,
    reason="reads /proc for the workers; needs two cores for two workers",
)
@pytest.mark.parametrize(
    ("signum", "group", "code", "line"),
    [
        (signal.SIGINT, True, 130, "copydesk: interrupted"),  # Ctrl-C: the whole group
        (signal.SIGTERM, False, 143, "copydesk: terminated"),  # a CI runner stopping the step
        (signal.SIGTERM, True, 143, "copydesk: terminated"),
    ],
)
def test_a_signal_stops_the_run_with_one_line(
    big_run: Path, signum: int, group: bool, code: int, line: str
) -> None:
    proc = _start(big_run)
    try:
        _wait_for_workers(proc)
        workers = _children(proc.pid)
        if group:
            os.killpg(proc.pid, signum)
        else:
            os.kill(proc.pid, signum)
        _, err = proc.communicate(timeout=GUARD)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == code
    assert err.strip() == line  # no traceback from the parent or a worker
    for pid in workers:  # no worker outlives the run
        assert not os.path.exists(f"/proc/{pid}") or "zombie" in _state(pid)


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/status") as f:
            return f.read().lower()
    except OSError:
        return "zombie"


def test_a_bug_in_one_rule_costs_that_rule_on_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli_helpers import run
    from copydesk.kinds import vague_source

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Critics say it failed (source).\n")
    (tmp_path / "b.md").write_text("Officials said so (source).\n")

    def broken(self: object, ctx: object) -> object:
        raise ValueError("a bug")

    monkeypatch.setattr(vague_source.VagueSource, "check", broken)
    code, out, err = run(["check", "a.md", "b.md", "--format", "concise"])
    assert code == 2
    assert out.count("citations.placeholder") == 2  # every other rule still ran on both
    assert "rule weasel.vague-source failed on this file (ValueError: a bug)" in err
    assert "Traceback" not in err


def test_a_bug_reading_one_file_leaves_the_others_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli_helpers import run
    from copydesk.run import session as runner

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Fine (source).\n")
    (tmp_path / "b.txt").write_text("Fine (source).\n")
    real = runner.build_document

    def fails_on_markdown(path: str, text: str, fmt: str | None = None, budget=None):  # type: ignore[no-untyped-def]
        if path.endswith(".md"):
            raise IndexError("reader bug")
        return real(path, text, fmt, budget)

    monkeypatch.setattr(runner, "build_document", fails_on_markdown)
    code, out, err = run(["check", "a.md", "b.txt", "--format", "concise"])
    assert code == 2
    assert "b.txt:1:6:" in out
    assert "a.md: not checked: copydesk failed reading it (IndexError: reader bug)" in err
