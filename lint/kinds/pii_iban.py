"""``pii-iban``: international bank account numbers (policy reference H8).

Two capital letters and two check digits, then groups of capitals and digits split by single
spaces ("GB82 WEST 1234 5698 7654 32"), accepted only when ``stdnum.iban`` finds the country's
length and format and the mod-97 checksum equal to 1. A number one digit off stays quiet.

A UK sort code ("12-34-56") has no checksum and looks like a score or a date, so it is taken
only right after the words "sort code", together with the 6-10 digit account number when one
follows in the same clause ("sort code 12-34-56, account 31926819").
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
# (It opens on the capital, then looks behind it: the scan skips to capitals at C speed.)
_CANDIDATE = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]\d{2}[A-Z0-9]*(?: [A-Z0-9]+)*")
_GROUP_END = re.compile(r"(?<=[A-Z0-9])(?= |$)")
# "sort" as IGNORECASE matches it (ſ is a long s): no sort code without one.
_SORT = re.compile("[sS\u017f][oO][rR][tT]")
_WORD_GOES_ON = re.compile(r"[\w-]")
_SORT_CODE = re.compile(
    r"(?i:\bsort[\s-]+code)(?:\s+(?:is|was|of))?[\s:]*"
    r"(\d{2}[- ]\d{2}[- ]\d{2}(?:(?i:,?\s+(?:and\s+)?(?:bank\s+)?account"
    r"(?:\s+(?:number|no\.?))?)(?:\s+(?:is|was))?[\s:]*\d{6,10})?)(?![\w-])"
)


def validate(spec: RuleSpec) -> None:
    """No parameters."""


class Iban(EditorialRule):
    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        for m in _CANDIDATE.finditer(text):
            from stdnum import iban  # only now: importing stdnum costs ~20 ms of startup

            # The longest run of whole groups that validates: words in capitals after the
            # number ("… 7654 32 TO JANE") must not spoil it.
            ends = [m.start() + e.start() for e in _GROUP_END.finditer(m.group())]
            for end in reversed(ends):
                if _WORD_GOES_ON.match(text, end) or end - m.start() > 42:
                    continue  # "…32x" is not a number's end; 42 = 34 characters + spaces
                if iban.is_valid(text[m.start() : end]):
                    yield Hit(m.start(), end, (text[m.start() : end],))
                    break
        for m in _SORT_CODE.finditer(text) if _SORT.search(text) else ():
            yield Hit(m.start(1), m.end(1), (m.group(1),))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Iban(spec)
