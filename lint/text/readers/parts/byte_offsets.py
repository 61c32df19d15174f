"""Turn the UTF-8 byte offsets a native parser reports into code-point offsets of its text.

Every offset copydesk keeps is a code point into the decoded source; the Markdown parser
(pulldown-cmark, through pyromark) reports UTF-8 byte ranges. The conversion happens once, at
the reader's edge, through :class:`ByteOffsets`: an ASCII text maps by identity; otherwise each
character wider than one byte shifts the offsets after it, and a byte offset finds its shift
by bisection over those characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_WIDE = re.compile(r"[^\x00-\x7f]+")


def _width(ch: str) -> int:
    """UTF-8 length of one code point."""
    code = ord(ch)
    return 2 if code < 0x800 else 3 if code < 0x10000 else 4


class ByteOffsets:
    """Map UTF-8 byte offsets of ``text`` to code-point offsets (callable)."""

    __slots__ = ("_ends", "_shifts", "identity")

    def __init__(self, text: str) -> None:
        self.identity = text.isascii()
        # for each wide character: the byte offset just past it, and the bytes it and the wide
        # characters before it add beyond one byte each (so cp = byte - shift after it)
        self._ends: list[int] = []
        self._shifts: list[int] = []
        if self.identity:
            return
        ends, shifts = self._ends, self._shifts
        shift = 0
        for run in _WIDE.finditer(text):
            start = run.start()
            for i, ch in enumerate(run.group(), start):
                shift += _width(ch) - 1
                ends.append(i + shift + 1)
                shifts.append(shift)

    def __call__(self, byte: int) -> int:
        if self.identity:
            return byte
        k = bisect_right(self._ends, byte)
        return byte - self._shifts[k - 1] if k else byte
