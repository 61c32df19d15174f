"""``unsourced-superlative``: a rank or first claim ("the first public …", "the largest in
Europe", "unprecedented") with no source in its sentence.

A link, a footnote, a parenthetical source, "according to X", or a named source with a report
verb ("…, the railway said", "which the candidate claimed was the largest") sources it: the
claim is then the speaker's, as news copy puts it. A plain sequence ordinal ("his first golf
outing") is not in the list, nor a literal "for the first time" ("she saw the film for the
first time"): only "for the first time ever" and "the first time in history" are. A rank in an
appositive that identifies a name ("Sindicato X, the largest union in the port, said") is
description, not a claim, unless it reaches for history or a record ("…, the largest in the
township's history").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule, phrase_first_words, phrase_pattern, word_list
from .base.rule import Hit, Rule

NAME = "unsourced-superlative"
KEYS = {"phrases": schema.is_str_list, "extra_phrases": schema.is_str_list}
PHRASES = [
    "first public",
    "first official",
    "first ever",
    "first-ever",
    "for the first time ever",
    "first known",
    "first such",
    "first time in history",
    "the largest",
    "the biggest",
    "the smallest",
    "the highest",
    "the lowest",
    "the oldest",
    "the longest",
    "the fastest",
    "the deadliest",
    "the worst",
    "the best-selling",
    "record high",
    "record low",
    "record-breaking",
    "all-time high",
    "all-time low",
    "unprecedented",
    "never before",
    "never-before-seen",
]


_APPOSITIVE = re.compile(r",\s*$")
# what turns an identifying rank into a record claim
_RECORD = re.compile(r"\b(?:history|ever|on\s+record|of\s+all\s+time|since|records)\b",
                     re.IGNORECASE)


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class UnsourcedSuperlative(EditorialRule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        phrases = word_list(spec, "phrases", PHRASES)
        self.pattern = phrase_pattern(phrases)
        # tried only where one of the phrases' first words starts
        self.finder = finder.by_words(
            shared, spec.id, self.pattern, phrase_first_words(phrases), folded=True)

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.editorial.press_release:
            return  # the issuer's own claims, sourced by the release
        claims = ctx.editorial.claims
        reported: set[int] = set()
        for m in self.finder.finditer(ctx):
            i = claims.sentence_at(m.start())
            if i in reported or ctx.editorial.blocks[claims.sentences[i].block].heading:
                continue
            if claims.cited(i) or claims.cue(i) == 2 or claims.in_quote(m.start(), m.end()):
                continue
            if self._identifies(ctx.text, m.start(), m.end(), claims.sentences[i].end):
                continue
            reported.add(i)
            yield Hit(m.start(), m.end(), (ctx.text[m.start() : m.end()],))

    @staticmethod
    def _identifies(text: str, start: int, end: int, limit: int) -> bool:
        """", the largest union in the two ports," after a name: an identifier, unless the
        appositive (up to its comma) claims a record."""
        if not text[start:end].lower().startswith("the ") or not _APPOSITIVE.search(
            text, max(0, start - 3), start
        ):
            return False
        close = text.find(",", end, limit)
        stop = close if close >= 0 else limit
        return _RECORD.search(text, end, stop) is None


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return UnsourcedSuperlative(spec, shared)
