"""``consistency``: two spellings of one thing (``either: {a: b}``) in the same file.

The first form met in the file wins; every later use of the other form is flagged.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import finditer
from ..match.shared import SharedMatchers
from .base.rule import Hit, KindError, Rule, check_regex

NAME = "consistency"
KEYS: dict[str, schema.Check] = {
    "either": schema.is_str_map, "nonword": schema.is_bool, "ignorecase": schema.is_bool
}


def _pair_pattern(a: str, b: str, nonword: bool) -> str:
    # Named groups: the user's own groups must not shift which form matched.
    body = f"(?P<first>{a})|(?P<second>{b})"
    return body if nonword else rf"\b(?:{body})\b"


def validate(spec: RuleSpec) -> None:
    either = spec.options.get("either") or {}
    if not either:
        raise KindError("a consistency rule needs 'either'")
    for a, b in either.items():
        check_regex(
            _pair_pattern(a, b, bool(spec.options.get("nonword"))),
            bool(spec.options.get("ignorecase")),
            ["either", a],
            at_key=True,
        )


class Consistency(Rule):
    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        ic = bool(spec.options.get("ignorecase"))
        nonword = bool(spec.options.get("nonword"))
        self.pairs = [
            check_regex(_pair_pattern(a, b, nonword), ic, [])
            for a, b in (spec.options.get("either") or {}).items()
        ]

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.doc.text if self.raw else ctx.text
        for pattern in self.pairs:
            chosen = 0
            for m in finditer(pattern, text):
                form = 1 if m.group("first") is not None else 2
                if not chosen:
                    chosen = form
                elif form != chosen:
                    yield Hit(m.start(), m.end(), (m.group(),))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Consistency(spec)
