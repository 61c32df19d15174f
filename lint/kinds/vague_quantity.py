"""``vague-quantity``: "thousands of …", "dozens of …" standing in for a figure, with no source.

Time spans ("thousands of years") are not counts and stay quiet, as does a vague quantity in a
sentence that carries a source cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..analysis.figures import TIME_UNITS
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule, phrase_first_words, phrase_pattern, word_list
from .base.rule import Hit, Rule

NAME = "vague-quantity"
KEYS = {
    "quantities": schema.is_str_list,
    "extra_quantities": schema.is_str_list,
    "min_cue": schema.is_int,
}
QUANTITIES = [
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens of thousands",
    "hundreds of thousands",
    "tens of millions",
    "hundreds of millions",
    "dozens",
    "scores",
]
_NEXT = re.compile(r"\s+(\w+)(?:\s+(\w+))?(?:\s+(\w+))?")


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class VagueQuantity(EditorialRule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        words = sorted(word_list(spec, "quantities", QUANTITIES), key=len, reverse=True)
        self.pattern = phrase_pattern(words, suffix=r"\s+of")
        # tried only where one of the phrases' first words starts
        self.finder = finder.by_words(
            shared, spec.id, self.pattern, phrase_first_words(words), folded=True)
        self.min_cue = int(spec.options.get("min_cue", 1))

    def check(self, ctx: Context) -> Iterable[Hit]:
        claims = ctx.editorial.claims
        text = ctx.text
        for m in self.finder.finditer(ctx):
            after = _NEXT.match(text, m.end())
            following = [w.lower() for w in (after.groups() if after else ()) if w]
            if any(w in TIME_UNITS for w in following[:2]):
                continue
            i = claims.sentence_at(m.start())
            if ctx.editorial.blocks[claims.sentences[i].block].heading:
                continue
            if claims.window_cue(i) >= self.min_cue or claims.in_quote(m.start(), m.end()):
                continue
            yield Hit(m.start(), m.end(), (text[m.start() : m.end()],))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return VagueQuantity(spec, shared)
