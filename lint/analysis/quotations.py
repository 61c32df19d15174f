"""Pair quotation marks per block and classify each quotation (policy reference H2).

Double marks, in every form newsroom copy uses: straight ``"``, curly “…”, typewriter ``''…''``,
LaTeX-style ````…''``, German „…“ and guillemets «…» (or »…«). A mark's glyph gives its
direction unless the characters around it say otherwise (``said,“ he`` is a closing mark typed
the wrong way round: one quotation, not two stray marks); a straight mark opens after the block
start, whitespace, an opening bracket, a dash or another opener, and closes otherwise; right
after a digit it is a prime (a 6" pipe) unless a quotation is open for it to close.

Single marks pair only outside double quotations (inside one they are the nested quotation)
and only where they cannot be apostrophes (lint/analysis/single_quotes.py); an unpaired single
mark is never reported, since most are apostrophes.

A block ending inside an open quotation whose next block opens with a quotation mark is a
*continued* quotation (the multi-paragraph convention), not an error. Titles of works
("her novel, “The Salt Road,”"), names and mentions ("the term “woke”") are marked so that speech
rules leave them alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..match.patterns import glyph_positions
from .blocks import Block
from .lexicon import MENTION_CUES, TITLE_NOUNS_AFTER, WORK_NOUNS
from .quote import Quote
from .single_quotes import pair_singles, single_openers

# the double marks ('' and `` before the straight and curly ones), found in a whole text one
# glyph at a time (glyph_positions), at one offset with MARK
_DOUBLE_GLYPHS = ("``", "''", '"', "“", "”", "„", "″", "«", "»")
MARK = _MARKS = re.compile("|".join(map(re.escape, _DOUBLE_GLYPHS)))
_GUILLEMET_GLYPHS = frozenset("«»")
_SINGLE_GLYPHS = ("‘", "'")
_OPEN_BEFORE = frozenset(" \t\r\n([{—–“‘/«»„")
# after a closing mark: the end, white space, punctuation or a closing bracket
_CLOSE_AFTER = frozenset(" \t\r\n.,;:!?)]}—–-…")
_OPENERS = frozenset({"“", "``", "«", "„"})
_AMBIGUOUS = frozenset({'"', "''", "″"})
_CLOSERS = frozenset({"”", "»"})
WORD = re.compile(r"\w(?:[\w’'-]*\w)?")
_LEAD = re.compile(r"\s*(?:``|''|[\"“”«»„″])")
_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*\s")
_LEAD_SINGLE = re.compile(r"\s*[‘']")
_NICKNAME_GAP = re.compile(r"[A-Z][\w.’'-]* $")


def _stuck_opener(text: str, i: int, mark: str) -> bool:
    """A straight mark right after a sentence's end and right before a capital, with no
    quotation open: an opening mark whose space was lost."""
    j = i + len(mark)
    return text[i - 1 : i] in (".", "!", "?") and text[j : j + 1].isupper()


def opens(text: str, i: int, mark: str, block: Block) -> bool:
    """Whether the mark at ``i`` opens a quotation, from its glyph and its neighbours."""
    before_open = i == block.start or text[i - 1] in _OPEN_BEFORE
    j = i + len(mark)
    after_close = j >= block.end or text[j] in _CLOSE_AFTER or text[j] in "”\"'’»"
    if mark in _OPENERS:
        # “ with a word before it and a space after it closes ("we lost,“ he said")
        return not (not before_open and after_close)
    if mark in _CLOSERS:
        # ” with a space before it and a word after it opens (and so does Swedish ”…”)
        return before_open and not after_close
    return before_open


def pair_block(
    text: str, block: Block, index: int, marks: list[tuple[int, str]]
) -> tuple[list[Quote], list[int]]:
    """Guillemet quotations first (English marks inside them are nested quotations), then the
    other double marks outside them. ``marks``: the block's (offset, mark), in order."""
    if not any(mark in _GUILLEMET_GLYPHS for _, mark in marks):
        return _pair(text, block, index, marks, [])  # no guillemets: the usual case
    guillemets = [(i, mark) for i, mark in marks if mark in _GUILLEMET_GLYPHS]
    quotes, unmatched = _pair(text, block, index, guillemets, [])
    inside = [(q.start, q.end) for q in quotes]
    others = [(i, mark) for i, mark in marks if mark not in _GUILLEMET_GLYPHS]
    more, bad = _pair(text, block, index, others, inside)
    return sorted(quotes + more, key=lambda q: q.start), sorted(unmatched + bad)


def _pair(
    text: str, block: Block, index: int, marks: list[tuple[int, str]], skip: list[tuple[int, int]]
) -> tuple[list[Quote], list[int]]:
    quotes: list[Quote] = []
    unmatched: list[int] = []
    opened: int | None = None
    open_len = 1
    # a mark inside a guillemet quotation is skipped: one starting by it reaches past it
    skip_starts = [s for s, _ in skip]
    skip_reach = list(accumulate((e for _, e in skip), max))
    for i, mark in marks:
        end = i + len(mark)
        if skip:
            k = bisect_right(skip_starts, i) - 1
            if k >= 0 and skip_reach[k] > i:
                continue
        if opened is None and mark in _AMBIGUOUS:
            if text[i - 1 : i].isdigit():
                continue  # a prime (6" pipe, 6'2"), unless it can close an open quotation
            if _stuck_opener(text, i, mark):
                opened, open_len = i, len(mark)  # 'the election."We won," she said'
                continue
        if opened is not None and mark == "“" and text[opened] == "„":
            quotes.append(Quote(opened, end, index, open_len=open_len))
            opened = None  # German „…“
            continue
        if opens(text, i, mark, block):
            if opened is not None:
                unmatched.append(opened)
            opened, open_len = i, len(mark)
        elif opened is not None:
            quotes.append(Quote(opened, end, index, open_len=open_len, close_len=len(mark)))
            opened = None
        else:
            unmatched.append(i)
    if opened is not None:
        quotes.append(Quote(opened, block.end, index, closed=False, open_len=open_len))
    return quotes, unmatched


