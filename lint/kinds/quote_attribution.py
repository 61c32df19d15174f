"""``quote-attribution``: a direct quotation of ``min_words`` or more words with no speaker.

Attribution comes from the shared analysis (lint/analysis/attribution.py, every H3 route);
titles of works, names and mentions ("the term “woke”") are not speech and stay quiet, and a
quotation left open is reported once, by ``unbalanced-quotes``. The finding says what is known:
no speaker was found near the quotation, not that it has none.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.shared import SharedMatchers
from .base.rule import Hit, Rule

NAME = "quote-attribution"
KEYS = {"min_words": schema.is_int}


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


def excerpt(text: str, limit: int = 6) -> str:
    words = text.split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


class QuoteAttribution(Rule):
    PHRASE = False  # a quotation, not a phrase (lint/kinds/__init__.py)

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.min_words = int(spec.options.get("min_words", 4))

    def check(self, ctx: Context) -> Iterable[Hit]:
        # an unbalanced mark is unbalanced-quotes' one finding, not also a quotation here
        unbalanced = set(ctx.editorial.unmatched_marks)
        for q in ctx.editorial.quotes:
            if q.attributed or q.is_title or q.is_mention or q.words < self.min_words:
                continue
            if q.start in unbalanced:
                continue
            s, e = q.inner
            yield Hit(q.start, q.end, (excerpt(ctx.text[s:e]),))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return QuoteAttribution(spec)
