"""``unsourced-figure``: a statistic (H6) with no source cue (H5) near it.

At most one finding per sentence, on its first unsourced statistic. ``min_cue`` says which cues
satisfy the rule: 1 (default) lets weak cues such as "reportedly" count, because the weasel
rules already flag those; 2 asks for a strong cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..analysis.figure_anchors import FIGURE_WORDS
from ..analysis.figures import Figure
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule
from .base.rule import Hit, Rule

NAME = "unsourced-figure"
KEYS = {"min_cue": schema.is_int}


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class UnsourcedFigure(EditorialRule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        self.min_cue = int(spec.options.get("min_cue", 1))
        # the number words a figure opens on come from the run's shared word scan
        self.words = finder.by_words(shared, spec.id, None, FIGURE_WORDS)

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.editorial.press_release:
            return  # the issuer's own figures, sourced by the release
        claims = ctx.editorial.claims
        # (the folded text is the lower-cased one; where a dotted capital I makes them differ,
        # the anchors take their slow path and read the text itself)
        for _, fig in claims.unsourced_figures(self.min_cue, self.words.starts(ctx), ctx.folded):
            yield Hit(fig.start, fig.end, (with_unit(ctx.text, fig),))


def with_unit(text: str, fig: Figure) -> str:
    """The figure as the message quotes it: with the words that say what it counts ("86 mln
    tonnes", "14 stevedoring companies", not "86"); a currency or percentage carries its own."""
    figure = " ".join(text[fig.start : fig.end].split())
    if fig.kind in ("currency", "percent"):
        return figure
    unit = _UNIT.match(text, fig.end)
    return f"{figure} {' '.join(unit.group().split())}" if unit else figure


# up to two lower-case words after a figure that are not function words
_NOT_UNIT = (r"(?:of|in|the|a|an|to|and|or|for|on|at|by|from|with|than|as|that|this|these|was|"
             r"were|is|are|be|had|has|have|will|would|last|per|since|each|who|which|more|less)")
# (a second word ending in -ed or -ing is the sentence's verb: "2,400 residents signed")
_WORD = rf"\s+(?!{_NOT_UNIT}\b)[a-z][a-z-]*"
_UNIT = re.compile(rf"{_WORD}(?:(?=\s+[a-z])(?![\s\S][a-z-]*(?:ed|ing)\b){_WORD})?")


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return UnsourcedFigure(spec, shared)
