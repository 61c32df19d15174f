"""Pair double quotation marks per block and classify each quotation (policy reference H2).

Curly quotes pair by direction; a straight ``"`` opens after the block start, whitespace, an
opening bracket, a dash or another opener, and closes otherwise; right after a digit it is a
prime (a 6" pipe) unless a quotation is open for it to close. Single quotes are never paired
(U+2019 is usually an apostrophe). A block ending inside an open quotation whose next block
opens with a quotation mark is a *continued* quotation, not an error. Titles of works
("her novel, “The Salt Road,”") and mentions ("the term “woke”") are marked so that speech
rules leave them alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.analysis.blocks import Block
from lint.analysis.lexicon import MENTION_CUES, WORK_NOUNS

_MARKS = re.compile('["“”]')
_OPEN_BEFORE = frozenset(" \t\r\n([{—–“‘/")
WORD = re.compile(r"\w(?:[\w’'-]*\w)?")
_LEAD = re.compile(r"\s*[“\"]")


@dataclass(slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (block end for a continued quotation)
    block: int
    closed: bool = True
    continues: bool = False  # this quotation carries on from the previous block
    words: int = 0
    is_title: bool = False
    is_mention: bool = False
    attributed: bool = False
    speaker: str = ""
    route: str = ""
    attribution_at: int = -1  # where the report verb sits

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def pair_block(text: str, block: Block, index: int) -> tuple[list[Quote], list[int]]:
    quotes: list[Quote] = []
    unmatched: list[int] = []
    opened: int | None = None
    for m in _MARKS.finditer(text, block.start, block.end):
        i, ch = m.start(), m.group()
        if ch == '"':
            if opened is None and text[i - 1 : i].isdigit():
                continue  # a prime (6" pipe), unless it can close an open quotation
            opens = i == block.start or text[i - 1] in _OPEN_BEFORE
        else:
            opens = ch == "“"
        if opens:
            if opened is not None:
                unmatched.append(opened)
            opened = i
        elif opened is not None:
            quotes.append(Quote(opened, i + 1, index))
            opened = None
        else:
            unmatched.append(i)
    if opened is not None:
        quotes.append(Quote(opened, block.end, index, closed=False))
    return quotes, unmatched


def find_quotes(text: str, blocks: list[Block]) -> tuple[list[Quote], list[int]]:
    """All quotations in view order, and the offsets of marks that pair with nothing."""
    quotes: list[Quote] = []
    unmatched: list[int] = []
    for i, block in enumerate(blocks):
        found, bad = pair_block(text, block, i)
        if quotes and quotes[-1].block == i - 1 and not quotes[-1].closed:
            leads = found and _LEAD.match(text, block.start)
            if leads and not block.heading and found[0].start == _first_mark(text, block):
                found[0].continues = True
        quotes.extend(found)
        unmatched.extend(bad)
    # an open quotation is an error unless the next block carries it on
    for k, q in enumerate(quotes):
        carried = k + 1 < len(quotes) and quotes[k + 1].continues
        if not q.closed and not carried:
            unmatched.append(q.start)
    for q in quotes:
        _classify(text, q, blocks[q.block])
    unmatched.sort()
    return quotes, unmatched


def _first_mark(text: str, block: Block) -> int:
    m = _MARKS.search(text, block.start, block.end)
    return m.start() if m else -1


def _classify(text: str, q: Quote, block: Block) -> None:
    s, e = q.inner
    q.words = len(WORD.findall(text, s, e))
    before = text[max(block.start, q.start - 60) : q.start].lower()
    words = WORD.findall(before)
    if not WORK_NOUNS.isdisjoint(words[-3:]):
        q.is_title = True
    tail = " ".join(words[-4:])
    if "so-called" not in before[-14:] and "so called" not in before[-14:]:
        q.is_mention = tail.endswith(MENTION_CUES)  # (a tuple: any of them)
