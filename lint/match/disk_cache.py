"""The on-disk cache folder: sealed records of work that depends only on copydesk's code and
its packs, never on the text being linted.

Records live in ``$XDG_CACHE_HOME/copydesk`` (or ``~/.cache/copydesk``), one file each, named
by a kind ("pack", "re") and a hash of their key. Each is sealed (:mod:`copydesk.match.sealed`): a
record this user did not write, or one that names anything but copydesk's own record types, is
never unpickled. :func:`code_fingerprint` is what every key holds so that a new version, an
edited source file or another Python misses.

The cache is an optimisation only: an unreadable, corrupt, stale or unwritable cache is treated
as a miss and every failure is swallowed, so a run never depends on it. ``COPYDESK_NO_CACHE=1``
turns it off. Records are written to a temporary file and renamed, so readers never see half a
record. (The folder is worked out here rather than by ``platformdirs``: importing that library
takes ~24 ms, a seventh of the start of a pre-commit run on one file, for four lines of
``os.environ``; and it ignores a relative ``XDG_CACHE_HOME``, which copydesk has always used.)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core.regular_files import read_bytes
from . import sealed

FORMAT = 1  # bump when the layout of a record changes
_KEEP = 500  # records kept in the folder (a run of the built-in packs writes about 25)
_LINT = Path(__file__).resolve().parent.parent  # the package whose code the records reflect


def cache_dir() -> Path | None:
    if os.environ.get("COPYDESK_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~") or not os.path.isdir(home):
            return None  # no home folder: no cache, and never one created (nor a "~" here)
        base = os.path.join(home, ".cache")
    return Path(base) / "copydesk"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """copydesk and Python versions plus size and mtime of every source file of the package (a
    stat each, no reading, well under a millisecond): an edited validator, schema or model
    class invalidates every record, as a new version does."""
    from ..core.version import __version__

    h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    for path, size, mtime in sorted(_sources(str(_LINT))):
        h.update(f"|{path}:{size}:{mtime}".encode())
    return h.hexdigest()


def _sources(folder: str) -> Iterator[tuple[str, int, int]]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for e in entries:
        try:
            if e.is_dir():
                if e.name != "__pycache__":
                    yield from _sources(e.path)
            elif e.name.endswith(".py"):
                st = e.stat()
                yield e.path, st.st_size, st.st_mtime_ns
        except OSError:
            continue


def _record_path(kind: str, key: str) -> Path | None:
    d = cache_dir()
    if d is None:
        return None
    return d / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:40]}.record"


def read(kind: str, key: str) -> Any:
    """The payload stored under (``kind``, ``key``), or None: a miss."""
    path = _record_path(kind, key)
    if path is None:
        return None
    try:
        record = sealed.unseal(read_bytes(path))
    except Exception:  # missing, unreadable, truncated, garbage or not sealed by us: a miss
        return None
    if not (isinstance(record, tuple) and len(record) == 3 and record[:2] == (FORMAT, key)):
        return None
    return record[2]


def write(kind: str, key: str, payload: Any) -> None:
    """Store ``payload`` under (``kind``, ``key``); any failure is a record not written."""
    path = _record_path(kind, key)
    if path is None:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        record = sealed.seal((FORMAT, key, payload))
        if record is None:  # no key of our own: no cache
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(record)
        os.replace(tmp, path)
        _prune(path.parent)
    except Exception:  # read-only home, full disk, unpicklable value: run without the cache
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Keep the folder bounded: past ``_KEEP`` records, drop the least recently written down
    to three quarters of that. Records are written only on a miss (an edited or new pack)."""
    entries = [e for e in os.scandir(folder) if e.name.endswith(".record")]
    if len(entries) <= _KEEP:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    for e in entries[: len(entries) - _KEEP * 3 // 4]:
        with contextlib.suppress(OSError):
            os.unlink(e.path)
