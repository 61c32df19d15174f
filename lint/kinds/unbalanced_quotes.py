"""``unbalanced-quotes``: a double quotation mark that pairs with nothing in its paragraph.

A paragraph that ends inside a quotation continued by the next paragraph (AP/Chicago style,
next paragraph opening with a quotation mark) is not an error. The finding quotes the words
the stray mark opens or closes, so the editor sees which quotation is broken.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from ..analysis.blocks import Block
from ..analysis.context import Context
from ..analysis.quotations import MARK, opens
from ..core.rule_spec import RuleSpec
from ..match.shared import SharedMatchers
from .base.rule import Hit, Rule

NAME = "unbalanced-quotes"
KEYS: dict[str, object] = {}


def validate(spec: RuleSpec) -> None:
    """No parameters."""


class UnbalancedQuotes(Rule):
    PHRASE = False  # a stray mark, not a phrase (lint/kinds/__init__.py)

    def check(self, ctx: Context) -> Iterable[Hit]:
        ed = ctx.editorial
        text = ctx.text
        words: dict[int, _Words] = {}  # a block's words, split once however many marks it holds
        for offset in ed.unmatched_marks:
            found = MARK.match(text, offset)
            mark = found.group() if found else text[offset]
            block = ed.block_of(offset)
            end = offset + len(mark)
            here = words.get(block.start)
            if here is None:
                here = words[block.start] = _Words(text, block)
            yield Hit(offset, end, (_excerpt(text, offset, mark, block, here),))


_TOKEN = re.compile(r"\S+")  # what str.split() splits out (\s is str.isspace, as for split)


class _Words:
    """The whitespace-separated words of a block, as offsets: the words after or before a mark
    are found by bisection, not by splitting the rest of the block again for every mark (a
    block of 100 KB of stray marks made that quadratic). A short block is split as it is."""

    def __init__(self, text: str, block: Block) -> None:
        self.block = block
        self.short = block.end - block.start <= SHORT_BLOCK
        spans = [] if self.short else [m.span() for m in
                                       _TOKEN.finditer(text, block.start, block.end)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def after(self, text: str, at: int) -> tuple[list[str], int]:
        """``text[at : block end].split()``'s first EXCERPT_WORDS + 1 words, and how many
        there are."""
        if self.short:
            words = text[at : self.block.end].split()
            return words[: EXCERPT_WORDS + 1], len(words)
        k = bisect_right(self.ends, at)  # the first word ending after ``at``
        out = [text[max(s, at) : e] for s, e in zip(
            self.starts[k : k + EXCERPT_WORDS + 1], self.ends[k : k + EXCERPT_WORDS + 1],
            strict=True)]
        return out, len(self.ends) - k

    def before(self, text: str, at: int) -> tuple[list[str], int]:
        """``text[block start : at].split()``'s last EXCERPT_WORDS words, and how many there
        are."""
        if self.short:
            words = text[self.block.start : at].split()
            return words[-EXCERPT_WORDS:], len(words)
        j = bisect_left(self.starts, at)  # the words starting before ``at``
        lo = max(0, j - EXCERPT_WORDS)
        out = [text[s : min(e, at)] for s, e in zip(self.starts[lo:j], self.ends[lo:j],
                                                     strict=True)]
        return out, j


SHORT_BLOCK = 2000  # characters: a block this short is split for each mark, as cheaply


def _excerpt(text: str, start: int, mark: str, block: Block, words: _Words) -> str:
    """The words a stray mark opens (“we will appeal …) or closes (… we will appeal.”)."""
    end = start + len(mark)
    if opens(text, start, mark, block):
        after, count = words.after(text, end)
        return text[start:end] + " ".join(map(_short, after[:EXCERPT_WORDS])) + (
            " …" if count > EXCERPT_WORDS else "")
    before, count = words.before(text, start)
    return ("… " if count > EXCERPT_WORDS else "") + " ".join(map(_short, before)) + text[
        start:end]


EXCERPT_WORDS = 5
LONGEST_WORD = 60  # a longer "word" (a run of marks, a line without spaces) is cut short


def _short(word: str) -> str:
    return word if len(word) <= LONGEST_WORD else word[:LONGEST_WORD] + "…"


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return UnbalancedQuotes(spec)
