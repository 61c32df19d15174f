"""Lint the planned files of a ``check`` run, in this process or over worker processes.

Results come back in input order whatever the number of workers, so the output of
``--jobs N`` is byte-identical to ``--jobs 1``. Each job is done exactly as it would be in
process: the worker reads the file, skips binary input, compiles the file's rule set (once per
worker process: each worker makes its own :class:`~copydesk.run.session.Session` when it starts,
and every job carries the settings the parent resolved for its file), lints, drops the findings
below the file's shown severity and keeps only what the formatters need
(``core.kept.keep``), so whole texts are neither held until the end nor pickled back (but for
``html``, which shows them: ``Job.text``). Workers never format.

Workers are started only when they can pay for themselves: at least two files to lint and
more than ``PARALLEL_MIN_BYTES`` in total. Below that (the pre-commit case of a few small
files) a process pool would cost more to start than it saves.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass

from ..core.errors import CopydeskError
from ..core.kept import keep
from ..core.model import FileResult, Severity
from ..core.positions import Encoding
from ..core.regular_files import read_bytes
from ..match import re_warm
from ..text.decode import InputError, decode, looks_binary
from . import stopping
from .fix_job import FileFixes, digest, fix_file
from .session import Session, Settings, lint_text

PARALLEL_MIN_BYTES = 256 * 1024


@dataclass(frozen=True)
class Job:
    """One file to lint, with everything the parent already resolved for it."""

    path: str  # where to read it ("" for stdin, whose bytes are in ``data``)
    display: str  # the path as printed
    explicit: bool  # named on the command line (so never skipped as binary)
    settings: Settings
    config_path: str  # the config that governs it, to trace a pack error back to
    fmt: str | None  # input format, None to guess from the path
    shown: Severity  # findings below this are dropped before they are kept
    encoding: Encoding  # the run's --position-encoding, for the kept columns
    data: bytes | None = None
    lines: bool = False  # keep the findings' lines too (the output format is ``full``)
    text: bool = False  # send the whole text back (the output format is ``html``)
    fix: bool = False  # --fix or --diff: choose fixes and lint the fixed text too (run.fix_job)

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        try:
            return os.stat(self.path).st_size
        except OSError:
            return 0  # the worker reports the read error


@dataclass
class Outcome:
    """What became of one job: a result, or a skipped binary file, or a config error."""

    result: FileResult | None = None
    binary: bool = False
    config_error: str | None = None
    loaded: bool = False  # the job got as far as loading its packs (they may have failed)
    fixes: FileFixes | None = None  # with Job.fix: ``result`` is then that of the fixed text


def run_job(job: Job, session: Session) -> Outcome:
    """Do ``job`` with ``session``'s packs and rule sets."""
    try:
        data = job.data if job.data is not None else read_bytes(job.path)
    except OSError as exc:
        return Outcome(FileResult(job.display, "", error=f"cannot read: {exc.strerror or exc}"))
    if not job.explicit and looks_binary(data):
        return Outcome(binary=True)
    try:
        ruleset = session.ruleset_for(job.settings)
    except CopydeskError as exc:
        # a pack or profile named by a config (an error with no file of its own) is traced
        # back to that config
        source = job.config_path if not exc.path else ""
        error = f"{exc} (set in {source})" if source else str(exc)
        return Outcome(config_error=error, loaded=True)
    try:
        text = decode(data)
    except InputError as exc:
        return Outcome(FileResult(job.display, "", error=str(exc)), loaded=True)
    read = digest(data) if job.fix else b""  # what the file must still be when it is written
    del data  # only the text is needed from here: a large file is not held twice
    try:
        result = lint_text(job.display, text, ruleset, job.fmt)
    except Exception as exc:  # a bug reading this file must not lose every other file
        error = (f"not checked: copydesk failed reading it ({type(exc).__name__}: {exc}); "
                 "this is a bug in copydesk: please report it")
        return Outcome(FileResult(job.display, "", error=error), loaded=True)
    result.violations = [v for v in result.violations if v.severity >= job.shown]
    if job.fix:
        replacements, after = fix_file(job.display, text, result, ruleset, job.fmt, job.shown)
        if after is not None:
            fixes = FileFixes(read, replacements, keep(result, job.encoding, job.lines, job.text))
            return Outcome(keep(after, job.encoding, job.lines, job.text), loaded=True, fixes=fixes)
    return Outcome(keep(result, job.encoding, job.lines, job.text), loaded=True)


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # macOS, Windows
        return os.cpu_count() or 1


