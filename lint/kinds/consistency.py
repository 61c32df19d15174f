"""``consistency``: two spellings of one thing (``either: {a: b}``) in the same file.

Vale's algorithm: blocks (paragraphs, headings, list items, table cells) are read in order,
and the file remembers which forms of each pair it has met. A block that uses the pair once
both forms have been met gets one finding: the block's last use names the form, reported at
the block's first use of that same text (Vale reports that one, and it is found among the
block's own matches, not by searching the text). So "e-mail" in one paragraph and "email" in
the next is one finding, on the second paragraph; a raw rule reads the whole source as one
block.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.context import Context
from ..analysis.scopes import text_blocks
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
        met: list[set[str]] = [set() for _ in self.pairs]  # the forms of each pair met so far
        for start, end in [(0, len(text))] if self.raw else text_blocks(ctx):
            for pattern, forms in zip(self.pairs, met, strict=True):
                found = list(finditer(pattern, text[start:end]))
                forms.update("first" if m.group("first") is not None else "second"
                             for m in found)
                if found and {"first", "second"} <= forms:
                    last = found[-1].group()
                    shown = next(m for m in found if m.group() == last)
                    yield Hit(start + shown.start(), start + shown.end(), (last,))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Consistency(spec)
