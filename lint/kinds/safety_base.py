"""Shared pieces of the safety kinds: who counts as a target, negation, and the lowering of a
finding the writer only reports (inside an attributed quotation, or after "said that").

Safety rules never skip quotations: a threat is a threat wherever it appears, but one the
writer reports in a named speaker's words is lowered one level ("reported threat").

:func:`pattern_first_words` reads the words a rule's pattern can open with, so that the
safety and legal kinds try their patterns only where one of those words starts
(:class:`~lint.anchors.WordAnchors`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import pairwise
from re import _parser  # type: ignore[attr-defined]  # CPython's parser: the pattern's tree
from typing import Any
from weakref import WeakKeyDictionary

from lint.analysis.lexicon import REPORT_VERBS
from lint.anchors import WordAnchors
from lint.context import Context, inside
from lint.kinds import SharedMatchers
from lint.matchers import CASE_TRAPS, TermIndex, finditer_at, normalise_term

# People a threat or a call to violence can be aimed at.
ROLES = (
    "judge|judges|jury|mayor|president|prime minister|minister|senator|senators|governor|mp|mps|"
    "politician|politicians|journalist|journalists|reporter|reporters|police|cop|cops|officer|"
    "officers|teacher|teachers|doctor|doctors|nurses|protesters|protestors|immigrants|migrants|"
    "refugees|traitors|bastards|leaders?|boss|landlord|neighbou?rs?|family|kids|children|wife|"
    "husband|ex|referee|witness|witnesses|priest|imam|rabbi|jews|muslims|christians|gays|women|"
    "men|people|voters|liberals|conservatives|democrats|republicans|infidels|heretics"
)
_PRONOUN_TARGET = (
    r"(?:you|him|her|them|y['’]all|everyone|everybody|every\s+one\s+of\s+you|all\s+of\s+you)"
)
_POSSESSED = (
    r"(?:your|his|her|their)\s+(?:whole\s+|entire\s+|own\s+)?(?:family|kids|children|wife|husband|"
    r"son|daughter|mother|father|house|home|car|face|head|legs|throat|office|school|church|mosque|"
    r"synagogue|dog)"
)
TARGET = re.compile(
    r"\s+(?:" + _PRONOUN_TARGET + r"(?![\w’'])|" + _POSSESSED + r"\b|"
    r"(?:the|that|this|these|those|every|all|each|some)\s+(?:[\w-]+\s+)?(?:" + ROLES + r")\b|"
    r"(?:[A-Z][a-z][\w’'-]*)(?:\s+[A-Z][a-z][\w’'-]*)?)"
)
NEGATION = re.compile(r"\b(?:not|never|no|nobody|no\s+one|none|cannot)\b|n['’]t\b", re.IGNORECASE)
_REPORTED = re.compile(
    r"\b(" + "|".join(sorted(REPORT_VERBS, key=len, reverse=True)) + r")\s+(?:that\s+)?",
    re.IGNORECASE,
)


def in_attributed_quote(ctx: Context, start: int, end: int) -> bool:
    return inside(ctx.spans("attributed-quote"), start, end)


def reported(ctx: Context, start: int, end: int) -> int:
    """1 when the writer reports the words (attributed quotation, or "X said that …" before
    them in the sentence), else 0: the level to lower a finding by."""
    if in_attributed_quote(ctx, start, end):
        return 1
    claims = ctx.editorial.claims
    s, _ = ctx.editorial.sentences[claims.sentence_at(start)]
    return 1 if _REPORTED.search(ctx.text, s, start) else 0


def sentence_of(ctx: Context, offset: int) -> tuple[int, int]:
    return ctx.editorial.sentences[ctx.editorial.claims.sentence_at(offset)]


# -- the first words of a pattern --------------------------------------------------------------
# A state of the walk: the word read so far, whether a non-word character (or an assertion that
# one follows) has ended it, and whether the match is known to start where a word starts.
_State = tuple[str, bool, bool]
_MAX_WORDS = 256
_MAX_UNROLL = 4
_WORD_CHAR = re.compile(r"\w")
_TWO_WORD_CHARS = re.compile(r"\w\w")
_WORD_EDGES = re.compile(r"\w(?:.*\w)?", re.S)


class _Unknown(Exception):
    """The pattern holds something the walk cannot bound: the caller scans instead."""


def pattern_anchors(shared: SharedMatchers, owner: str, pattern: re.Pattern[str]) -> WordAnchors:
    """Word anchors for ``pattern`` (none known, it scans: see :func:`pattern_first_words`)."""
    return WordAnchors(shared, owner, pattern_first_words(pattern.pattern, pattern.flags))


def pattern_first_words(pattern: str, flags: int = 0) -> set[str] | None:
    """Every word a match of ``pattern`` opens with (the maximal ``\\w+`` run at its start),
    or None unless the pattern itself guarantees the answer: it must open on a word start
    (``\\b`` or a look-behind excluding ``\\w``), and each first word must end on a non-word
    character it consumes, or on ``\\b`` / a look-ahead excluding ``\\w``."""
    try:
        states = _sequence(_parser.parse(pattern, flags), {("", False, False)})
    except (_Unknown, re.error):
        return None
    if not states or not all(done for _, done, _ in states):
        return None
    return {word for word, _, _ in states}


def _sequence(items: Any, states: set[_State]) -> set[_State]:
    for op, av in items:
        if all(done for _, done, _ in states):
            break
        ended = {s for s in states if s[1]}
        states = ended | _item(op, av, {s for s in states if not s[1]})
        if len(states) > _MAX_WORDS:
            raise _Unknown
    return states


def _item(op: Any, av: Any, states: set[_State]) -> set[_State]:
    if op is _parser.LITERAL:
        return _consume([chr(av)], states)
    if op is _parser.IN:
        return _consume(_class_chars(av), states)
    if op is _parser.SUBPATTERN:
        return _sequence(av[3], states)
    if op is _parser.ATOMIC_GROUP:
        return _sequence(av, states)
    if op is _parser.BRANCH:
        return set().union(*(_sequence(branch, states) for branch in av[1]))
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        return _repeat(av, states)
    if op is _parser.AT:
        return {_boundary(s) for s in states} if av is _parser.AT_BOUNDARY else states
    if op is _parser.ASSERT_NOT and _excludes_words(av[1]):
        return {_guard(s) if av[0] < 0 else _end(s) for s in states}
    if op is _parser.ASSERT or op is _parser.ASSERT_NOT:
        return states  # consumes nothing: the words stay a superset
    raise _Unknown


def _consume(chars: list[str | None], states: set[_State]) -> set[_State]:
    """``None`` stands for "some white space" (a non-word character with no case)."""
    out = set()
    for word, _, guarded in states:
        for ch in chars:
            if ch is not None and _WORD_CHAR.match(ch):
                if not word and not guarded:
                    raise _Unknown  # the match might start inside a word
                out.add((word + ch, False, guarded))
            elif ch is None or ch.lower() == ch == ch.upper():
                if not word:
                    raise _Unknown  # a match opening on a non-word character
                out.add((word, True, guarded))
            else:
                raise _Unknown  # IGNORECASE might equate it with a word character
    return out


def _class_chars(items: Any) -> list[str | None]:
    chars: list[str | None] = []
    for op, av in items:
        if op is _parser.LITERAL:
            chars.append(chr(av))
        elif op is _parser.RANGE and av[1] - av[0] < 32:
            chars.extend(map(chr, range(av[0], av[1] + 1)))
        elif op is _parser.CATEGORY and av is _parser.CATEGORY_SPACE:
            chars.append(None)
        else:
            raise _Unknown
    return chars


def _repeat(av: Any, states: set[_State]) -> set[_State]:
    low, high, body = av
    out = set(states) if low == 0 else set()
    current = states
    for n in range(1, _MAX_UNROLL + 2):
        if all(done for _, done, _ in current):
            return out | current  # further repetitions change nothing
        if n > high:
            return out
        if n > _MAX_UNROLL:
            raise _Unknown
        current = _sequence(body, current)
        if n >= low:
            out |= current
    raise _Unknown  # pragma: no cover - the loop always returns


def _excludes_words(body: Any) -> bool:
    """Is the assertion's body one character class that holds ``\\w``?"""
    if len(body) != 1 or body[0][0] is not _parser.IN:
        return False
    return (_parser.CATEGORY, _parser.CATEGORY_WORD) in body[0][1]


