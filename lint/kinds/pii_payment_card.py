"""``pii-payment-card``: payment card numbers (policy reference H8).

A run of 13-19 digits, written whole or in groups split by single spaces or hyphens, that
passes the Luhn check (``stdnum.luhn``) and starts with a card network's issuer prefix at a
length that network issues. A digit string with no known prefix ("Order 1234 5678 9012 3456")
or a failing checksum stays quiet; a phone number written with "+" is never a card.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.context import Context
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule
from .base.pii import DIGIT_CHAIN, groups, pick, windows
from .base.rule import Hit, Rule

NAME = "pii-payment-card"
KEYS: dict[str, object] = {}
# (first, last) issuer prefix of a fixed width, and the lengths that network issues.
NETWORKS: list[tuple[str, int, int, frozenset[int]]] = [
    ("Visa", 4, 4, frozenset({13, 16, 19})),
    ("Mastercard", 51, 55, frozenset({16})),
    ("Mastercard", 2221, 2720, frozenset({16})),
    ("American Express", 34, 34, frozenset({15})),
    ("American Express", 37, 37, frozenset({15})),
    ("Discover", 6011, 6011, frozenset(range(16, 20))),
    ("Discover", 65, 65, frozenset(range(16, 20))),
]


# the first digits of the networks' prefixes: a number opening otherwise is no card (a long
# chain of digits has thousands of runs of 13 to 19 to try)
OPENING_DIGITS = "".join(sorted({str(low)[0] for _, low, _, _ in NETWORKS}))
# a chain starts on a digit after no digit: tried at each run of digits only
_CHAINS = finder.digit_led(DIGIT_CHAIN)


def network(digits: str) -> str | None:
    """The card network whose prefix and length fit ``digits``, if any."""
    for name, low, high, lengths in NETWORKS:
        width = len(str(low))
        if low <= int(digits[:width]) <= high and len(digits) in lengths:
            return name
    return None


def validate(spec: RuleSpec) -> None:
    """No parameters."""


class PaymentCard(EditorialRule):
    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        for chain in _CHAINS.finditer(ctx):
            # most chains are too short to hold 13 digits: no need to count them
            if chain.end() - chain.start() < 13 or sum(c.isdigit() for c in chain.group()) < 13:
                continue
            from stdnum import luhn  # only now: importing stdnum costs ~20 ms of startup
            found = [
                w for w in windows(groups(text, chain.start(), chain.end()), text, 13, 19,
                                   OPENING_DIGITS)
                if network(w[2]) and luhn.is_valid(w[2])
            ]
            for start, end, digits in pick(found):
                yield Hit(start, end, (text[start:end], network(digits)))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return PaymentCard(spec)
