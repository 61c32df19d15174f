"""One wall-clock alarm around a run of pack-regex matches, instead of a timeout per call.

``regex``'s own timeout costs ~2.5 µs a call (it reads the clock as each call starts), more
than the match itself at one anchor, and an anchored pack regex is tried ~30,000 times per
MB. Where the process allows it (POSIX, the main thread, no other user of SIGALRM or of the
real-time interval timer), one ``ITIMER_REAL`` for the run's whole budget stops a runaway
match instead: ``regex`` checks for signals while it backtracks, so the handler's exception
ends the call. Elsewhere callers keep the per-call timeout.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class _Expired(Exception):
    """Raised by the alarm handler, wherever the run is."""


def _expire(signum: int, frame: object) -> None:
    raise _Expired


def available() -> bool:
    """Can this thread arm the alarm without disturbing anyone else's?"""
    if not hasattr(signal, "setitimer"):
        return False  # Windows
    if threading.current_thread() is not threading.main_thread():
        return False  # only the main thread receives signals
    return (
        signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


def run_within(seconds: float, work: Callable[[], T]) -> T:
    """``work()``, or TimeoutError once ``seconds`` of wall time have passed (call only when
    :func:`available`). The timer is one-shot and disarmed before the handler is put back,
    so no alarm can reach the default action (which would end the process)."""
    signal.signal(signal.SIGALRM, _expire)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return work()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        raise TimeoutError from None
    finally:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
