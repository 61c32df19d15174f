"""An on-disk cache of work that depends only on pack files, never on the text being linted.

Two kinds of record live in ``$XDG_CACHE_HOME/copydesk`` (or ``~/.cache/copydesk``):

- ``pack-*``: a parsed, validated :class:`~lint.packs.load.Pack`, keyed on the pack's path, the
  bytes of every file it was read from (its YAML files and the data files its rules name) and
  the version of copydesk and of the loader code. Any byte change to any of them misses.
- ``re-*``: the compiled program of a very large ``re`` pattern (a 20,000-term matcher spends
  most of a run in ``re``'s pure-Python parser), keyed on what determines the pattern (the
  terms, or the pattern text), its flags, the exact Python version and the same code
  fingerprint. Loading it hands the stored program to ``_sre``, which checks it. One more
  holds the programs of every pattern a run compiles before its first document
  (:mod:`lint.match.re_warm`).

Records are sealed (:mod:`lint.packs.sealed`): a record this user did not write, or one that
names anything but copydesk's own record types, is never unpickled.

The cache is an optimisation only: an unreadable, corrupt, stale or unwritable cache is treated
as a miss and every failure is swallowed, so a run never depends on it. ``COPYDESK_NO_CACHE=1``
turns it off. Records are written to a temporary file and renamed, so readers never see half a
record.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint.core.regular_files import read_bytes
from lint.packs import sealed

_FORMAT = 1  # bump when the layout of a record changes
_KEEP = 500  # records kept in the folder (a run of the built-in packs writes about 25)
_LINT = Path(__file__).resolve().parent.parent  # the package whose code a pack record reflects


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
def _code_fingerprint() -> str:
    """copydesk and Python versions plus size and mtime of every source file of the package (a
    stat each, no reading, well under a millisecond): an edited validator, schema or model
    class invalidates every pack record, as a new version does."""
    from lint import __version__

    h = hashlib.sha256(f"{_FORMAT}|{__version__}|{sys.version}".encode())
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


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, None when it cannot be read (a missing data file counts)."""
    try:
        return hashlib.sha256(read_bytes(path)).hexdigest()
    except OSError:
        return None


def _record_path(kind: str, key: str) -> Path | None:
    d = cache_dir()
    if d is None:
        return None
    return d / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:40]}.record"


def _read(kind: str, key: str) -> Any:
    path = _record_path(kind, key)
    if path is None:
        return None
    try:
        record = sealed.unseal(read_bytes(path))
    except Exception:  # missing, unreadable, truncated, garbage or not sealed by us: a miss
        return None
    if not (isinstance(record, tuple) and len(record) == 3 and record[:2] == (_FORMAT, key)):
        return None
    return record[2]


def _write(kind: str, key: str, payload: Any) -> None:
    path = _record_path(kind, key)
    if path is None:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        record = sealed.seal((_FORMAT, key, payload))
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


# -- packs ------------------------------------------------------------------------------


def _pack_key(name: str, files: Iterable[Path]) -> str | None:
    parts = [_code_fingerprint(), name]
    for f in files:
        digest = file_digest(f)
        if digest is None:
            return None  # let the loader report the unreadable file
        parts.append(f"{f.name}:{digest}")
    return "\n".join(parts)


def load_pack(name: str, files: list[Path]) -> Any:
    """The cached Pack for these files, or None. Its data files must still hash the same."""
    key = _pack_key(name, files)
    record = _read("pack", key) if key is not None else None
    if not (isinstance(record, tuple) and len(record) == 2):
        return None
    pack, deps = record
    if any(file_digest(Path(p)) != digest for p, digest in deps):
        return None
    return pack


def store_pack(name: str, files: list[Path], pack: Any, data_files: Iterable[Path]) -> None:
    key = _pack_key(name, files)
    if key is not None:
        deps = [(str(p), file_digest(p)) for p in dict.fromkeys(data_files)]
        _write("pack", key, (pack, deps))


# -- large regular expressions ----------------------------------------------------------


def compile_cached(key: str, build: Callable[[], str], flags: int = 0) -> Any:
    """``re.compile(build(), flags)``, reusing a stored program when one exists for ``key``.

    ``key`` must determine the pattern text given the code (a term matcher passes its terms),
    so a warm run neither builds nor parses the pattern. The program is what ``re._compiler``
    hands to ``_sre.compile``; it depends only on the pattern, the flags and the Python build,
    all in the record's key with the code fingerprint (which holds ``sys.version``). Any
    problem (another Python, a changed ``_sre`` signature, a damaged record: ``_sre``
    validates the program) falls back to ``re.compile``.
    """
    import re

    flags = int(flags)
    # the code fingerprint too: a key that stands for its pattern (the terms) is only as good
    # as the code that builds the pattern from it
    full_key = f"{_code_fingerprint()}|{sys.implementation.cache_tag}|{flags}|{key}"
    record = _read("re", full_key)
    if isinstance(record, tuple) and len(record) == 2:
        try:
            return from_program(*record)
        except Exception:
            pass
    pattern = build()
    built = program(pattern, flags)
    if built is not None:
        try:
            compiled = from_program(pattern, built)
        except Exception:
            return re.compile(pattern, flags)
        _write("re", full_key, (pattern, built))
        return compiled
    return re.compile(pattern, flags)


def program(pattern: str, flags: int) -> tuple[Any, ...] | None:
    """What ``re._compiler.compile`` builds for ``_sre.compile`` (the code as an array)."""
    try:
        from array import array

        # private modules of the standard library, reached by name: the key holds sys.version
        _parser = importlib.import_module("re._parser")
        _compiler = importlib.import_module("re._compiler")
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for k, i in state.groupdict.items():
            indexgroup[i] = k
        return (array("I", code), flags | state.flags, state.groups - 1,
                dict(state.groupdict), tuple(indexgroup))
    except Exception:  # internals moved (another Python): plain re.compile, no record
        return None


def from_program(pattern: str, built: tuple[Any, ...]) -> Any:
    """The compiled pattern of a :func:`program` (``_sre`` checks the code)."""
    _sre = importlib.import_module("_sre")
    code, final_flags, groups, groupindex, indexgroup = built
    return _sre.compile(pattern, final_flags, code.tolist(), groups, groupindex, indexgroup)


def read_programs(name: str) -> list[tuple[str, int, tuple[Any, ...]]] | None:
    """The (pattern, flags, program) list stored as ``name`` for this code and Python."""
    record = _read("re", f"{_code_fingerprint()}|{sys.implementation.cache_tag}|{name}")
    return list(record) if isinstance(record, list) else None


def write_programs(name: str, programs: list[tuple[str, int, tuple[Any, ...]]]) -> None:
    _write("re", f"{_code_fingerprint()}|{sys.implementation.cache_tag}|{name}", programs)

