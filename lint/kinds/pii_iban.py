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

from ..analysis.context import Context
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule
from .base.rule import Hit, Rule

NAME = "pii-iban"
KEYS: dict[str, object] = {}
# A country code and check digits, then groups split by single spaces (one way only to read
# a run, so a failed match cannot backtrack for long).
# (It opens on the capital, then looks behind it: the scan skips to capitals at C speed.)
_CANDIDATE = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]\d{2}[A-Z0-9]*(?: [A-Z0-9]+)*")
_GROUP_END = re.compile(r"(?<=[A-Z0-9])(?= |$)")
# "sort" as IGNORECASE matches it (ſ is a long s): a sort code starts with one. Folded, that
# is "sort" or "ſort" (ſ stays itself), found by str.find instead of a regex scan.
_SORT_WORDS = ("sort", "\u017fort")
_WORD_GOES_ON = re.compile(r"[\w-]")
_SORT_CODE = re.compile(
    r"(?i:\bsort[\s-]+code)(?:\s+(?:is|was|of))?[\s:]*"
    r"(\d{2}[- ]\d{2}[- ]\d{2}(?:(?i:,?\s+(?:and\s+)?(?:bank\s+)?account"
    r"(?:\s+(?:number|no\.?))?)(?:\s+(?:is|was))?[\s:]*\d{6,10})?)(?![\w-])"
)


def validate(spec: RuleSpec) -> None:
    """No parameters."""


def checksum_fails(number: str) -> bool:
    """Does an ASCII candidate fail the mod-97 check ``stdnum.iban`` makes first (the same
    sum)? Then it is no IBAN, and stdnum need not even be imported to say so."""
    if not number.isascii():
        return False  # a Unicode digit: leave it to stdnum
    compact = number.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97 != 1


def _valid(number: str) -> bool:
    if checksum_fails(number):
        return False
    from stdnum import iban  # only now: importing stdnum costs ~20 ms of startup

    return bool(iban.is_valid(number))


def sort_starts(folded: str) -> list[int]:
    """Where "sort" starts, as IGNORECASE matches it, in the folded text."""
    starts = []
    for word in _SORT_WORDS:
        at = folded.find(word)
        while at >= 0:
            starts.append(at)
            at = folded.find(word, at + 1)
    return sorted(starts)


# the check digits start a run of digits, two capitals after the candidate's start
_CANDIDATES = finder.digit_led(_CANDIDATE, back=2)
# a sort code match starts with "sort": tried there only, not at every character
_SORT_CODES = finder.placed(_SORT_CODE, sort_starts, folded_places=True)


class Iban(EditorialRule):
    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        for m in _CANDIDATES.finditer(ctx):
            # The longest run of whole groups that validates: words in capitals after the
            # number ("… 7654 32 TO JANE") must not spoil it.
            ends = [m.start() + e.start() for e in _GROUP_END.finditer(m.group())]
            for end in reversed(ends):
                if _WORD_GOES_ON.match(text, end) or end - m.start() > 42:
                    continue  # "…32x" is not a number's end; 42 = 34 characters + spaces
                if _valid(text[m.start() : end]):
                    yield Hit(m.start(), end, (text[m.start() : end],))
                    break
        for m in _SORT_CODES.finditer(ctx):
            yield Hit(m.start(1), m.end(1), (m.group(1),))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Iban(spec)
