"""Compiled ``re`` programs kept on disk, so that a large pattern is parsed once, not per run.

``re`` parses a pattern in pure Python: a 20,000-term matcher spends most of a run there. What
``re._compiler`` builds for ``_sre.compile`` (the program) depends only on the pattern, its
flags and the Python build, so it is stored (:mod:`copydesk.match.disk_cache`) keyed on what
determines the pattern, the flags, the exact Python version and the code fingerprint, and
handed back to ``_sre``, which checks it.

Reaching the program uses private modules of the standard library (``re._parser``,
``re._compiler``, ``_sre``). Each use is guarded: where they are missing or have changed shape
(another Python), a pattern is compiled by ``re.compile`` as usual and nothing is stored.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from typing import Any

from . import disk_cache


def compile_cached(key: str, build: Callable[[], str], flags: int = 0) -> Any:
    """``re.compile(build(), flags)``, reusing a stored program when one exists for ``key``.

    ``key`` must determine the pattern text given the code (a term matcher passes its terms),
    so a warm run neither builds nor parses the pattern. The program is what ``re._compiler``
    hands to ``_sre.compile``; it depends only on the pattern, the flags and the Python build,
    all in the record's key with the code fingerprint (which holds ``sys.version``). Any
    problem (another Python, a changed ``_sre`` signature, a damaged record: ``_sre``
    validates the program) falls back to ``re.compile``.
    """
    flags = int(flags)
    # the code fingerprint too: a key that stands for its pattern (the terms) is only as good
    # as the code that builds the pattern from it
    full_key = f"{disk_cache.code_fingerprint()}|{sys.implementation.cache_tag}|{flags}|{key}"
    record = disk_cache.read("re", full_key)
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
        disk_cache.write("re", full_key, (pattern, built))
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
    record = disk_cache.read("re", _programs_key(name))
    return list(record) if isinstance(record, list) else None


def write_programs(name: str, programs: list[tuple[str, int, tuple[Any, ...]]]) -> None:
    """Store ``programs`` as ``name`` for this code and Python."""
    disk_cache.write("re", _programs_key(name), programs)


def _programs_key(name: str) -> str:
    return f"{disk_cache.code_fingerprint()}|{sys.implementation.cache_tag}|{name}"