def _boundary(state: _State) -> _State:
    """``\\b`` before any character opens on a word start; after a word character, ends it."""
    word, done, guarded = state
    return (word, True, guarded) if word else (word, done, True)


def _guard(state: _State) -> _State:
    word, done, _ = state
    return (word, done, True) if not word else state


def _end(state: _State) -> _State:
    word, _, guarded = state
    return (word, True, guarded) if word else state


def matches_between(
    pattern: re.Pattern[str], text: str, starts: list[int] | None, start: int, end: int
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` yields, tried only at the sorted ``starts``
    (word anchors of the whole text; None: scan). Exact when every match starts at an anchor,
    unless ``end`` cuts a word: there the shortened word may be one the anchors never saw."""
    if starts is None or _cuts_word(text, end):
        yield from pattern.finditer(text, start, end)
    else:
        yield from finditer_at(pattern, text, starts, start, end)


def search_between(
    pattern: re.Pattern[str], text: str, starts: list[int] | None, start: int, end: int
) -> re.Match[str] | None:
    """``pattern.search(text, start, end)``, tried only at the anchors (as
    :func:`matches_between`)."""
    if starts is None or _cuts_word(text, end):
        return pattern.search(text, start, end)
    match = pattern.match
    for k in range(bisect_left(starts, start), len(starts)):
        if starts[k] >= end:
            return None
        m = match(text, starts[k], end)
        if m is not None:
            return m
    return None


class PhraseAnchors:
    """Where one of a rule's opening phrases occurs whole ("the disabled", not every "the"),
    from the shared word index: for a pattern ``(?<![\\w-])(?:phrases)\\s…`` whose phrases
    are matched with ``\\s+`` for their spaces. A text with a case-trap letter (it may sit in a
    phrase's second word) falls back to the pattern's first words; a phrase that does not open
    and close on a word character, or holds a case trap, leaves the pattern to scan."""

    def __init__(
        self, shared: SharedMatchers, owner: str, phrases: Iterable[str], pattern: re.Pattern[str]
    ) -> None:
        self.owner = owner + " phrase"
        self.index: TermIndex | None = None
        self.first_words = pattern_anchors(shared, owner, pattern)
        keys = set()
        for phrase in phrases:
            key = normalise_term(phrase, True)
            if phrase != phrase.strip() or not _WORD_EDGES.fullmatch(key) or CASE_TRAPS.search(key):
                return
            keys.add(key)
        if keys:
            self.index = shared.terms(ignorecase=True, words=True)
            for key in sorted(keys):
                self.index.add(key, self.owner)

    def finditer(self, pattern: re.Pattern[str], ctx: Context) -> Iterator[re.Match[str]]:
        """``pattern.finditer(ctx.text)``, tried where a phrase starts."""
        if self.index is None or ctx.case_trap_words:
            return self.first_words.finditer(pattern, ctx, ctx.text)
        starts = sorted({start for start, _, _ in ctx.term_hits(self.index, self.owner)})
        return finditer_at(pattern, ctx.text, starts)


def sentences_holding(ctx: Context, starts: list[int] | None) -> Iterable[int]:
    """Indices of the sentences where :func:`matches_between` may find a match: those holding
    an anchor, or ending inside a word (all of them when the anchors are unknown)."""
    sentences = ctx.editorial.sentences
    facts = sentence_facts(ctx)
    if starts is None or not facts.ordered:
        return range(len(sentences))
    found = set(facts.cut)
    firsts = facts.starts
    for pos in starts:
        i = bisect_right(firsts, pos) - 1
        if i >= 0 and pos < sentences[i][1]:
            found.add(i)
    return sorted(found)


class SentenceFacts:
    """Where a document's sentences start, whether in order (they always have been: each
    offset then lies in one sentence), and which end inside a word."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.ordered = all(a[1] <= b[0] for a, b in pairwise(sentences))
        self.starts = [s for s, _ in sentences]
        n = len(text)
        self.cut = [i for i, (_, e) in enumerate(sentences)
                    if e < n and not text[e].isspace() and _TWO_WORD_CHARS.match(text, e - 1)]


_SENTENCE_FACTS: WeakKeyDictionary[Context, SentenceFacts] = WeakKeyDictionary()


def sentence_facts(ctx: Context) -> SentenceFacts:
    """The document's :class:`SentenceFacts`, found once."""
    facts = _SENTENCE_FACTS.get(ctx)
    if facts is None:
        facts = _SENTENCE_FACTS[ctx] = SentenceFacts(ctx.text, ctx.editorial.sentences)
    return facts


def _cuts_word(text: str, end: int) -> bool:
    """Does a word run on past ``end``?"""
    return 0 < end < len(text) and _TWO_WORD_CHARS.match(text, end - 1) is not None
