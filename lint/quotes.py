"""Pairing of double quotation marks per block (policy reference H2, basic form).

Curly quotes pair by direction; a straight ``"`` opens after start of block, whitespace or an
opening bracket/dash, and closes otherwise. Single quotes are not paired (U+2019 is usually an
apostrophe). Returns quotation spans (marks included) and the offsets of unmatched marks.
"""

from __future__ import annotations

import re

_MARKS = re.compile('["“”]')
_OPEN_BEFORE = " \t\r\n([{—–“‘"


def pair(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[int]]:
    spans: list[tuple[int, int]] = []
    unmatched: list[int] = []
    opened: int | None = None
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        ch = m.group()
        if ch == '"':
            opens = i == start or text[i - 1] in _OPEN_BEFORE
        else:
            opens = ch == "“"
        if opens and opened is None:
            opened = i
        elif opens:  # a second opener: the first was never closed
            unmatched.append(opened)  # type: ignore[arg-type]
            opened = i
        elif opened is not None:
            spans.append((opened, i + 1))
            opened = None
        else:
            unmatched.append(i)
    if opened is not None:
        unmatched.append(opened)
    return spans, unmatched
