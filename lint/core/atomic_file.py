"""Write a file whole or not at all: a report (``-o``), a baseline or a config edit is never
left empty or half written.

The text is written to a temporary file beside the target and renamed over it once
complete (keeping the target's permissions), so a crash while writing leaves the previous
file (or none) in place; an exception raised inside the ``with`` block (a caller that finds the
target changed meanwhile, say) leaves it untouched too. A target
that is not a regular file (``/dev/stdout``, a FIFO a CI step reads) cannot be renamed over
and is written directly.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from typing import TextIO


def _mode_for(target: str) -> int:
    """The existing file's permissions, else what a plain ``open`` would create."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(target: str) -> Iterator[TextIO]:
    try:
        special = not stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        special = False  # does not exist yet
    if special:
        with open(target, "w", encoding="utf-8") as out:
            yield out
        return
    folder = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
