"""What the measuring kinds (``metric``, ``readability``) measure: the document's summary, or
each block of a scope, with the statistics and element counts of each.

As in Vale, an unset scope, ``text`` or ``summary`` measures the whole document, reported at
its start (1:1); any other scope measures each of its blocks, reported where the block begins.
A measure with no words is left out: Vale has nothing to compute for it and stays silent.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ...analysis.context import Context
from ...analysis.text_stats import ElementIndex, TextStats, count_text, summary_regions

WHOLE = ("text", "summary", "raw")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SUMMARY = object()  # the memo key of the document's summary (shared by every measuring rule)


@dataclass(frozen=True)
class Measure:
    """One measured stretch: where to report it (view offset) and what it counts."""

    at: int
    stats: TextStats
    elements: dict[str, float]

    def variables(self) -> dict[str, float]:
        return {**self.elements, **self.stats.as_floats()}


def measured_scopes(scope: tuple[str, ...]) -> list[str] | None:
    """The block scopes a rule measures, or None for the whole document (Vale's summary)."""
    positive = [s for s in scope if not s.startswith("~") and s not in WHOLE]
    return positive or None


def measures(ctx: Context, scopes: list[str] | None) -> list[Measure]:
    """The summary (``scopes`` None) or each block of the scopes, those with words only."""
    if scopes is None:
        found = [ctx.memo(_SUMMARY, lambda: _summary(ctx))]
    else:
        found = [_block(ctx, s, e) for scope in scopes for s, e in ctx.spans(scope)]
    return [m for m in found if m.stats.words]


def _summary(ctx: Context) -> Measure:
    regions = ctx.doc.regions
    if regions:
        blocks = [ctx.text[slice(*ctx.view(r.start, r.end))] for r in summary_regions(regions)]
    else:  # a reader that found no blocks: its paragraphs are its blank-line runs
        blocks = _BLANK_LINE.split(ctx.text)
    counts = _elements(ctx).counts(0, len(ctx.doc.text))
    return Measure(0, count_text(blocks), counts)


def _block(ctx: Context, start: int, end: int) -> Measure:
    counts = _elements(ctx).counts(*ctx.doc.prose.to_source(start, end))
    return Measure(start, count_text(_BLANK_LINE.split(ctx.text[start:end])), counts)


def _elements(ctx: Context) -> ElementIndex:
    regions = ctx.doc.regions
    return ctx.memo(ElementIndex, lambda: ElementIndex(regions))


def go_fixed(value: float) -> str:
    """``value`` as Go's ``%.2f`` writes it (``NaN``, ``+Inf`` and ``-Inf`` included)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return f"{value:.2f}"
