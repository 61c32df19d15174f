"""``unbalanced-quotes``: a double quotation mark that pairs with nothing in its paragraph.

A paragraph that ends inside a quotation continued by the next paragraph (AP/Chicago style,
next paragraph opening with a quotation mark) is not an error.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.context import Context
from lint.kinds import Hit, Rule, SharedMatchers
from lint.packs.spec import RuleSpec

NAME = "unbalanced-quotes"
KEYS: dict[str, object] = {}


def validate(spec: RuleSpec) -> None:
    """No parameters."""


class UnbalancedQuotes(Rule):
    def check(self, ctx: Context) -> Iterable[Hit]:
        for offset in ctx.editorial.unmatched_marks:
            yield Hit(offset, offset + 1, (ctx.text[offset],))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return UnbalancedQuotes(spec)
