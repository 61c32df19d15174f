"""Bound a markup reader: past its time budget, or recursing too deep, a file is read as text.

No document may hang a run. The Markdown reader is linear by design, but a reader is third-party
code reading untrusted input, so it runs under a wall-clock budget that grows with the file's
size (:func:`budget_for`), through the one-shot alarm of :mod:`copydesk.match.watchdog`. Where
no alarm
can be armed (not the main thread, no SIGALRM, or someone else's alarm is set), a cheap
pre-check stands in: a file past ``UNTIMED_MAX_CHARS`` or with a line nesting more than
``UNTIMED_MAX_NESTING`` quote or list containers is not given to the reader. A reader's
RecursionError is caught either way. Each fallback reads the file with the plain-text reader
and returns a note saying why, which the CLI prints as a warning naming the file.

The alarm interrupts Python code only: a native parser's own loop runs to its end before the
handler can raise (pyromark hands events over one at a time, so the walk over them stops).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ....match import watchdog
from ...prose import ProseText
from ...regions import Region

Reader = Callable[[str], tuple[ProseText, list[Region]]]

BASE_SECONDS = 5.0  # whatever the size: a cold start, a slow shared machine
SECONDS_PER_MILLION = 2.0  # the Markdown reader takes ~0.08 s per MB: 25x headroom
UNTIMED_MAX_CHARS = 32_000_000  # ~3 s of reading at that pace, where nothing can stop it
UNTIMED_MAX_NESTING = 64  # real copy nests a few levels; 25 quote levels hung marko
_NAMES = {"markdown": "Markdown", "html": "HTML"}


def budget_for(text: str) -> float:
    """Seconds a reader may take on ``text``."""
    return BASE_SECONDS + SECONDS_PER_MILLION * len(text) / 1_000_000


def _nesting_pattern(levels: int) -> re.Pattern[str]:
    # a line opening with ``levels`` container markers: '>' or a list bullet/number
    marker = r"[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))"
    return re.compile(rf"(?m)^(?:{marker}){{{levels}}}")


_DEEP = _nesting_pattern(UNTIMED_MAX_NESTING + 1)


def untimed_refusal(text: str) -> str | None:
    """Why ``text`` is not given to a reader that nothing could stop, or None."""
    if len(text) > UNTIMED_MAX_CHARS:
        return f"it is over {UNTIMED_MAX_CHARS:,} characters"
    if _DEEP.search(text):
        return f"a line nests more than {UNTIMED_MAX_NESTING} quotes or lists"
    return None


def read_within(
    fmt: str, text: str, reader: Reader, fallback: Reader, budget: float | None = None
) -> tuple[ProseText, list[Region], str | None]:
    """``reader(text)`` within the budget (seconds; default :func:`budget_for`), else
    ``fallback(text)``, with a note saying why (None when the reader finished)."""
    name = _NAMES.get(fmt, fmt)
    seconds = budget_for(text) if budget is None else budget
    note: str | None
    try:
        if watchdog.available():
            prose, regions = watchdog.run_within(seconds, lambda: reader(text))
            return prose, regions, None
        refusal = untimed_refusal(text)
        if refusal is None:
            prose, regions = reader(text)
            return prose, regions, None
        note = f"not read as {name} ({refusal}, and no timer can bound it here)"
    except TimeoutError:
        note = f"{name} reading took over {seconds:.1f} s"
    except RecursionError:
        note = f"{name} nesting too deep for its reader"
    prose, regions = fallback(text)
    return prose, regions, f"{note}; linted as plain text"
