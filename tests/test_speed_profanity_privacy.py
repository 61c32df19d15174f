"""The fast paths of the profanity and privacy kinds find exactly what a plain scan finds."""

from __future__ import annotations

import string
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.context import Context
from lint.document import build_document
from lint.kinds import SharedMatchers
from lint.kinds.profanity import (
    _DISGUISED,
    Profanity,
    disguised,
    literal_heads,
    masked_match,
)
from lint.matchers import CASE_TRAPS, fold
from lint.model import Severity
from lint.packs.spec import RuleSpec

TERMS = ["fuck", "shit", "son of a bitch", "pissed off", "bullshit", "arse", "wanker"]
PATTERNS = [
    r"bloody(?=\s+(?:awful|good|hell))",
    r"what the hell|the hell (?:out|with)|go to hell|hell of an?|bloody hell|like hell",
]
# Words, spellings and separators around the terms' edges: capitals, plurals, a long s and a
# dotted capital I (folding traps), hyphens, apostrophes, underscores and line breaks.
WORDS = ["fuck", "Fucks", "FUCKES", "fucking", "ſhit", "shit", "bullshit", "son", "of", "a",
         "bitch", "Son-of-a-bitch", "pissed", "off", "pissed-off", "arse", "arses", "İ", "What",
         "the", "hell", "HELL", "Bloody", "awful", "good", "go", "to", "an", "like", "é",
         "f*ck", "sh!t", "f-ck", "w@nker", "a$$", "b*llsh1t", "x_", "_", "’", "'", "-", "1",
         "\r\n", "\n", " ", "  ", ",", "shit’s", "fuck'd", "hello", "shell"]
MASK_ALPHABET = "abfkcuhstAF*#@$!|+_-1390é’' \n"


def _rule(mode: str, plurals: bool = False) -> tuple[Profanity, SharedMatchers]:
    shared = SharedMatchers()
    options = {"terms": TERMS, "mild_terms": ["damn", "crap"], "patterns": PATTERNS,
               "match": mode, "plurals": plurals}
    spec = RuleSpec(id="t.prof", pack="t", category="t", extends="profanity", message="%s",
                    severity=Severity.WARNING, options=options)
    return Profanity(spec, shared), shared


def _hits(rule: Profanity, ctx: Context) -> list[tuple[int, int, int]]:
    return [(h.start, h.end, h.lower) for h in rule.check(ctx)]


def _scanned(rule: Profanity, ctx: Context) -> list[tuple[int, int, int]]:
    """The findings of the plain scans the fast paths replace, in check()'s order."""
    text, out = ctx.text, []
    if rule.mode in ("plain", "both"):
        assert rule.plain is not None
        for m in rule.plain.finditer(text):
            out.append((m.start(), m.end(), rule._lower(m.group().lower(), 0, 0, [])))
        for p in rule.patterns:
            out += [(m.start(), m.end(), 0) for m in p.finditer(text)]
    if rule.mode in ("masked", "both"):
        for m in _DISGUISED.finditer(text):
            piece = m.group()
            while len(piece) >= 4:
                word = None
                if not piece.isalpha():
                    word = next((f for f in rule.forms if masked_match(piece, f)), None)
                if word is not None:
                    out.append((m.start(), m.start() + len(piece), rule._lower(word, 0, 0, [])))
                    break
                if piece[-1] not in "!-_":
                    break
                piece = piece[:-1]
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from(["plain", "both"]),
       st.booleans(), st.sampled_from([" ", "", "\n"]))
def test_anchored_profanity_equals_the_scans(
    words: list[str], mode: str, plurals: bool, sep: str
) -> None:
    rule, shared = _rule(mode, plurals)
    ctx = Context(build_document("t.txt", sep.join(words), "text"), shared)
    assert _hits(rule, ctx) == _scanned(rule, ctx)


@given(st.sampled_from(["", " ſo"]))  # a long s: the rule scans instead of using anchors
def test_anchored_profanity_finds_what_it_should(trap: str) -> None:
    rule, shared = _rule("both", plurals=True)
    text = "Son-of-a-bitch, FUCKES and f*ck: what the hell, bloody awful. Shit." + trap
    ctx = Context(build_document("t.txt", text, "text"), shared)
    assert ctx.folds_exactly == (not trap)
    found = [text[s:e] for s, e, _ in _hits(rule, ctx)]
    assert found == ["Son-of-a-bitch", "FUCKES", "Shit", "bloody", "what the hell", "f*ck"]
    assert found == [text[s:e] for s, e, _ in _scanned(rule, ctx)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=MASK_ALPHABET, max_size=80))
def test_disguised_candidates_equal_the_scan(text: str) -> None:
    assert [m.span() for m in disguised(text)] == [m.span() for m in _DISGUISED.finditer(text)]


def test_disguised_candidates_at_the_length_limits() -> None:
    for letters in (1, 2, 23, 24, 25, 30):
        for text in ("a" * letters + "*b", "(" + "B" * letters + "1", "é" + "c" * letters + "#"):
            want = [m.span() for m in _DISGUISED.finditer(text)]
            assert [m.span() for m in disguised(text)] == want


def test_literal_heads() -> None:
    assert literal_heads(PATTERNS[0]) == ["bloody"]
    assert literal_heads("What the hell|hell of an?|ab+c") == ["what the hell", "hell of a", "ab"]
    assert literal_heads("x{2}y") is None  # an optional first character: no head
    assert literal_heads(r"a\|b|c") == ["a", "c"]
    assert literal_heads("[a-z]ing") is None  # a class: no head
    assert literal_heads("(?x) a b") is None  # an inline flag may change the whole pattern
    assert literal_heads("word|(?:x|y)z") is None  # one alternative opens with a group
    assert literal_heads("café") is None  # not ASCII: IGNORECASE equivalents not checked


def test_regex_ignorecase_equates_an_ascii_character_only_with_its_folding() -> None:
    """A head is looked up in the folded text: every character ``regex`` (IGNORECASE) matches
    with a printable ASCII one must fold to the same, or be a case trap (then the rule scans)."""
    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for ch in string.printable:
        for m in regex.finditer(regex.escape(ch), everything, regex.IGNORECASE | regex.M):
            c = m.group()
            assert fold(c) == fold(ch) or CASE_TRAPS.fullmatch(c), (ch, hex(ord(c)))
