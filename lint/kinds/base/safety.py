"""Shared pieces of the safety kinds: who counts as a target, negation, and the lowering of a
finding the writer only reports (inside an attributed quotation, or after "said that").

Safety rules never skip quotations: a threat is a threat wherever it appears, but one the
writer reports in a named speaker's words is lowered one level ("reported threat").

:func:`copydesk.match.finder.by_openers` reads the words a rule's pattern can open with, so that
the safety and legal kinds try their patterns only where one of those words starts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import pairwise

from ...analysis.alternation import longest_first
from ...analysis.context import Context, inside
from ...analysis.lexicon import REPORT_VERBS
from ...match.finder import Finder

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


def sentences_holding(ctx: Context, finder: Finder) -> Iterable[int]:
    """Indices of the sentences where the finder may find a match: those holding a place
    where a match may start, or ending inside a word (all of them when it scans)."""
    sentences = ctx.editorial.sentences
    facts = sentence_facts(ctx)
    starts = finder.starts(ctx)
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


def sentence_facts(ctx: Context) -> SentenceFacts:
    """The document's :class:`SentenceFacts`, found once."""
    return ctx.memo(SentenceFacts, lambda: SentenceFacts(ctx.text, ctx.editorial.sentences))
