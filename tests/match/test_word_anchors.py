"""Term lists tried only where a term's first word starts find what a scan of the text finds."""

from __future__ import annotations

import re
import re._casefix as casefix  # CPython's table of case classes beyond lower()

import pytest
from copydesk.analysis.context import Context
from copydesk.core.model import Severity
from copydesk.core.rule_spec import RuleSpec
from copydesk.kinds.base.term_syntax import compile_terms, opening_runs
from copydesk.kinds.term_list import TermList
from copydesk.match import anchors
from copydesk.match.anchors import split_by_opener
from copydesk.match.patterns import CASE_TRAPS, finditer_at, fold
from copydesk.match.shared import SharedMatchers
from copydesk.text.document import build_document
from hypothesis import given, settings
from hypothesis import strategies as st

TERMS = [
    "so-called",
    "(very/truly) grim/stark reminder",
    "wring+ hands",
    "it's clear",
    "of course",
    "once",
    "Q&A session",
    "sadly",
    # lists opening on common words get a pattern per word (copydesk.match.anchors.split_by_opener)
    "(the) last/past decade",
    "the so-called",
    "in recent years",
    "to date",
    "at the time",
    "a lot",
]
WORDS = [
    "ſo",
    "grım",
    "μ",
    "so",
    "called",
    "so-called",
    "very",
    "truly",
    "grim",
    "stark",
    "reminder",
    "wrings",
    "wrung",
    "hands",
    "it's",
    "it’s",
    "clear",
    "of",
    "course",
    "once",
    "Q&A",
    "session",
    "Sadly",
    "SADLY",
    "ſadly",
    "anti",
    "-",
    "‐",
    ",",
    ".",
    "\n",
    "  ",
    "onces",
    "remind",
    "the",
    "The",
    "last",
    "past",
    "decade",
    "in",
    "recent",
    "years",
    "to",
    "date",
    "at",
    "time",
    "a",
    "A",
    "lot",
]



pytestmark = pytest.mark.usefixtures("own_patterns_at_once")


def _rule(terms: list[str], inflect: bool = False) -> tuple[TermList, SharedMatchers]:
    shared = SharedMatchers()
    spec = RuleSpec(
        id="t.terms",
        pack="t",
        category="t",
        extends="term-list",
        message="%s",
        severity=Severity.WARNING,
        options={"terms": terms, "inflect": inflect},
    )
    return TermList(spec, shared), shared


def test_case_traps_cover_every_extra_case_class() -> None:
    """Each class of re's extra cases keeps its lowest member; the rest, and whatever folds to
    one of them, must be traps (recomputed here so a new Python cannot drift silently)."""
    traps: set[str] = set()
    members: set[str] = set()
    for low, extra in casefix._EXTRA_CASES.items():
        cls = {chr(low), *map(chr, extra)}
        traps |= cls - {min(cls)}
        members |= cls
    variants = {f(c) for c in members for f in (str, str.upper, str.lower, str.title)}
    expected = {c for c in variants if len(c) == 1 and (c in traps or fold(c) in traps)}
    found = {c for c in map(chr, range(0x10000)) if CASE_TRAPS.fullmatch(c)}
    assert found == expected


def first_words(terms: list[str], inflect_last: bool = False) -> set[str] | None:
    """Every word a match of one of ``terms`` can open on (what TermList registers)."""
    runs = opening_runs(terms, inflect_last)
    return None if runs is None else set().union(*runs)


def test_first_words_of_the_phrase_syntax() -> None:
    assert first_words(["(very/truly) grim/stark reminder"]) == {"very", "truly", "grim", "stark"}
    assert first_words(["so-called", "it's clear"]) == {"so", "it"}
    assert {"wring", "wrings", "wringing"} <= (first_words(["wring+ hands"]) or set())
    assert first_words(["hands wring"], inflect_last=True) == {"hands"}  # only the last inflects
    assert "wrung" in (first_words(["wring+/wrung hands"]) or ())
    assert first_words(["ſome word"]) is None  # a trap letter: no word lookup for this list


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.booleans())
def test_anchored_matching_equals_a_full_scan(words: list[str], inflect: bool) -> None:
    text = " ".join(words)
    rule, shared = _rule(TERMS, inflect)
    ctx = Context(build_document("t.txt", text, "text"), shared)
    full = [m.span() for m in compile_terms(TERMS, inflect).finditer(ctx.text)]
    assert [m.span() for m in rule._matches(ctx)] == full


def test_opening_runs_and_the_patterns_of_common_openers() -> None:
    terms = ["(the) last/past decade", "in recent years", "so-called", "sadly"]
    runs = opening_runs(terms)
    assert runs == [{"the", "last", "past"}, {"in"}, {"so"}, {"sadly"}]
    by_word = split_by_opener(terms, runs, compile_terms)
    assert sorted(by_word) == ["in", "so", "the"]  # "last" and "sadly" are not common words
    assert by_word["the"]().pattern == compile_terms(["(the) last/past decade"]).pattern
    assert opening_runs(["ſome word"]) is None


def test_a_common_opener_is_tried_by_its_own_pattern() -> None:
    rule, shared = _rule(["(the) last decade", "the end", "decade"])
    assert sorted(rule.finder.places.by_word) == ["the"]
    text = "The last decade, the end, a decade; ſo the last  decade and The-end."
    ctx = Context(build_document("t.txt", text, "text"), shared)
    assert not ctx.scan.folds_exactly  # the ſ: words with a trap go to the whole pattern
    found = [m.group() for m in rule._matches(ctx)]
    assert rule.finder.places._own  # "the" was tried by its own pattern
    assert found == ["The last decade", "the end", "decade", "the last  decade", "The-end"]
    assert [m.span() for m in rule._matches(ctx)] == [
        m.span() for m in rule.pattern.finditer(ctx.text)
    ]


def test_a_word_with_a_trap_letter_is_tried_by_every_list() -> None:
    rule, shared = _rule(["sadly", "grim reminder"])
    text = "Quite ſadly, a grım reminder, and sadly μ."
    ctx = Context(build_document("t.txt", text, "text"), shared)
    assert ctx.scan.case_trap_words == [6, 15, 40]
    # IGNORECASE: ſ is an s and ı an i, so the scan finds all three
    assert [m.group() for m in rule._matches(ctx)] == ["ſadly", "grım reminder", "sadly"]
    assert [m.span() for m in rule._matches(ctx)] == [
        m.span() for m in compile_terms(["sadly", "grim reminder"]).finditer(text)
    ]


def test_finditer_at_skips_starts_inside_a_match() -> None:
    pattern = re.compile(r"ab ab|ab")
    text = "ab ab ab"
    assert [m.span() for m in finditer_at(pattern, text, [0, 3, 6])] == [(0, 5), (6, 8)]


def test_a_word_gets_its_own_pattern_once_met_often_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anchors, "OWN_PATTERN_FROM", 5)
    rule, shared = _rule(["(the) last decade", "the end", "of course"])
    small = Context(build_document("t.txt", "the end of the last decade", "text"), shared)
    assert [m.group() for m in rule._matches(small)] == ["the end", "the last decade"]
    assert not rule.finder.places._own  # two places of "the" met: the whole pattern tried there
    text = "the end, " * 3 + "the last decade"
    ctx = Context(build_document("t.txt", text, "text"), shared)
    assert [m.span() for m in rule._matches(ctx)] == [m.span() for m in rule.pattern.finditer(text)]
    assert set(rule.finder.places._own) == {"the"}
