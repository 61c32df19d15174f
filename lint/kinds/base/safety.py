"""Shared pieces of the safety kinds: who counts as a target, negation, and the lowering of a
finding the writer only reports (inside an attributed quotation, or after "said that").

Safety rules never skip quotations: a threat is a threat wherever it appears, but one the
writer reports in a named speaker's words is lowered one level ("reported threat").

:func:`~lint.match.openers.pattern_first_words` reads the words a rule's pattern can open
with, so that the safety and legal kinds try their patterns only where one of those words
starts (:class:`~lint.match.anchors.WordAnchors`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import pairwise
from weakref import WeakKeyDictionary

from lint.analysis.alternation import longest_first
from lint.analysis.context import Context, inside
from lint.analysis.lexicon import REPORT_VERBS
from lint.match.anchors import WordAnchors
from lint.match.openers import pattern_first_words
from lint.match.patterns import CASE_TRAPS, finditer_at, normalise_term
from lint.match.shared import SharedMatchers
from lint.match.term_index import TermIndex

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
    r"\b(" + "|".join(sorted(REPORT_VERBS, key=longest_first)) + r")\s+(?:that\s+)?",
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


_TWO_WORD_CHARS = re.compile(r"\w\w")
_WORD_EDGES = re.compile(r"\w(?:.*\w)?", re.S)


def pattern_anchors(shared: SharedMatchers, owner: str, pattern: re.Pattern[str]) -> WordAnchors:
    """Word anchors for ``pattern`` (none known, it scans: see :func:`pattern_first_words`)."""
    return WordAnchors(shared, owner, pattern_first_words(pattern.pattern, pattern.flags))


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
        starts = ctx.term_starts(self.index, self.owner)
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
