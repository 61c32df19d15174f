"""What the words around a number say it is, when it is not a statistic (policy reference
H6): a year, a date, a time, an age, an identifier, a list number, a score or tally, a phone
number's digits, a price or level in markets copy, a vote threshold, the reporter's count of a
crowd. copydesk.analysis.figures finds the numbers and asks these.
"""

from __future__ import annotations

import re

# nouns that make a number a count of something (a statistic, once ten or more)
COUNTABLE = frozenset(
    """
    people persons troops soldiers deaths casualties jobs users cases votes homes houses residents
    children students workers employees patients members voters migrants refugees civilians
    fighters prisoners families households customers visitors tourists cars vehicles tonnes tons
    barrels acres hectares miles kilometres kilometers infections hospitalisations arrests
    shootings attacks incidents protesters demonstrators officers police staff teachers doctors
    nurses beds schools companies firms businesses shops stores flights passengers seats
    subscribers followers downloads units copies jobs positions applicants inmates victims
    survivors deaths births marriages immigrants adults teenagers women men girls boys babies
    guns weapons missiles drones tanks aircraft planes ships sailors marines conscripts recruits
    """.split()
)
# A crowd the reporter saw: "More than 200 people packed the gym", "told 1,000 supporters".
# (A casualty word nearby wins: "200 people died" stays a statistic.)
CROWD = frozenset(
    "people supporters residents protesters demonstrators fans spectators parents students "
    "attendees onlookers mourners worshippers marchers neighbours neighbors voters".split()
)
CROWD_VERBS = frozenset(
    "packed filled crowded jammed crammed attended gathered turned showed lined rallied marched "
    "cheered queued braved waited chanted applauded listened".split()
)
_CROWD_BEFORE = frozenset("told addressed drew attracted before greeted".split())
_NEEDED = frozenset("needed required necessary".split())
_THRESHOLD_VERBS = frozenset(
    "require requires required need needs needed find muster reach secure".split()
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_BEFORE = re.compile(rf"{_MONTH}\s*$")
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*{_MONTH}\b")
_ID_BEFORE = re.compile(
    r"(?:\b(?:article|section|chapter|pages?|pp?|no|number|flight|room|route|highway|platform|"
    r"version|v|level|grade|class|season|episode|phase|stage|resolution|isbn|paragraph|clause|"
    r"rule|figure|table|item|step|part|volume|vol|apollo|windows|iphone|ps|xbox)\.?|#)\s*$",
    re.IGNORECASE,
)
_CODE_BEFORE = re.compile(r"\b[A-Z]{1,4}[- ]?$")  # BA 2490, M 25, F-16
_AGE = re.compile(
    r"^(?:-year-old|-years?-old| years? old|-month-old)|^\s*,\s*(?:who|was|is|and|said|from)\b"
)
_AGED = re.compile(r"\b(?:aged|age|ages)\s*$", re.IGNORECASE)
_SCORE_VERBS = re.compile(
    r"\b(?:won|lost|beat|beaten|drew|draw|ended|finished|score[ds]?|defeated|led|trailed|victory|win|defeat|voted|vote|ruled|split)\b[^.]{0,30}$",
    re.I,
)
# a tally of up to three digits after a vote ("The vote was 221-207", "passed the Senate 29-4")
_VOTE_BEFORE = re.compile(r"\b(?:votes?|voted|voting|passed|failed|approved|rejected|adopted|"
                          r"carried|confirmed)\b[^.]{0,30}$", re.I)
_ONE_TO_THREE_DIGITS = re.compile(r"\d{1,3}")
_BETWEEN = re.compile(r"(?i:between)\s+")
_PHONE_TAIL = re.compile(r"\d{3}-\d{4}")  # 555-0119: a local telephone number, not a range
_PHONE_CONTEXT = re.compile(r"(?i:phone|\btel\b|\bcall|\bfax|mobile|office|\bcell|contact)|@")
_VOTES_AFTER = re.compile(r"\s+votes?\s+(?:to|against)\s+\d")  # "by 131 votes to 38"
_TIME_AFTER = re.compile(
    r"^\s*(?:a\.?m\.?|p\.?m\.?|GMT|UTC|BST|EST|ET|PT|o'clock)\b|^:\d\d", re.IGNORECASE
)
_WORD = re.compile(r"\w[\w’'-]*")
_MARKET_AFTER = re.compile(
    r"\s+(?:(?:a|an|per)\s+(?:bushel|ton|tonne|ounce|oz|barrel|pound|lb|gallon|litre|liter|"
    r"kilo|kg|troy)\b|level\b)", re.IGNORECASE)
_MARKET_BEFORE = re.compile(
    r"\b(?:yields?|yielding|yielded|coupon|closed|ended|settled|finished|opened|traded|"
    r"trading|quoted|bid|offered|fixed)\b(?:[^.;]|\.\d){0,30}$"
    rf"|\b{_MONTH}\s+(?:contracts?\s+)?(?:at|was|were)\s+$", re.IGNORECASE)
_UNIT_WORD = re.compile(
    r"(?i:%|per|percent|pct|million|mln|billion|bln|thousand|bn|m|k|dollars|dlrs|euros|"
    r"pounds|points|pts|degrees|cents|tonnes|tons|acres|miles|metres|meters|kilometres|"
    r"kilometers|km|kg|feet|inches)"
)
_FOUR_DIGITS = re.compile(r"\d{4}")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_TWO_TO_FOUR_DIGITS = re.compile(r"\d{2,4}")
_ONE_OR_TWO_DIGITS = re.compile(r"\d{1,2}")
_LINE_START_BEFORE = re.compile(r"(?:^|\n)\s*$")
_LIST_MARK_AFTER = re.compile(r"^[.)]\s")
_RANGE_JOIN = re.compile(r"\s?(?:-|–|—|to|and)\s?")
_CHAIN_AFTER = re.compile(r"[-–.]?\d")
_CHAIN_BEFORE = re.compile(r"(?:\d[-–.]|\(\d{2,4}\)\s?)$")  # 555-0100-2000, (253) 555-0187


def count_reason(text: str, start: int, end: int, number: str, lo: int = 0) -> str:
    """Why a bare count is not a statistic, or '' when it may be (``lo``: where its sentence
    starts: "in May." ending the sentence before does not make "About 11,000" a date)."""
    before = text[max(lo, start - 30) : start]
    after = text[end : end + 30]
    plain = number.replace(",", "")
    if _FOUR_DIGITS.fullmatch(number) and 1000 <= int(plain) <= 2100:
        return "year"
    if after.startswith("s") and _TWO_TO_FOUR_DIGITS.fullmatch(plain):
        return "decade"
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return "date"
    if _TIME_AFTER.match(after):
        return "time"
    if _ORDINAL_AFTER.match(after):
        return "ordinal"
    if _AGE.match(after) or _AGED.search(before):
        return "age"
    if _ID_BEFORE.search(before) or _CODE_BEFORE.search(before):
        return "identifier"
    if _VOTES_AFTER.match(after):
        return "vote tally"
    if _LINE_START_BEFORE.search(before) and _LIST_MARK_AFTER.match(after):
        return "list number"
    return ""


def range_reason(text: str, core: str, s: int, e: int, lo: int) -> str:
    """Why the range ``core`` at text[s:e] is not a statistic, or '' when it is one (``lo``:
    where its sentence starts)."""
    parts = _RANGE_JOIN.split(_BETWEEN.sub("", core))
    years = all(
        _TWO_TO_FOUR_DIGITS.fullmatch(p) and (len(p) == 2 or 1000 <= int(p) <= 2100)
        for p in parts
    )
    small = all(_ONE_OR_TWO_DIGITS.fullmatch(p) for p in parts)
    lead = text[max(lo, s - 40) : s]
    if text[e : e + 1] == "/" and text[e + 1 : e + 2].isdigit():
        return "price"  # markets copy: 5-1/2 cents, 2.91-3/4 dlrs a bushel
    if years and not small:
        return "year range"
    if small and "-" in core and _SCORE_VERBS.search(lead):
        return "score"
    if "-" in core and _VOTE_BEFORE.search(lead) and all(
        _ONE_TO_THREE_DIGITS.fullmatch(p) for p in parts
    ):
        return "vote tally"  # "The vote was 221-207", "Her amendment failed, 3-8"
    if _CHAIN_AFTER.match(text[e : e + 2]) or _CHAIN_BEFORE.search(text[max(0, s - 7) : s]) or (
        _PHONE_TAIL.fullmatch(core)
        and _PHONE_CONTEXT.search(text, max(0, s - 40), min(len(text), e + 12))
    ):
        return "phone"  # a link of a digit chain (555-0100-2000), or 555-0119
    if _ID_BEFORE.search(text[max(0, s - 30) : s]):
        return "identifier"  # "No. 18-0214", "pages 112-114"
    if is_tally(core, text[e : e + 24]):
        return "tally"  # "control of the Senate at 57-42", "a 266-166 majority"
    return ""


def market_quote(text: str, s: int, e: int, lo: int) -> bool:
    """A price, yield or level as markets copy quotes it: a price per unit of a commodity, a
    level ("the 145 yen level"), or a figure a market closed, traded or yielded at."""
    return bool(_MARKET_AFTER.match(text, e) or _MARKET_BEFORE.search(text, max(lo, s - 40), s))


def is_tally(core: str, after: str) -> bool:
    """Two whole numbers joined by a hyphen with nothing counted after them are a score, a
    seat tally or a split ("57-42", "a 50-50 tie", "a 5-4 ruling"); a range of things keeps
    its noun or unit ("10-15 people", "3-4%", "$2-3 million")."""
    if "-" not in core or not all(p.isdigit() for p in core.split("-")):
        return False
    m = _WORD.match(after.lstrip())
    return not (m and (m.group().lower() in COUNTABLE or _UNIT_WORD.fullmatch(m.group())))


def counted_reason(after: list[str], before: list[str]) -> str:
    """Why a count of people or votes is not a statistic, from the lower-cased words after it
    and the two before it, or ''."""
    if after[0] in ("vote", "votes") and (
        not _NEEDED.isdisjoint(after[1:2]) or not _THRESHOLD_VERBS.isdisjoint(before)
    ):
        return "vote threshold"  # "the 60 votes needed", "requires 60 votes"
    if after[0] in CROWD and (
        not CROWD_VERBS.isdisjoint(after[1:4]) or not _CROWD_BEFORE.isdisjoint(before)
        or "signed up" in " ".join(after[1:4])  # to speak at the hearing; not "signed a
    ):                                          # petition", a count that needs its source
        return "crowd"  # the reporter's own count of an event's crowd
    return ""
