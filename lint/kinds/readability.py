"""``readability``: flag a document whose reading grade is above ``grade``.

Vale's keys: ``metrics`` (one or more of "Gunning Fog", "Coleman-Liau", "Flesch-Kincaid",
"SMOG" and "Automated Readability") and ``grade`` (the highest grade allowed). The grade is
the mean of the chosen metrics over the whole document (Vale does not scope this kind); the
finding sits at the document's start, its message's ``%s`` the grade as ``%.2f``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from ..analysis.context import Context
from ..analysis.text_stats import TextStats
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.shared import SharedMatchers
from .base.measure import go_fixed, measures
from .base.rule import Hit, KindError, Rule

NAME = "readability"


def _is_number(v: Any) -> str | None:
    ok = isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
    return None if ok else "must be a number"


def _is_metrics(v: Any) -> str | None:
    # Vale decodes weakly: one name on its own is a list of one
    return None if isinstance(v, str) else schema.is_str_list(v)


KEYS: dict[str, schema.Check] = {"metrics": _is_metrics, "grade": _is_number}


def _names(spec: RuleSpec) -> list[str]:
    metrics = spec.options.get("metrics") or []
    return [metrics] if isinstance(metrics, str) else list(metrics)


def _ratio(a: float, b: float) -> float:
    return a / b if b else math.nan


# The grade formulas, as jdkato/prose's summarize package (which Vale uses) writes them.
def _gunning_fog(s: TextStats) -> float:
    return 0.4 * (_ratio(s.words, s.sentences) + 100.0 * _ratio(s.complex_words, s.words))


def _coleman_liau(s: TextStats) -> float:
    letters = 0.0588 * _ratio(s.characters, s.words) * 100
    return letters - 0.296 * _ratio(s.sentences, s.words) * 100 - 15.8


def _flesch_kincaid(s: TextStats) -> float:
    return 0.39 * _ratio(s.words, s.sentences) + 11.8 * _ratio(s.syllables, s.words) - 15.59


def _smog(s: TextStats) -> float:
    return 1.0430 * math.sqrt(_ratio(s.polysyllabic_words * 30.0, s.sentences)) + 3.1291


def _automated(s: TextStats) -> float:
    return 4.71 * _ratio(s.characters, s.words) + 0.5 * _ratio(s.words, s.sentences) - 21.43


METRICS: dict[str, Callable[[TextStats], float]] = {
    "Gunning Fog": _gunning_fog,
    "Coleman-Liau": _coleman_liau,
    "Flesch-Kincaid": _flesch_kincaid,
    "SMOG": _smog,
    "Automated Readability": _automated,
}


def validate(spec: RuleSpec) -> None:
    metrics = _names(spec)
    if not metrics:
        names = ", ".join(f"'{m}'" for m in METRICS)
        raise KindError(f"a readability rule needs 'metrics': one or more of {names}", ["metrics"])
    for i, name in enumerate(metrics):
        if name not in METRICS:
            names = ", ".join(f"'{m}'" for m in METRICS)
            raise KindError(f"unknown metric '{name}' (known: {names})", ["metrics", i])
    if "grade" not in spec.options:
        raise KindError("a readability rule needs a 'grade' (the highest allowed)", ["grade"])


class Readability(Rule):
    PHRASE = False  # a measure of the document, not a phrase

    def __init__(self, spec: RuleSpec) -> None:
        # as in Vale, the scope is the document's summary whatever the rule says: a grade
        # needs whole sentences (and the engine must not drop the finding at 1:1 by scope)
        super().__init__(replace(spec, scope=("summary",)))
        self.metrics = [METRICS[name] for name in _names(spec)]
        self.grade = float(spec.options["grade"])

    def check(self, ctx: Context) -> Iterable[Hit]:
        for measure in measures(ctx, None):  # the whole document, whatever the scope says
            grade = sum(metric(measure.stats) for metric in self.metrics) / len(self.metrics)
            if grade > self.grade:  # NaN (no sentence) is never above
                yield Hit(measure.at, measure.at, (go_fixed(grade),))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Readability(spec)
