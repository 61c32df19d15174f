"""``pii-iban``: international bank account numbers (policy reference H8).

Two capital letters and two check digits, then groups of capitals and digits split by single
spaces ("GB82 WEST 1234 5698 7654 32"), accepted only when ``stdnum.iban`` finds the country's
length and format and the mod-97 checksum equal to 1. A number one digit off stays quiet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint.context import Context
from lint.kinds import Hit, Rule, SharedMatchers
from lint.kinds.editorial_base import EditorialRule
from lint.packs.spec import RuleSpec

NAME = "pii-iban"
KEYS: dict[str, object] = {}
# A country code and check digits, then groups split by single spaces (one way only to read
# a run, so a failed match cannot backtrack for long).
_CANDIDATE = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}[A-Z0-9]*(?: [A-Z0-9]+)*")
_GROUP_END = re.compile(r"(?<=[A-Z0-9])(?= |$)")
_WORD_GOES_ON = re.compile(r"[\w-]")


def validate(spec: RuleSpec) -> None:
    """No parameters."""


class Iban(EditorialRule):
    def check(self, ctx: Context) -> Iterable[Hit]:
        from stdnum import iban

        text = ctx.text
        for m in _CANDIDATE.finditer(text):
            # The longest run of whole groups that validates: words in capitals after the
            # number ("… 7654 32 TO JANE") must not spoil it.
            ends = [m.start() + e.start() for e in _GROUP_END.finditer(m.group())]
            for end in reversed(ends):
                if _WORD_GOES_ON.match(text, end) or end - m.start() > 42:
                    continue  # "…32x" is not a number's end; 42 = 34 characters + spaces
                if iban.is_valid(text[m.start() : end]):
                    yield Hit(m.start(), end, (text[m.start() : end],))
                    break


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Iban(spec)
