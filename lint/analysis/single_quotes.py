"""Pair single quotation marks that are quotations, never apostrophes (real-copy 2).

British copy quotes speech in single marks (‘We never left,’ she says.) and US copy uses them
for short quotations of a word or two; but most single marks are apostrophes: ``don’t``,
``Jones’ car``, ``the ’90s``, ``rock ’n’ roll``, ``’em``, ``O’Neill``. So a single mark opens a
quotation only after white space, an opening bracket or a dash and before a letter, and not as
an elision; it closes one only after a non-space and before white space, punctuation or the end.
A closing candidate that may be a plural possessive ("the officers’ wives") is used only when
nothing better closes the quotation. Marks inside a double quotation are left alone (they are
the nested quotation), and an unpaired single mark is never an error.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import chain

from ..match.patterns import START
from .blocks import Block
from .quote import Quote

_SINGLES = re.compile("[‘’']")
# a mark that might open: at a line start or after white space, a bracket or a dash, before a
# letter or digit (``_is_opener`` decides)
# (one pattern per mark: each opens on its literal, which re finds at C speed, where a class
# holding ‘ would be tried at every character)
_OPENER_OF = {
    mark: re.compile(mark + r"(?<=[ \t\r\n(\[{—–/]" + mark + r")(?=\w)") for mark in "'‘"
}
_OPEN_BEFORE = frozenset(" \t\r\n([{—–/")
_CLOSE_AFTER = frozenset(" \t\r\n.,;:!?)]}—–-…\"”")
# what follows an apostrophe that stands for missing letters or digits
_ELISION = re.compile(
    r"(?:\d\d|(?:em|n|til|cause|cos|tis|twas|bout|round|ere|er|im|ave|ow|un|s)\b)", re.I
)
_LOWER_WORD = re.compile(r" [a-z]")


def _is_opener(text: str, i: int, block: Block) -> bool:
    if text[i] == "’":
        return False
    before_ok = i == block.start or text[i - 1] in _OPEN_BEFORE
    nxt = text[i + 1 : i + 2]
    return before_ok and nxt.isalnum() and not _ELISION.match(text, i + 1)


def _closer_strength(text: str, i: int, block: Block) -> int:
    """2: a closing mark; 1: perhaps a plural possessive (s’ before a lower-case word); 0: not
    a closing mark."""
    if text[i] == "‘" or i == block.start or text[i - 1].isspace():
        return 0
    j = i + 1
    if j < block.end and text[j] not in _CLOSE_AFTER:
        return 0
    if text[i - 1] in "sS" and _LOWER_WORD.match(text, j):
        return 1
    return 2


def single_openers(text: str) -> list[int]:
    """Where a single mark might open a quotation in the whole text (one scan, in order)."""
    found = [list(map(START, p.finditer(text))) for mark, p in _OPENER_OF.items()
             if mark in text]
    return sorted(chain.from_iterable(found))


def pair_singles(
    text: str,
    block: Block,
    index: int,
    doubles: list[tuple[int, int]],
    openers: list[int],
) -> list[Quote]:
    """Single-quoted quotations in ``block`` outside the ``doubles`` spans, in text order;
    ``openers``: single_openers(text)."""
    out: list[Quote] = []
    k = bisect_left(openers, block.start)
    if text[block.start : block.start + 1] not in ("‘", "'") and not (
        k < len(openers) and openers[k] < block.end
    ):
        return out  # apostrophes only (the usual case): nothing can open a quotation
    opened: int | None = None
    weak: int | None = None
    for m in _SINGLES.finditer(text, block.start, block.end):
        i = m.start()
        if any(s <= i < e for s, e in doubles):
            continue
        if opened is None:
            if _is_opener(text, i, block):
                opened, weak = i, None
            continue
        strength = _closer_strength(text, i, block)
        if strength == 2:
            out.append(Quote(opened, i + 1, index, single=True))
            opened = None
        elif strength == 1 and weak is None:
            weak = i
    if opened is not None and weak is not None:
        out.append(Quote(opened, weak + 1, index, single=True))
    elif opened is not None:
        # left open at the end of the paragraph: perhaps carried on in the next (find_quotes
        # keeps it only if the next paragraph opens with a single mark)
        out.append(Quote(opened, block.end, index, closed=False, single=True))
    return [q for q in out if any(c.isalpha() for c in text[q.start + 1 : q.end - 1])]
