"""Start a run with the regular expressions of earlier runs already compiled.

Importing copydesk and compiling its packs compiles about 190 patterns with ``re``, the same
ones every run: ~70 ms of a ~0.25 s pre-commit run, most of it in ``re``'s pure-Python parser.
A run records what ``re._compiler`` built for each pattern it compiled before linting its first
document (the program ``_sre`` executes); later runs hand those programs to ``_sre`` (~2 ms for
all) and put the patterns in ``re``'s own cache, where each ``re.compile`` then finds its
pattern. Nothing compiled while a document is linted is recorded, so no text from a linted
file reaches the cache folder.

The record lives in the cache folder (:mod:`copydesk.match.re_programs`), keyed on the code
fingerprint (which holds the Python version); ``_sre`` checks every program it is handed. Where
``re``'s cache is not the dict this expects (another Python), nothing is done.

The whole trick is three calls, made by the command that runs: :func:`start` before the
packs load, :func:`stop` before the first document is linted, :func:`save` when the run ends
(it stops first if need be). Each is harmless when repeated or when the trick is off.
"""

from __future__ import annotations

import re
from typing import Any

_KEY = "warm-start"
_recorded: dict[tuple[str, int], None] | None = None  # ordered set, while recording
_known: set[tuple[str, int]] = set()  # what the loaded record held
_compile: Any = None  # re._compiler.compile, while it is wrapped


def _layout_known() -> bool:
    """``re`` keeps compiled patterns in a dict keyed (type, pattern, flags), as in 3.11, and
    compiles through ``re._compiler.compile`` (private: anything else, and the warm start is
    off; patterns compile as usual)."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or not callable(getattr(getattr(re, "_compiler", None),
                                                           "compile", None)):
        return False
    probe = "(?:copydesk warm-start probe)"
    re.compile(probe)
    return (str, probe, 0) in cache


def start() -> None:
    """Load the recorded programs into ``re``'s cache, and record what is still compiled."""
    global _recorded, _compile
    from . import disk_cache, re_programs

    if _compile is not None or disk_cache.cache_dir() is None or not _layout_known():
        return
    record = re_programs.read_programs(_KEY)
    room = int(getattr(re, "_MAXCACHE", 512)) - len(re._cache)  # type: ignore[attr-defined]
    for pattern, flags, built in (record or [])[: max(room, 0)]:
        try:
            compiled = re_programs.from_program(pattern, built)
            re._cache[str, pattern, flags] = compiled  # type: ignore[attr-defined]
        except Exception:  # a program _sre refuses: that pattern compiles as usual
            continue
        _known.add((pattern, flags))
    _recorded = {}
    _compile = re._compiler.compile  # type: ignore[attr-defined]

    def recording(pattern: Any, flags: int) -> Any:
        if _recorded is not None and isinstance(pattern, str) and not flags & re.DEBUG:
            _recorded[pattern, int(flags)] = None
        return _compile(pattern, flags)

    re._compiler.compile = recording  # type: ignore[attr-defined]


def stop() -> None:
    """Stop recording (a document is about to be linted)."""
    global _recorded
    if _recorded is not None and _compile is not None:
        re._compiler.compile = _compile  # type: ignore[attr-defined]
        _pending.update(_recorded)
        _recorded = None


_pending: dict[tuple[str, int], None] = {}


def save() -> None:
    """Store the loaded record plus what this run compiled before its first document."""
    stop()
    new = [key for key in _pending if key not in _known]
    if not new:
        return
    from . import re_programs

    programs = re_programs.read_programs(_KEY) or []
    for pattern, flags in new:
        built = re_programs.program(pattern, flags)
        if built is not None:
            programs.append((pattern, flags, built))
    re_programs.write_programs(_KEY, programs)
    _known.update(new)
