"""Write a fixed file back: whole or not at all, and only if it is still the file that was linted.

The fixed bytes are the bytes read with the replaced spans changed and nothing else: the text
is decoded as it was for linting (UTF-8, a BOM dropped and put back), so line endings (CRLF
stays CRLF) and every byte outside the spans come back as they were.

The new content goes to a temporary file in the target's own folder (unnamed, ``O_TMPFILE``,
where the system has it: a process killed mid-way leaves nothing behind; else a named one,
removed on any error), is flushed to disk with the file's permissions (and owner, where this
process may set it), and is renamed over the file with ``os.replace``, so a reader sees the old
file or the new one, never a mix. Just before the rename the file is read again: if its bytes
or its status changed since it was read, nothing is written (:class:`Changed`). Ctrl-C and
SIGTERM wait until the write is done or undone.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import secrets
import tempfile
from collections.abc import Iterable

from ..core.model import Replacement
from ..core.regular_files import read_bytes
from ..run import stopping
from ..run.fix_job import digest
from ..run.fixes import apply
from ..text.decode import decode


class Changed(Exception):
    """The file is no longer what was linted (edited, replaced or removed since)."""


def _stamp(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_mode)


def read_unchanged(path: str, expected: bytes) -> tuple[bytes, os.stat_result]:
    """The file's bytes and status, if the bytes still have the digest ``expected``."""
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
        data = read_bytes(target)
    except FileNotFoundError:
        raise Changed from None
    if digest(data) != expected:
        raise Changed
    return data, st


def fixed(data: bytes, replacements: Iterable[Replacement]) -> tuple[str, str, bytes]:
    """(text as read, fixed text, fixed bytes) for a file's bytes: a leading BOM is kept."""
    text = decode(data)
    new = apply(text, replacements)
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    return text, new, bom + new.encode("utf-8")


def replace_file(path: str, data: bytes, st: os.stat_result, new: bytes) -> None:
    """Put ``new`` in place of the file at ``path`` (through a symbolic link, the file it
    leads to), provided the file still holds ``data`` with status ``st``; else Changed."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    with stopping.deferred():
        fd, name = _temp(folder)
        try:
            _fill(fd, new, st)
            if name is None:
                name = _name(folder, target, fd, new, st)
            _check(target, data, st)
            os.replace(name, target)
            name = None
        finally:
            os.close(fd)
            if name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(name)
        _sync(folder)


def _temp(folder: str) -> tuple[int, str | None]:
    """A new file in ``folder`` open for writing: unnamed where the system can, else named."""
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
    unnamed = getattr(os, "O_TMPFILE", 0)
    if unnamed and os.path.isdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # a file system without it: a named file instead
            return os.open(folder, flags | unnamed, 0o600), None
    fd, name = tempfile.mkstemp(prefix=".copydesk-fix.", suffix=".tmp", dir=folder)
    return fd, name


def _fill(fd: int, new: bytes, st: os.stat_result) -> None:
    view = memoryview(new)
    while view:
        view = view[os.write(fd, view):]
    if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):  # only root (or the owner, for the group) may
            os.fchown(fd, st.st_uid, st.st_gid)
    os.fchmod(fd, st.st_mode & 0o7777)  # after the owner: a chown clears set-id bits
    os.fsync(fd)


def _name(folder: str, target: str, fd: int, new: bytes, st: os.stat_result) -> str:
    """Give the unnamed file a name beside the target (so that it can be renamed over it)."""
    name = os.path.join(folder, f".{os.path.basename(target)}.{secrets.token_hex(4)}.copydesk")
    try:
        os.link(f"/proc/self/fd/{fd}", name)
    except OSError:  # no /proc link: write a named copy instead
        fd2, name = tempfile.mkstemp(prefix=".copydesk-fix.", suffix=".tmp", dir=folder)
        try:
            _fill(fd2, new, st)
        except BaseException:
            os.unlink(name)
            raise
        finally:
            os.close(fd2)
    return name


def _check(target: str, data: bytes, st: os.stat_result) -> None:
    try:
        now = os.stat(target)
        if _stamp(now) != _stamp(st) or read_bytes(target) != data:
            raise Changed
    except FileNotFoundError:
        raise Changed from None


def _sync(folder: str) -> None:
    """Flush the rename itself to disk (where a folder can be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
