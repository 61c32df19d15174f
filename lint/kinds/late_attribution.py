"""``late-attribution``: a long quotation whose speaker is named only after it ends.

Readers should learn who is talking by the end of the first sentence (Reuters); a quotation of
``min_sentences`` or more sentences attributed only by a trailing "…,” she said" fires.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.shared import SharedMatchers
from .base.rule import Hit, Rule

NAME = "late-attribution"
KEYS = {"min_sentences": schema.is_int}


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class LateAttribution(Rule):
    PHRASE = False  # a quotation and its late speaker, not a phrase (lint/kinds/__init__.py)

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.min_sentences = int(spec.options.get("min_sentences", 3))

    def check(self, ctx: Context) -> Iterable[Hit]:
        sentences = ctx.sentences
        starts = [s for s, _ in sentences]
        for q in ctx.editorial.quotes:
            if not q.attributed or q.route != "window" or q.attribution_at < q.end:
                continue
            s, e = q.inner
            count = bisect_left(starts, e) - bisect_left(starts, s) + 1
            if count >= self.min_sentences:
                yield Hit(q.start, q.end, (count,))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return LateAttribution(spec)
