"""``unsourced-superlative``: a rank or first claim ("the first public …", "the largest in
Europe", "unprecedented") with no explicit citation in its sentence.

A report verb is not enough here (WP:V: claims likely to be challenged need a citation): only a
link, a footnote, a parenthetical source or "according to X" satisfies the rule. A plain
sequence ordinal ("his first golf outing") is not in the list.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.anchors import WordAnchors
from lint.context import Context
from lint.kinds import Hit, Rule, SharedMatchers
from lint.kinds.editorial_base import EditorialRule, phrase_first_words, phrase_pattern, word_list
from lint.packs import schema
from lint.packs.spec import RuleSpec

NAME = "unsourced-superlative"
KEYS = {"phrases": schema.is_str_list, "extra_phrases": schema.is_str_list}
PHRASES = [
    "first public",
    "first official",
    "first ever",
    "first-ever",
    "for the first time",
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


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class UnsourcedSuperlative(EditorialRule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        phrases = word_list(spec, "phrases", PHRASES)
        self.pattern = phrase_pattern(phrases)
        # tried only where one of the phrases' first words starts (lint/anchors.py)
        self.anchors = WordAnchors(shared, spec.id, phrase_first_words(phrases))

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.editorial.press_release:
            return  # the issuer's own claims, sourced by the release
        claims = ctx.editorial.claims
        reported: set[int] = set()
        for m in self.anchors.finditer(self.pattern, ctx, ctx.folded):
            i = claims.sentence_at(m.start())
            if i in reported or ctx.editorial.blocks[claims.sentences[i].block].heading:
                continue
            if claims.cited(i) or claims.in_quote(m.start(), m.end()):
                continue
            reported.add(i)
            yield Hit(m.start(), m.end(), (ctx.text[m.start() : m.end()],))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return UnsourcedSuperlative(spec, shared)
