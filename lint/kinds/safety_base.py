"""Shared pieces of the safety kinds: who counts as a target, negation, and the lowering of a
finding the writer only reports (inside an attributed quotation, or after "said that").

Safety rules never skip quotations: a threat is a threat wherever it appears, but one the
writer reports in a named speaker's words is lowered one level ("reported threat").
"""

from __future__ import annotations

import re

from lint.analysis.lexicon import REPORT_VERBS
from lint.context import Context, inside

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
