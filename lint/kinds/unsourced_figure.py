"""``unsourced-figure``: a statistic (H6) with no source cue (H5) near it.

At most one finding per sentence, on its first unsourced statistic. ``min_cue`` says which cues
satisfy the rule: 1 (default) lets weak cues such as "reportedly" count, because the weasel
rules already flag those; 2 asks for a strong cue.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.analysis.figure_anchors import FIGURE_WORDS
from lint.anchors import WordAnchors
from lint.context import Context
from lint.kinds import Hit, Rule, SharedMatchers
from lint.kinds.editorial_base import EditorialRule
from lint.packs import schema
from lint.packs.spec import RuleSpec

NAME = "unsourced-figure"
KEYS = {"min_cue": schema.is_int}


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class UnsourcedFigure(EditorialRule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        self.min_cue = int(spec.options.get("min_cue", 1))
        # the number words a figure opens on come from the run's shared word scan
        self.words = WordAnchors(shared, spec.id, FIGURE_WORDS)

    def check(self, ctx: Context) -> Iterable[Hit]:
        claims = ctx.editorial.claims
        for _, fig in claims.unsourced_figures(self.min_cue, self.words.starts(ctx)):
            yield Hit(fig.start, fig.end, (ctx.text[fig.start : fig.end],))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return UnsourcedFigure(spec, shared)
