"""Figures in prose and whether each is a statistic that needs a source (policy reference H6).

A mention is a statistic when it is a percentage, a money amount, a range, a rate or a
multiplier; a count of 10 or more with a countable noun close behind; or any count near a
casualty word. Years, dates, times, ordinals, ages, durations, identifiers (G7, F-16,
Article 5), scores, list numbers and phone-number shapes are never statistics.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from lint.analysis.figure_anchors import anchors_for, figure_anchors
from lint.matchers import GROUP, START, finditer_at

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = r"(?:\s?(?:thousand|million|billion|trillion|bn|mln|bln|m|k)\b)?"
_UNITS = (
    "ones?|twos?|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    "ninety"
)
_SPELLED = (
    rf"(?:(?:{_UNITS})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?[-\s]"
    r"(?:hundred|thousand|million|billion)(?:\s+(?:thousand|million|billion))?|"
    r"half\s+a\s+(?:million|billion)|a\s+(?:dozen|hundred|thousand|million|billion))"
)
_APPROX = (
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|at\s+least|at\s+most|up\s+to|"
    r"as\s+many\s+as|fewer\s+than|less\s+than|an\s+estimated|upwards\s+of|approximately|just\s+over|"
    r"just\s+under|close\s+to)\s+)?"
)
_CURRENCY = (
    rf"[$€£¥₩₽]\s?(?:{_NUM}){_MULT}|(?:{_NUM}){_MULT}\s?"
    r"(?:USD|EUR|GBP|dollars|dlrs|euros|pounds|stg|roubles|rubles|won|yuan|yen)\b"
)
_PERCENT = rf"(?:{_NUM})\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b|pp\b)"
_RANGE = (
    rf"(?:{_NUM}){_MULT}\s?(?:-|–|—|to)\s?(?:{_NUM}){_MULT}"
    rf"|between\s+(?:{_NUM}){_MULT}\s+and\s+(?:{_NUM}){_MULT}"
)
_SMALL = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
WORD_VALUES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
WORD_VALUES.update(
    {
        w: 10 * (i + 2)
        for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
    }
)
_FRACTION = r"(?:half|a third|a quarter|two-thirds|three-quarters|one in (?:\w+))(?= of\b)"
_MULTIPLIER = (
    r"\b(?:doubled|tripled|quadrupled|tenfold|twofold|threefold|twice as (?:many|much|likely))\b"
)

FIGURE = re.compile(
    rf"(?<![\w.,/:-]){_APPROX}(?:(?P<currency>{_CURRENCY})|(?P<percent>{_PERCENT})|(?P<range>{_RANGE})"
    rf"|(?P<count>(?:{_NUM}){_MULT})(?![\w]|[.,]\d)|(?P<spelled>\b{_SPELLED}\b)|(?P<word>\b{_SMALL}\b)|(?P<fraction>\b{_FRACTION})"
    rf"|(?P<multiplier>{_MULTIPLIER}))",
    re.IGNORECASE,
)

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
CASUALTY = frozenset(
    "killed dead died wounded injured missing casualties deaths perished slain".split()
)
TIME_UNITS = frozenset(
    "seconds minutes hours days weeks months years decades centuries second minute hour day week "
    "month year decade century".split()
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
# compiled here, not at each call: a module-level re.search looks its pattern up in re's
# cache every time, and these run once or more per figure
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_FOUR_DIGITS = re.compile(r"\d{4}")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_PRONOUN_AFTER = re.compile(r"\s*(?:of|or|and)\s+(?:the|them|us|those|these)\b")
_DIGIT = re.compile(r"\d")
_LARGE_WORD = re.compile(r"hundred|thousand|million|billion|dozen", re.IGNORECASE)
_NON_DIGITS = re.compile(r"\D")
_TWO_TO_FOUR_DIGITS = re.compile(r"\d{2,4}")
_ONE_OR_TWO_DIGITS = re.compile(r"\d{1,2}")
_LINE_START_BEFORE = re.compile(r"(?:^|\n)\s*$")
_LIST_MARK_AFTER = re.compile(r"^[.)]\s")
_RANGE_JOIN = re.compile(r"\s?(?:-|–|—|to|and)\s?")
_CHAIN_AFTER = re.compile(r"[-–.]?\d")
_CHAIN_BEFORE = re.compile(r"(?:\d[-–.]|\(\d{2,4}\)\s?)$")  # 555-0100-2000, (253) 555-0187


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    kind: str
    value: str  # normalised number(s), for document memory
    statistic: bool
    reason: str = ""  # why it is not a statistic


def _values(text: str) -> str:
    return " ".join(n.replace(",", "") for n in _NUMBER.findall(text))


def _number(text: str) -> float:
    m = _NUMBER.search(text)
    if not m:
        return 0.0
    value = float(m.group().replace(",", ""))
    low = text.lower()
    for word, factor in (("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("bn", 1e9)):
        if word in low:
            value *= factor
    return value


def _exempt_count(text: str, start: int, end: int, number: str, lo: int = 0) -> str:
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



def _figure_matches(text: str, start: int, end: int, anchors: list[int]) -> list[re.Match[str]]:
    """FIGURE.finditer(text, start, end), trying only the anchor positions."""
    return list(finditer_at(FIGURE, text, anchors, start, end))


def find_figures(
    text: str, start: int, end: int, anchors: list[int] | None = None
) -> list[Figure]:
    """Figures in text[start:end] (one sentence), each judged statistic or not. ``anchors``
    are :func:`figure_anchors` of the document (computed for the sentence when omitted)."""
    out: list[Figure] = []
    anchors = (
        figure_anchors(text, start, end)
        if anchors is None
        else anchors_for(text, start, end, anchors)
    )
    matches = _figure_matches(text, start, end, anchors)
    if not matches:
        return out
    words: list[str] | None = None
    positions: list[int] = []
    for m in matches:
        kind = m.lastgroup or ""  # FIGURE's one named group per alternative, nothing nested
        s, e = m.span()
        core = m.group(kind)
        reason = ""
        statistic = False
        if kind == "range":
            parts = _RANGE_JOIN.split(_BETWEEN.sub("", core))
            years = all(
                _TWO_TO_FOUR_DIGITS.fullmatch(p) and (len(p) == 2 or 1000 <= int(p) <= 2100)
                for p in parts
            )
            small = all(_ONE_OR_TWO_DIGITS.fullmatch(p) for p in parts)
            lead = text[max(start, s - 40) : s]
            if text[e : e + 1] == "/" and text[e + 1 : e + 2].isdigit():
                reason = "price"  # markets copy: 5-1/2 cents, 2.91-3/4 dlrs a bushel
            elif years and not small:
                reason = "year range"
            elif small and "-" in core and _SCORE_VERBS.search(lead):
                reason = "score"
            elif "-" in core and _VOTE_BEFORE.search(lead) and all(
                _ONE_TO_THREE_DIGITS.fullmatch(p) for p in parts
            ):
                reason = "vote tally"  # "The vote was 221-207", "Her amendment failed, 3-8"
            elif _CHAIN_AFTER.match(text[e : e + 2]) or _CHAIN_BEFORE.search(
                text[max(0, s - 7) : s]
            ) or (_PHONE_TAIL.fullmatch(core)
                  and _PHONE_CONTEXT.search(text, max(0, s - 40), min(len(text), e + 12))):
                reason = "phone"  # a link of a digit chain (555-0100-2000), or 555-0119
            elif _ID_BEFORE.search(text[max(0, s - 30) : s]):
                reason = "identifier"  # "No. 18-0214", "pages 112-114"
            elif _is_tally(core, text[e : e + 24]):
                reason = "tally"  # "control of the Senate at 57-42", "a 266-166 majority"
            else:
                statistic = True
        elif kind in ("currency", "percent") and _market_quote(text, s, e, start):
            reason = "market level"  # "lifting its yield to 9.52 pct", "1.10 dlrs a ton"
        elif kind in ("currency", "percent", "fraction", "multiplier"):
            statistic = True
        else:
            reason = _exempt_count(text, s, e, core, start) if kind == "count" else ""
            if kind == "word" and _PRONOUN_AFTER.match(text[e : e + 12]):
                reason = "pronoun use"  # "one of the", "two of them" are not counts
            if not reason:
                if words is None:  # only a bare count needs the words around it (mapped
                    # in C: a sentence has dozens)
                    found = list(_WORD.finditer(text, start, end))
                    positions = list(map(START, found))
                    words = list(map(str.lower, map(GROUP, found)))
                statistic, reason = _judge_count(words, positions, s, e, core)
        out.append(Figure(s, e, kind, _values(core), statistic, reason))
    return _drop_phones(text, out)


def _market_quote(text: str, s: int, e: int, lo: int) -> bool:
    """A price, yield or level as markets copy quotes it: a price per unit of a commodity, a
    level ("the 145 yen level"), or a figure a market closed, traded or yielded at."""
    return bool(_MARKET_AFTER.match(text, e) or _MARKET_BEFORE.search(text, max(lo, s - 40), s))


def _is_tally(core: str, after: str) -> bool:
    """Two whole numbers joined by a hyphen with nothing counted after them are a score, a
    seat tally or a split ("57-42", "a 50-50 tie", "a 5-4 ruling"); a range of things keeps
    its noun or unit ("10-15 people", "3-4%", "$2-3 million")."""
    if "-" not in core or not all(p.isdigit() for p in core.split("-")):
        return False
    m = _WORD.match(after.lstrip())
    return not (m and (m.group().lower() in COUNTABLE or _UNIT_WORD.fullmatch(m.group())))


def _judge_count(
    words: list[str], positions: list[int], s: int, e: int, core: str
) -> tuple[bool, str]:
    # words (lower-cased) are in text order, at ``positions``: the words after the figure
    # and those starting within 80 characters of it
    first_after = bisect_left(positions, e)
    after = words[first_after : first_after + 5]
    # a casualty word close by ("four people were killed", "killed three"), not one two
    # clauses away ("the two candidates traded accusations over deaths in the jail")
    window = words[bisect_left(positions, s - 30) : bisect_right(positions, e + 40)]
    if after and after[0] in TIME_UNITS:
        return False, "duration"
    if not CASUALTY.isdisjoint(window):
        return True, ""
    if _DIGIT.search(core):
        value = _number(core)
    elif _LARGE_WORD.search(core):
        value = 100.0
    else:
        head = core.lower().split("-")[0].split()[0]
        value = float(WORD_VALUES.get(head, 100))  # spelled hundreds and up
    if value < 10:
        return False, "small count"
    if not COUNTABLE.isdisjoint(after[:4]) or after[:2] == ["of", "them"]:
        before = words[max(0, bisect_left(positions, s) - 2) : bisect_left(positions, s)]
        if after[0] in ("vote", "votes") and (
            not _NEEDED.isdisjoint(after[1:2]) or not _THRESHOLD_VERBS.isdisjoint(before)
        ):
            return False, "vote threshold"  # "the 60 votes needed", "requires 60 votes"
        if after[0] in CROWD and (
            not CROWD_VERBS.isdisjoint(after[1:4]) or not _CROWD_BEFORE.isdisjoint(before)
            or "signed up" in " ".join(after[1:4])  # to speak at the hearing; not "signed a
        ):                                          # petition", a count that needs its source
            return False, "crowd"  # the reporter's own count of an event's crowd
        return True, ""
    return False, "no countable noun"


def _drop_phones(text: str, figures: list[Figure]) -> list[Figure]:
    """Runs of digit groups that form a phone number belong to the privacy rules."""
    out = []
    for f in figures:
        raw = text[f.start : f.end]
        if f.kind == "range" and "," not in raw and 9 <= len(_NON_DIGITS.sub("", raw)) <= 15:
            out.append(Figure(f.start, f.end, f.kind, f.value, False, "phone"))
        else:
            out.append(f)
    return out
