"""``unbalanced-quotes``: a double quotation mark that pairs with nothing in its paragraph.

A paragraph that ends inside a quotation continued by the next paragraph (AP/Chicago style,
next paragraph opening with a quotation mark) is not an error. The finding quotes the words
the stray mark opens or closes, so the editor sees which quotation is broken.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.analysis.blocks import Block
from lint.analysis.quotations import MARK, opens
from lint.context import Context
from lint.kinds import Hit, Rule, SharedMatchers
from lint.packs.spec import RuleSpec

NAME = "unbalanced-quotes"
KEYS: dict[str, object] = {}


def validate(spec: RuleSpec) -> None:
    """No parameters."""


class UnbalancedQuotes(Rule):
    def check(self, ctx: Context) -> Iterable[Hit]:
        ed = ctx.editorial
        text = ctx.text
        for offset in ed.unmatched_marks:
            found = MARK.match(text, offset)
            mark = found.group() if found else text[offset]
            block = ed.block_of(offset)
            end = offset + len(mark)
            yield Hit(offset, end, (_excerpt(text, offset, mark, block),))


def _excerpt(text: str, start: int, mark: str, block: Block) -> str:
    """The words a stray mark opens (“we will appeal …) or closes (… we will appeal.”)."""
    end = start + len(mark)
    if opens(text, start, mark, block):
        words = text[end : block.end].split()
        return text[start:end] + " ".join(words[:EXCERPT_WORDS]) + (
            " …" if len(words) > EXCERPT_WORDS else "")
    words = text[block.start : start].split()
    return ("… " if len(words) > EXCERPT_WORDS else "") + " ".join(
        words[-EXCERPT_WORDS:]) + text[start:end]


EXCERPT_WORDS = 5


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return UnbalancedQuotes(spec)