def find_quotes(text: str, blocks: list[Block]) -> tuple[list[Quote], list[int]]:
    """All quotations in view order, and the offsets of marks that pair with nothing."""
    quotes: list[Quote] = []
    unmatched: list[int] = []
    last: Quote | None = None  # the last double quotation so far
    marks = glyph_positions(text, _DOUBLE_GLYPHS)  # every double mark, found once
    openers = single_openers(text)
    for i, block in enumerate(blocks):
        lo, hi = bisect_left(marks, (block.start, "")), bisect_left(marks, (block.end, ""))
        k = bisect_left(openers, block.start)
        if lo == hi and not (k < len(openers) and openers[k] < block.end) and text[
            block.start : block.start + 1
        ] not in _SINGLE_GLYPHS:
            continue  # no mark that can open or close a quotation: most paragraphs
        found, bad = pair_block(text, block, i, marks[lo:hi])
        if last is not None and last.block == i - 1 and not last.closed:
            leads = found and _LEAD.match(text, block.start)
            if leads and not block.heading and found[0].start == _first_mark(text, block):
                found[0].continues = True
            elif bad and bad[0] == _first_mark(text, block):
                # the quotation left open above closes here: one problem, reported once
                bad = bad[1:]
        last = found[-1] if found else last
        singles = pair_singles(text, block, i, [(q.start, q.end) for q in found], openers)
        if singles and singles[0].start == _first_single(text, block):
            _carry_single(quotes, singles[0], i)
        quotes.extend(sorted(found + singles, key=lambda q: q.start))
        unmatched.extend(bad)
    # a single quotation left open is dropped (it may be an apostrophe) unless carried on
    kept = _carried(quotes)
    quotes = [q for k, q in enumerate(quotes) if q.closed or not q.single or kept[k]]
    # an open quotation is an error unless the next block carries it on
    doubles = [q for q in quotes if not q.single]
    for k, q in enumerate(doubles):
        carried = k + 1 < len(doubles) and doubles[k + 1].continues
        if not q.closed and not carried:
            unmatched.append(q.start)
    for q in quotes:
        _classify(text, q, blocks[q.block])
    unmatched.sort()
    return quotes, unmatched


def _first_single(text: str, block: Block) -> int:
    m = _LEAD_SINGLE.match(text, block.start, block.end)
    return m.end() - 1 if m else -1


def _carry_single(quotes: list[Quote], first: Quote, index: int) -> None:
    """A single quotation opening block ``index`` right after one left open in the block before
    continues it (the multi-paragraph convention in British copy)."""
    last = next((q for q in reversed(quotes) if q.single), None)
    if last is not None and last.block == index - 1 and not last.closed:
        first.continues = True


def _carried(quotes: list[Quote]) -> list[bool]:
    """For each quotation, whether the next single quotation after it continues it from the
    next block (found in one pass back, not by a scan of the rest for each)."""
    out = [False] * len(quotes)
    nxt: Quote | None = None  # the next single quotation after k
    for k in range(len(quotes) - 1, -1, -1):
        out[k] = nxt is not None and nxt.continues and nxt.block == quotes[k].block + 1
        if quotes[k].single:
            nxt = quotes[k]
    return out


def _first_mark(text: str, block: Block) -> int:
    m = _MARKS.search(text, block.start, block.end)
    return m.start() if m else -1


def _classify(text: str, q: Quote, block: Block) -> None:
    s, e = q.inner
    inner = WORD.findall(text, s, e)
    q.words = len(inner)
    before = text[max(block.start, q.start - 60) : q.start].lower()
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    if ends:  # only the quotation's own sentence ("… first album. ‘There were …")
        before = before[ends[-1] :]
    words = WORD.findall(before)
    # a title opens on a capital ("her novel, “The Salt Road”"), a partial quotation after a
    # work noun does not ("called your first book “a ghost story”")
    titled = bool(inner) and inner[0][:1].isupper() and not WORK_NOUNS.isdisjoint(words[-3:])
    if titled or _names_something(text, q, inner, block):
        q.is_title = True
    tail = " ".join(words[-4:])
    if "so-called" not in before[-14:] and "so called" not in before[-14:]:
        q.is_mention = tail.endswith(MENTION_CUES)  # (a tuple: any of them)


def _names_something(text: str, q: Quote, inner: list[str], block: Block) -> bool:
    """A quoted name rather than speech: a nickname between a first and last name (Jimmy
    “the Hat” Ruiz), a short quotation followed by the kind of thing it names (the “Build
    Back Better” agenda), or one in Title Case (Operation “Clean Harbour”)."""
    if q.words > 8 or not q.closed:
        return False
    if _title_case(inner):
        return True
    after = WORD.findall(text, q.end, min(block.end, q.end + 30))
    before = text[max(block.start, q.start - 30) : q.start]
    if _NICKNAME_GAP.search(before) and after and after[0][:1].isupper():
        return True
    return bool(after) and after[0].lower() in TITLE_NOUNS_AFTER


def _title_case(words: list[str]) -> bool:
    """“The Weight of Small Things”, “Bill of Lading No. 4471”: every word longer than three
    letters (and the first) capitalised or a number, and at least two such words."""
    significant = [w for i, w in enumerate(words) if i == 0 or len(w) > 3]
    return len(significant) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in significant)
