"""``metric``: compute a formula over the document's counts and flag it when a condition holds.

Vale's keys: ``formula`` (arithmetic over ``words``, ``sentences``, ``characters``,
``syllables``, ``complex_words``, ``long_words``, ``polysyllabic_words``, ``paragraphs`` and the
element counts ``heading_h1`` … ``heading_h6``, ``list``, ``pre``, ``blockquote``; Vale's
``heading.h2`` is read as ``heading_h2``) and ``condition`` (a comparison and a value, such as
``"> 8"``). The formula is evaluated safely (lint/kinds/base/formula.py). One finding per
measure (the document, or each block of a scope), its message's ``%s`` the value as ``%.2f``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable
from typing import TypeVar

from ..analysis.context import Context
from ..analysis.text_stats import VARIABLES
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.shared import SharedMatchers
from .base.formula import Formula, FormulaError, compare, parse, parse_condition
from .base.measure import go_fixed, measured_scopes, measures
from .base.rule import Hit, KindError, Rule

NAME = "metric"
KEYS: dict[str, schema.Check] = {"formula": schema.is_str, "condition": schema.is_str}

_HEADING = re.compile(r"heading\.(h[1-6])")
T = TypeVar("T")


def _parsed(
    spec: RuleSpec, key: str, parser: Callable[[str, Collection[str]], T], missing: str
) -> T:
    """The rule's ``key`` (its formula or condition) parsed, with ``heading.h1``… read as the
    ``heading_h1`` variables; a KindError at the key when it is missing or does not parse."""
    if key not in spec.options:
        raise KindError(f"a metric rule needs {missing}", [key])
    source = _HEADING.sub(r"heading_\1", spec.options[key])
    try:
        return parser(source, VARIABLES)
    except FormulaError as exc:
        raise KindError(f"bad {key}: {exc}", [key]) from None


def _formula(spec: RuleSpec) -> Formula:
    return _parsed(spec, "formula", parse, "a 'formula'")


def _condition(spec: RuleSpec) -> tuple[str, Formula]:
    return _parsed(spec, "condition", parse_condition, "a 'condition', such as '> 8'")


def validate(spec: RuleSpec) -> None:
    _formula(spec)
    _condition(spec)


class Metric(Rule):
    PHRASE = False  # a measure of the document or a block, not a phrase

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.formula = _formula(spec)
        self.op, self.threshold = _condition(spec)
        self.scopes = measured_scopes(spec.scope)

    def check(self, ctx: Context) -> Iterable[Hit]:
        for measure in measures(ctx, self.scopes):
            variables = measure.variables()
            value = self.formula.value(variables)
            if not math.isfinite(value):
                continue  # Vale's condition would not compile ("NaN > 8"): no finding
            # Vale compares the value as "%f" writes it, six decimals
            if compare(round(value, 6), self.op, self.threshold.value(variables)):
                yield Hit(measure.at, measure.at, (go_fixed(value),))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Metric(spec)