def worker_count(jobs: Sequence[Job], asked: int | None) -> int:
    """``--jobs`` capped at the cores and the work: more processes than either only add the
    cost of starting them (150 workers on 2 cores were 13 times slower than 2)."""
    return max(1, min(asked or cores(), cores(), len(jobs)))


def use_workers(jobs: Sequence[Job], workers: int) -> bool:
    return workers > 1 and len(jobs) >= 2 and sum(j.size() for j in jobs) > PARALLEL_MIN_BYTES


_WORKER: Session | None = None  # set in a worker process only, by _start_worker


def _start_worker() -> None:
    """A worker's start: its own session, and quiet about signals.

    Ctrl-C reaches every process of the terminal's group: only the parent answers it, so
    a worker never prints a traceback of its own; SIGTERM (the parent stopping it) ends a
    worker at once, without the parent's handler that a fork would inherit."""
    global _WORKER
    _WORKER = Session()  # jobs carry their settings: the worker needs no config of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    stopping.unblock()  # forked while the parent held them back (see run_jobs)


def _work_in_worker(job: Job) -> Outcome:
    assert _WORKER is not None, "a worker's session is made when it starts"
    return run_job(job, _WORKER)


def _run_chunk(work: Callable[[Job], Outcome], chunk: Sequence[Job]) -> list[Outcome]:
    return [work(job) for job in chunk]


def run_jobs(
    jobs: Sequence[Job],
    workers: int,
    session: Session | None = None,
    work: Callable[[Job], Outcome] | None = None,
) -> Generator[Outcome, None, None]:
    """Each job's outcome, in the order of ``jobs``: done by ``work`` if given, else by
    :func:`run_job` with ``session`` here, or with each worker's own session.

    A worker that dies (the OOM killer, ``kill -9``) breaks the pool: the outcomes already
    received stand, and every job not yet received comes back as an error saying it was not
    checked, so the run ends with exit 2 instead of waiting forever.
    """
    if not use_workers(jobs, workers):
        here = session or Session()
        yield from map(work or (lambda job: run_job(job, here)), jobs)
        return
    work = work or _work_in_worker
    re_warm.stop()  # the workers lint: the warm start records nothing after they fork
    import multiprocessing  # not at the top: ~40 ms that a small run would pay for nothing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork shares the parent's loaded modules and packs at no cost; elsewhere (macOS, Windows)
    # fork is unsafe or missing, and spawn re-imports lint in each worker
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    # small chunks: files differ widely in size, and map keeps the input order anyway
    chunk = max(1, min(8, len(jobs) // (workers * 16)))
    # The pool's own bookkeeping (starting threads and workers, queueing the jobs, shutting
    # down) must not be cut short by a signal's exception, or it hangs: signals wait while it
    # runs, and arrive where this process waits for results.
    # (submitted by hand, not with pool.map: on an interrupt map cancels what is pending, and
    # the pool's manager thread, told the workers are gone, then fails setting an error on a
    # cancelled future and prints a traceback)
    with stopping.deferred():
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)
        pending = [pool.submit(_run_chunk, work, jobs[i : i + chunk])
                   for i in range(0, len(jobs), chunk)]
    done = 0
    try:
        for future in pending:
            for outcome in future.result():
                done += 1
                yield outcome
    except BrokenProcessPool:
        # Ctrl-C or a CI runner's SIGTERM reaches the whole process group: the workers die
        # of it first, and a moment later this process gets it too and stops with one line,
        # instead of reporting every file as not checked
        time.sleep(0.5)
        stopping.check()  # the signal came, and its first raise was swallowed
        for job in jobs[done:]:
            error = "not checked: a worker process stopped unexpectedly (killed?)"
            yield Outcome(FileResult(job.display, "", error=error))
    finally:
        with stopping.deferred():
            if done < len(jobs):
                # an interrupt, or a consumer that stopped early: stop the workers now. The
                # pool then fails what is left itself (cancelling those futures as well
                # races its manager thread, which then dies with InvalidStateError)
                for child in multiprocessing.active_children():
                    child.terminate()
            pool.shutdown(wait=True)
