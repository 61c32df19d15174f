"""Figures in prose and whether each is a statistic that needs a source (policy reference H6).

A mention is a statistic when it is a percentage, a money amount, a range, a rate or a
multiplier; a count of 10 or more with a countable noun close behind; or any count near a
casualty word. Years, dates, times, ordinals, ages, durations, identifiers (G7, F-16,
Article 5), scores, tallies, list numbers, phone-number shapes, market prices, vote thresholds
and the reporter's count of a crowd are never statistics (lint/analysis/not_statistics.py
reads the words around a number for those).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..match.finder import Finder
from ..match.patterns import GROUP, START
from .figure_anchors import anchors_for, figure_anchors
from .not_statistics import (
    COUNTABLE,
    count_reason,
    counted_reason,
    market_quote,
    range_reason,
)

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

CASUALTY = frozenset(
    "killed dead died wounded injured missing casualties deaths perished slain".split()
)
TIME_UNITS = frozenset(
    "seconds minutes hours days weeks months years decades centuries second minute hour day week "
    "month year decade century".split()
)
_WORD = re.compile(r"\w[\w’'-]*")
# compiled here, not at each call: a module-level re.search looks its pattern up in re's
# cache every time, and these run once or more per figure
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_PRONOUN_AFTER = re.compile(r"\s*(?:of|or|and)\s+(?:the|them|us|those|these)\b")
_DIGIT = re.compile(r"\d")
_LARGE_WORD = re.compile(r"hundred|thousand|million|billion|dozen", re.IGNORECASE)
_NON_DIGITS = re.compile(r"\D")


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


_FIGURES = Finder(FIGURE)  # tried at the anchors the caller finds


def _figure_matches(text: str, start: int, end: int, anchors: list[int]) -> list[re.Match[str]]:
    """FIGURE.finditer(text, start, end), trying only the anchor positions."""
    return _FIGURES.matches_at(text, anchors, start, end)


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
            reason = range_reason(text, core, s, e, start)
            statistic = not reason
        elif kind in ("currency", "percent") and market_quote(text, s, e, start):
            reason = "market level"  # "lifting its yield to 9.52 pct", "1.10 dlrs a ton"
        elif kind in ("currency", "percent", "fraction", "multiplier"):
            statistic = True
        else:
            reason = count_reason(text, s, e, core, start) if kind == "count" else ""
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
        reason = counted_reason(after, before)
        return not reason, reason
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
