"""Read only regular files: never block on a FIFO, never read a device until memory runs out.

Every file copydesk reads (inputs, configs, ignore files, packs, data files, profiles) goes
through :func:`read_bytes`. It opens without blocking (a FIFO with no writer would otherwise
hang the open itself), then asks the open descriptor what it is, so a path swapped for
something else between a check and the open cannot slip through. Anything but a regular file
is refused with :class:`NotRegularFile`, an ``OSError`` whose ``strerror`` names the kind
(``/dev/null`` reads as empty: ``--config /dev/null`` is the usual way to say "no config").
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


class NotRegularFile(OSError):
    """The path names a FIFO, socket, device or folder, not a file to read."""

    def __init__(self, what: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({what})")


def kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _is_devnull(st: os.stat_result) -> bool:
    try:
        null = os.stat(os.devnull)
    except OSError:
        return False
    return stat.S_ISCHR(st.st_mode) and st.st_rdev == null.st_rdev


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file; NotRegularFile (an OSError) for anything else."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            if _is_devnull(st):  # "--config /dev/null": the usual way to say "nothing"
                return b""
            raise NotRegularFile(kind_of(st.st_mode))
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


def read_text(path: str | os.PathLike[str], encoding: str = "utf-8", errors: str = "strict") -> str:
    return read_bytes(path).decode(encoding, errors)


def is_regular(path: Path) -> bool:
    """Does ``path`` (symlinks followed) name a regular file? False when it cannot be stat'ed."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
