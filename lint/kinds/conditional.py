"""``conditional``: a ``first`` match needs a ``second`` match somewhere in the file.

With a group in ``second`` (``[A-Z]+ \\(([A-Z]{3,})\\)``) each ``first`` match must equal a
captured text (an acronym defined somewhere); with no group, any ``second`` match satisfies
every ``first`` match (a presence check).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import finditer
from ..match.shared import SharedMatchers
from .base.rule import Exceptions, Hit, KindError, Rule, check_regex

NAME = "conditional"
KEYS: dict[str, schema.Check] = {
    "first": schema.is_str,
    "second": schema.is_str,
    "exceptions": schema.is_str_list,
    "vocab": schema.is_bool,
    "ignorecase": schema.is_bool,
}


def validate(spec: RuleSpec) -> None:
    for key in ("first", "second"):
        if key not in spec.options:
            raise KindError(f"a conditional rule needs '{key}'")
        check_regex(spec.options[key], False, [key])
    for i, exc in enumerate(spec.options.get("exceptions") or []):
        check_regex(exc, False, ["exceptions", i])


class Conditional(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        self.first = check_regex(spec.options["first"], False, [])
        self.second = check_regex(spec.options["second"], False, [])
        self.exceptions = Exceptions(spec.options.get("exceptions") or [], False)
        self.shared = shared
        self.vocab = spec.options.get("vocab", True)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.doc.text if self.raw else ctx.text
        seconds = list(finditer(self.second, text))
        if self.second.groups == 0:
            if seconds:
                return
            captured: set[str] = set()
        else:
            # every group of every match counts (Vale's: "(NBA)" after a name defines it too)
            captured = {g for m in seconds for g in m.groups() if g}
        for m in finditer(self.first, text):
            word = m.group()
            if not word or word in captured or self.exceptions.excludes(word):
                continue
            if self.vocab and self.shared.accept and self.shared.accepted(word):
                continue
            yield Hit(m.start(), m.end(), (word,))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Conditional(spec, shared)
