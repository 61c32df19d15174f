"""``occurrence``: count a token per scope instance; flag more than ``max`` or fewer than ``min``.

As in Vale the count is per scoped block (each heading, list item, cell …; the whole text for
``text``), the finding sits on the first match that is not all white space (or at the start of
the block when there are none) and the message's ``%s``/``%d`` is the count.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.context import Context
from ..analysis.scopes import counted_spans, is_vale_style
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import finditer
from ..match.shared import SharedMatchers
from .base.rule import Hit, KindError, Rule, check_regex

NAME = "occurrence"
KEYS: dict[str, schema.Check] = {
    "token": schema.is_str, "max": schema.is_int, "min": schema.is_int, "ignorecase": schema.is_bool
}


def validate(spec: RuleSpec) -> None:
    if "token" not in spec.options:
        raise KindError("an occurrence rule needs a 'token'")
    if "max" not in spec.options and "min" not in spec.options:
        raise KindError("an occurrence rule needs 'max' or 'min'")
    check_regex(spec.options["token"], bool(spec.options.get("ignorecase")), ["token"])


class Occurrence(Rule):
    PHRASE = False  # a count over a scope, not a phrase (lint/kinds/__init__.py)

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.pattern = check_regex(spec.options["token"], bool(spec.options.get("ignorecase")), [])
        self.max = spec.options.get("max")
        self.min = spec.options.get("min")

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.doc.text if self.raw else ctx.text
        vale = is_vale_style(self.spec)
        for start, end in counted_spans(self.spec.scope, ctx, len(text), vale):
            found = finditer(self.pattern, text[start:end])
            matches = [m for m in found if m.end() > m.start()]
            n = len(matches)
            if (self.max is not None and n > self.max) or (self.min is not None and n < self.min):
                if not matches:
                    yield Hit(start, start, (n,))
                    continue
                # as in Vale, the first match that is not all white space (the blanks a
                # code span or markup left in the view are not words to point at); none:
                # no finding
                first = next((m for m in matches if not m.group().isspace()), None)
                if first is not None:
                    yield Hit(start + first.start(), start + first.end(), (n,))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Occurrence(spec)
