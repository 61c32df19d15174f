"""Ctrl-C and SIGTERM: stop a run at once, with one line and the shell's exit code.

:func:`install` sets a handler that records the signal and raises :class:`Stopped` wherever
the main thread is. Python drops an exception raised inside a finaliser (``__del__``) and
prints its traceback, so the record is what counts: :func:`check` raises again where the run
can look (between files, when the worker pool breaks), and the CLI answers a recorded signal
even when the run then ran to its end. Once :func:`finish` is called a signal is only recorded,
so cleanup is never cut short by an exception with nowhere to go.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Any


class Stopped(BaseException):
    """Ctrl-C or SIGTERM: a BaseException, so no ``except Exception`` on the way swallows it,
    and not KeyboardInterrupt, which click would answer with a blank line and "Aborted!"."""

    def __init__(self, signum: int) -> None:
        self.signum = signum


_RECEIVED: list[int] = []  # signals received in this run
_STATE = {"pid": 0, "done": False}


def _stop(signum: int, frame: object) -> None:
    if os.getpid() != _STATE["pid"]:
        # a worker just forked, before its initializer replaced this handler: end quietly
        os._exit(128 + signum)
    _RECEIVED.append(signum)
    if not _STATE["done"]:
        raise Stopped(signum)


def _quiet_when_stopped(unraisable: Any) -> None:
    if not isinstance(unraisable.exc_value, Stopped):
        sys.__unraisablehook__(unraisable)


def install() -> dict[int, Any]:
    """Handle SIGINT and SIGTERM for this run (main thread only); the handlers it replaced."""
    _RECEIVED.clear()
    _STATE.update(pid=os.getpid(), done=False)
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {s: signal.signal(s, _stop) for s in (signal.SIGINT, signal.SIGTERM)}


def finish() -> None:
    """The run is over: a signal from now on is only recorded."""
    _STATE["done"] = True


def restore(handlers: dict[int, Any]) -> None:
    for signum, handler in handlers.items():
        signal.signal(signum, handler)


def received() -> int | None:
    """The first signal this run received, if any."""
    return _RECEIVED[0] if _RECEIVED else None


def check() -> None:
    """Raise Stopped again for a signal whose first raise was swallowed."""
    if _RECEIVED and not _STATE["done"]:
        raise Stopped(_RECEIVED[0])


_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class deferred:
    """While active, SIGINT and SIGTERM wait (they arrive when it ends): for code that must
    not be interrupted halfway, such as a process pool's bookkeeping. Threads and processes
    started inside inherit the mask; a worker calls :func:`unblock`."""

    def __enter__(self) -> None:
        self.masked = hasattr(signal, "pthread_sigmask")
        if self.masked:
            signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)

    def __exit__(self, *exc: object) -> None:
        if self.masked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)


def unblock() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)


class quiet_finalisers:
    """While active, a Stopped dropped inside a finaliser prints nothing."""

    def __enter__(self) -> None:
        self.saved, sys.unraisablehook = sys.unraisablehook, _quiet_when_stopped

    def __exit__(self, *exc: object) -> None:
        sys.unraisablehook = self.saved
