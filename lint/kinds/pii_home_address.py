"""``pii-home-address``: a person's home address (policy reference 3.7 home-address).

An address is a house number, one to three capitalised words and a street suffix ("14 Elm
Street", "221B Maple Avenue"), with the town and postcode when they follow ("14 Elm Road,
Leeds LS6 2AB"). Many addresses in the news are not anyone's home ("10 Downing Street said",
"the fire at 3 Mill Lane"), so one is reported only when both hold:

- a residence cue leads into it: "lives at", "moved to", "home at", "flat in", "address is",
  or the court-report ", of" after a name ("Jane Roe, 34, of 14 Elm Street");
- the sentence is about a person: a PERSON (H7), a personal pronoun (he, her, their …), the
  relative "who"/"whose" ("Roe, who lives at …") or a possessive name ("Roe's house at …").

Official addresses that are nobody's private home (10 Downing Street, 1600 Pennsylvania
Avenue …) are exempt; ``exempt`` replaces the list and ``extra_exempt`` adds to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..analysis.people import people
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule, word_list
from .base.pii import sentence_at
from .base.rule import Hit, Rule

NAME = "pii-home-address"
KEYS = {"exempt": schema.is_str_list, "extra_exempt": schema.is_str_list}
EXEMPT = [
    "10 Downing Street", "11 Downing Street", "1600 Pennsylvania Avenue", "221B Baker Street",
    "1 Horse Guards Road", "70 Whitehall",
]
SUFFIXES = (
    "Street St Road Rd Avenue Ave Lane Ln Drive Close Way Crescent Place Terrace Gardens Grove "
    "Court Boulevard Blvd Square Mews Row Walk Rise Parade Gate Green Hill Vale View Wharf"
).split()
_ADDRESS = re.compile(
    r"\d(?<![\w.,-]\d)\d{0,3}[A-Za-z]?"  # a digit first: the scan skips to digits at C speed
    r"(?:-\d{1,4}[A-Za-z]?)?\s+"
    r"(?:[A-Z][\w’'-]*\.?\s+){1,3}(?:" + "|".join(SUFFIXES) + r")\b"
    # the town and a UK postcode, or the postcode alone, when they follow
    r"(?:(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?,?\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b)?"
)
_CUE = re.compile(
    r"(?:\b(?:lives?|lived|living|resides?|resided|residing|stays?|stayed|staying|"
    r"moved|moves|moving|move)\s+(?:in\s+)?(?:at|in|on|to|into)"
    r"|\b(?:home|house|flat|apartment|residence|bungalow|cottage|bedsit|maisonette|"
    r"address|doorstep|front\s+door)\s+(?:at|in|on|is|was|:)"
    r"|\baddress(?:\s+is|:)?"
    r"|[A-Za-z)],(?:\s+\d{1,3},)?\s+of)\s+(?:number\s+)?$",
    re.IGNORECASE,
)
_PRONOUN = re.compile(
    r"\b(?:he|she|him|his|her|hers|they|them|their|I|me|my|we|our|you|your|who|whose)\b",
    re.IGNORECASE,
)
_POSSESSIVE_NAME = re.compile(r"\b[A-Z][a-z]+[’']s\b")
# a house number starts on a digit after no digit: tried at each run of digits only
_ADDRESSES = finder.digit_led(_ADDRESS)


def _key(address: str) -> str:
    return " ".join(address.lower().replace(".", "").split())


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class HomeAddress(EditorialRule):
    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.exempt = tuple(_key(a) for a in word_list(spec, "exempt", EXEMPT))

    def _about_person(self, text: str, start: int, end: int) -> bool:
        return bool(
            people(text, start, end)
            or _PRONOUN.search(text, start, end)
            or _POSSESSIVE_NAME.search(text, start, end)
        )

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        for m in _ADDRESSES.finditer(ctx):
            if _key(m.group()).startswith(self.exempt):
                continue
            s, e = sentence_at(ctx, m.start(), m.end())
            if not _CUE.search(text, max(s, m.start() - 40), m.start()):
                continue
            # the address itself ("14 Elm Street") must not count as the person
            if self._about_person(text, s, m.start()) or self._about_person(text, m.end(), e):
                yield Hit(m.start(), m.end(), (m.group(),))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return HomeAddress(spec)
