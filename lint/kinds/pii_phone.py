"""``pii-phone``: telephone numbers (policy reference H8), found by ``phonenumbers``.

Google's libphonenumber metadata knows each country's real number plan, so a number is taken
only when it is *valid* for one of the rule's ``regions`` (international numbers written with
"+" are valid anywhere). Ofcom's drama ranges (07700 900xxx, 01632 960xxx) are not in that
metadata but still fire, as do NANP 555-01xx and 020 7946 0xxx, which are: the linter cannot
know a number is fictional, and test fixtures rely on them.

On top of the library: 9-15 digits in all; no comma-grouped figures ("11,000-12,000"), dates
or year ranges; nothing that is part of a longer run of digits (a card, an account); and
nothing right after a word that names another kind of number (ISBN, No., Resolution, Flight …).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule, word_list
from .base.pii import pick
from .base.rule import Hit, KindError, Rule

NAME = "pii-phone"
KEYS = {
    "regions": schema.is_str_list,
    "not_after": schema.is_str_list, "extra_not_after": schema.is_str_list,
}
REGIONS = ["GB", "US"]
NOT_AFTER = [
    "ISBN", "ISSN", "No.", "Nos.", "Resolution", "Flight", "Order", "Invoice", "Ref.", "Ref",
    "Reference", "Case", "Patent", "Serial", "Account", "Tracking", "Sort code", "IBAN", "SSN",
]
# (country code, national-number prefix) of fictional ranges missing from the metadata
FICTIONAL = [(44, "7700900"), (44, "1632960")]
# nine digits close together, on one line or across the line break of a hard wrap
_MAYBE = re.compile(r"\d(?:[^\d]{0,3}\d){8}")
_COMMA_GROUPED = re.compile(r"\d,\d{3}(?!\d)")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b(?:1[89]|20)\d\d\s*[-–/]\s*(?:1[89]|20)?\d\d\b")
_RUN_BEFORE = re.compile(r"(?:\w|\d[ -])\Z")  # \Z: "$" would also match before a line break
_RUN_AFTER = re.compile(r"[ -]?\d|\w")
# a number starts on a digit after no digit: tried at each run of digits only
_CANDIDATES = finder.digit_led(_MAYBE)


def validate(spec: RuleSpec) -> None:
    if "regions" not in spec.options:
        return  # the defaults are known good: do not load the metadata just to load a pack
    import phonenumbers

    for i, region in enumerate(spec.options["regions"]):
        if region.upper() not in phonenumbers.SUPPORTED_REGIONS:
            raise KindError(f"unknown region {region!r} (use a code such as GB or US)",
                            ["regions", i])


class Phone(EditorialRule):
    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.regions = [r.upper() for r in spec.options.get("regions", REGIONS)]
        words = sorted(word_list(spec, "not_after", NOT_AFTER), key=len, reverse=True)
        self.not_after = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")[\s:#.]*$", re.IGNORECASE
        )

    def _candidates(self, text: str) -> list[tuple[int, int, str]]:
        import phonenumbers
        from phonenumbers import Leniency, PhoneNumberMatcher

        found: list[tuple[int, int, str]] = []
        # a fictional number's national digits stand together in the digits of the text (the
        # pass that looks for them is half the matcher's work on a long run of numbers)
        digits = _digits(text)
        fictional = any(prefix in digits for _, prefix in FICTIONAL)
        for region in self.regions:
            for m in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
                found.append((m.start, m.end, m.raw_string))
            if not fictional:
                continue
            for m in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
                national = str(m.number.national_number)
                if any(m.number.country_code == cc and national.startswith(prefix)
                       for cc, prefix in FICTIONAL) and phonenumbers.is_possible_number(m.number):
                    found.append((m.start, m.end, m.raw_string))
        found.sort(key=lambda w: (-(w[1] - w[0]), w[0]))
        return pick(found)

    def _plausible(self, text: str, start: int, end: int) -> bool:
        raw = text[start:end]
        if not 9 <= sum(c.isdigit() for c in raw) <= 15:
            return False
        around = text[max(0, start - 6) : end + 6]
        if _COMMA_GROUPED.search(around) or _DATE.search(raw):
            return False
        if _RUN_BEFORE.search(text, max(0, start - 2), start) or _RUN_AFTER.match(text, end):
            return False
        return not self.not_after.search(text, max(0, start - 25), start)

    def _may_hold_number(self, text: str, start: int, end: int) -> bool:
        """Can ``text[start:end]`` hold a number :meth:`_plausible` keeps: from a place where
        one may start to a place where one may end, 9 to 15 digits, no
        comma-grouped figure around it and no word before it that names another number?
        (Dates are left to _plausible.) The matcher, which reads 100 KB of "1 1 1 …" or of
        figures ("12,345.67") for seconds only to find nothing the rule may keep, runs only
        where a stretch passes."""
        # (the look-arounds read the whole text: the places are those _plausible tests)
        starts = [m.start() for m in _MAY_START.finditer(text, start, end)]
        if not starts:
            return False
        ends = [m.start() for m in _MAY_END.finditer(text, start, end + 1)]
        if not ends:
            return False
        count = [0] * (end - start + 2)  # digits before each offset of the window
        for i, c in enumerate(text[start:end]):
            count[i + 1] = count[i] + c.isdigit()
        grouped = _Grouped(text, max(0, start - 6), end + 6)
        k = 0
        for s in starts:
            low = count[s - start] + 9
            while k < len(ends) and count[ends[k] - start] < low:
                k += 1
            j, named = k, None
            while j < len(ends) and count[ends[j] - start] <= low + 6:
                e = ends[j]
                j += 1
                if grouped.around(max(0, s - 6), min(e + 6, len(text))):
                    continue
                if named is None:
                    named = self.not_after.search(text, max(0, s - 25), s) is not None
                if not named:
                    return True
        return False

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        # The matcher is slow on long text: hand it only the lines that hold nine digits
        # close together (a number spans a line break only where a hard wrap broke it).
        # Each match starts at a run of digits (if nine digits follow a digit inside a run,
        # they follow the run's first digit too)
        for base, line_end in phone_windows(_CANDIDATES.finditer(ctx), text):
            if not self._may_hold_number(text, base, line_end):
                continue  # (a long run of digits: no number in it can stand on its own)
            # the lines the digits lie on, a hard wrap's line break read as the space it is
            chunk = text[base:line_end].replace("\n", " ")
            for start, end, _ in self._candidates(chunk):
                start, end = start + base, end + base
                if self._plausible(text, start, end) and not ctx.editorial.press_release:
                    # (a release's phone numbers are its published media and investor
                    # contacts: asked only once a number is found)
                    yield Hit(start, end, (text[start:end],))


def phone_windows(matches: Iterable[re.Match[str]], text: str) -> list[tuple[int, int]]:
    """The stretches of whole lines the matcher reads: the lines of each cluster of nine
    digits, and of the next cluster when it touches the last one (its digits follow within
    three other characters, a line break of a hard wrap among them)."""
    windows: list[list[int]] = []
    last = -1  # where the current window's last match ends
    cluster_end = line_end = -1  # the last cluster read, and the end of its line
    for maybe in matches:
        # through the rest of the cluster of digits (a match takes nine; more may follow,
        # across a line break too), then to the end of that line. A match inside the cluster
        # last read ends where it does (the scan takes every digit in turn, so from any digit
        # of it on it goes the same way): read again for each, a long cluster was quadratic
        if maybe.end() > cluster_end:
            cluster = _CLUSTER.match(text, maybe.end())  # (the pattern matches "")
            cluster_end = cluster.end() if cluster else maybe.end()
            line_end = text.find("\n", cluster_end)
            line_end = len(text) if line_end < 0 else line_end
        end = line_end
        touching = windows and (
            maybe.start() < windows[-1][1] or _TOUCHING.fullmatch(text, last, maybe.start())
        )
        if touching:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([text.rfind("\n", 0, maybe.start()) + 1, end])
        last = maybe.end()
    return [(a, b) for a, b in windows]


_TOUCHING = re.compile(r"\d*[^\d]{0,3}")
_CLUSTER = re.compile(r"(?:[^\d]{0,3}\d)*")


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Phone(spec)


def _digits(text: str) -> str:
    """The decimal digits of ``text``, in order, as ASCII (the matcher reads any script's)."""
    return "".join(str(int(c)) for c in _DIGIT.findall(text))


_DIGIT = re.compile(r"\d")
# where a number the rule keeps may start: no word character right before it and no digit
# with a space or hyphen (_RUN_BEFORE), and where it may end (_RUN_AFTER)
# (a number the matcher returns opens a few characters before its first digit at most: a
# bracket, a plus sign, an extension's label)
_MAY_START = re.compile(r"(?<!\w)(?<!\d[ -])(?=\D{0,64}\d)")
# (the matcher trims a number's end to a digit, a letter of an extension's label or a "#")
_MAY_END = re.compile(r"(?<=[\w#])(?![ -]?\d|\w)")
_GROUP_AT = re.compile(r"(?=\d,\d{3})")  # (every place: "1,234,567" holds two)


class _Grouped:
    """Where ``_COMMA_GROUPED`` matches in a stretch, so that whether it matches in a slice of
    it (``_COMMA_GROUPED.search(text[a:b])``) is a bisection: a match there is one wholly
    inside whose look-ahead holds in the text, or one ending at the slice's end."""

    def __init__(self, text: str, start: int, end: int) -> None:
        places = [m.start() for m in _GROUP_AT.finditer(text, start, end)]
        self.places = set(places)
        self.closed = [p for p in places if not _DIGIT.match(text, p + 5)]

    def around(self, a: int, b: int) -> bool:
        i = bisect_left(self.closed, a)
        return (i < len(self.closed) and self.closed[i] + 5 <= b) or (
            b - 5 >= a and b - 5 in self.places)
