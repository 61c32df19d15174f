"""Term lists share one prefix-trie matcher per (case mode, word mode); user regexes time out."""

from __future__ import annotations

import re
import time

import pytest
from copydesk.core.model import Severity
from copydesk.core.rule_spec import RuleSpec
from copydesk.match.patterns import (
    RuleTimeout,
    compile_user,
    finditer,
    finditer_at,
    glyph_positions,
    trie_pattern,
)
from copydesk.match.term_index import FEW_HEADS, TermIndex
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text
from hypothesis import assume, given, settings
from hypothesis import strategies as st


def spec(rule_id: str, terms: list[str], ignorecase: bool = False) -> RuleSpec:
    return RuleSpec(
        id=rule_id,
        pack="t",
        category="t",
        extends="existence",
        message="%s",
        severity=Severity.WARNING,
        options={"tokens": terms, "ignorecase": ignorecase},
    )


def test_trie_pattern_matches_exactly_the_terms() -> None:
    terms = ["cat", "catalog", "car", "dog", "do"]
    pattern = re.compile(trie_pattern(terms))
    for t in terms:
        assert pattern.fullmatch(t)
    for t in ["ca", "cats", "d", "catalo"]:
        assert not pattern.fullmatch(t)
    assert "|" not in trie_pattern(["alpha"])  # no alternation for one term


def count_patterns(n_rules: int, n_terms: int) -> tuple[int, int]:
    specs = [
        spec(f"t.r{r}", [f"term{r}x{i}" for i in range(n_terms // n_rules)], ignorecase=r % 2 == 0)
        for r in range(n_rules)
    ]
    ruleset = compile_rules(specs)
    indexes = list(ruleset.shared.indexes.values())
    own = [r for r in ruleset.rules if getattr(r, "pattern", None) is not None]
    for index in indexes:
        assert index.pattern  # compiled once per index
    return sum(isinstance(i, TermIndex) for i in indexes), len(own)


def test_matcher_count_does_not_grow_with_term_count() -> None:
    small = count_patterns(2, 10)
    large = count_patterns(50, 5000)
    assert small == large == (2, 0)  # one index per case mode, no per-rule patterns


def test_shared_index_finds_each_rules_terms_even_when_they_overlap() -> None:
    rules = compile_rules(
        [spec("t.short", ["foo"]), spec("t.long", ["foo bar"]), spec("t.mid", ["bar baz"])]
    )
    assert len(rules.shared.indexes) == 1
    result = lint_text("a.txt", "foo bar baz and foo\nbar.", rules)
    found = sorted(
        ((v.rule, result.text[v.offset : v.end_offset], v.offset) for v in result.violations),
        key=lambda f: (f[0], f[2]),
    )
    assert found == [
        ("t.long", "foo bar", 0),
        ("t.long", "foo\nbar", 16),
        ("t.mid", "bar baz", 4),
        ("t.short", "foo", 0),
        ("t.short", "foo", 16),
    ]


def test_word_mode_and_case_mode() -> None:
    index = TermIndex(ignorecase=True, words=True)
    index.add("TK", "r")
    assert [(s, e) for s, e, _ in index.scan("tk TKO tk.")] == [(0, 2), (7, 9)]
    exact = TermIndex(ignorecase=False, words=False)
    exact.add("TK", "r")
    assert [(s, e) for s, e, _ in exact.scan("tk TKO")] == [(3, 5)]


def test_ignorecase_fold_keeps_offsets_after_dotted_capital_i() -> None:
    index = TermIndex(ignorecase=True, words=True)
    index.add("stanbul", "r")
    index.add("word", "r")
    text = "İstanbul WORD"
    assert [text[s:e] for s, e, _ in index.scan(text)] == ["WORD"]


def test_catastrophic_user_regex_times_out_quickly() -> None:
    compiled = compile_user(r"(a|aa)+$")
    start = time.monotonic()
    with pytest.raises(RuleTimeout):
        list(finditer(compiled, "a" * 40 + "!"))
    assert time.monotonic() - start < 5


def _scan_walking_every_prefix(index: TermIndex, text: str) -> list[tuple[int, int, str]]:
    """The scan without the fast path: every match walks its prefixes for shorter terms."""
    target = text.lower() if index.ignorecase else text
    out: list[tuple[int, int, str]] = []
    pos = 0
    while (m := index.pattern.search(target, pos)) is not None:
        out.extend(index._prefixes(target, m.start(), m.end()))
        pos = m.start() + 1
    return out


SCAN_TERMS = ["new", "new york", "new york times", "york times", "it is", "it is said", "ab",
              "abc", "x-ray", "x", "it's", "s said", "ray-ban"]
SCAN_WORDS = ["new", "New", "york", "times", "it", "is", "said", "ab", "abc", "abcd", "x-ray",
              "x", "ray", " ", "  ", "\n", "-", ",", "\r\n", "'", "’", "s", "ban", "_"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SCAN_WORDS), max_size=30), st.booleans())
def test_scan_fast_path_equals_the_prefix_walk(words: list[str], word_mode: bool) -> None:
    index = TermIndex(ignorecase=True, words=word_mode)
    for term in SCAN_TERMS:
        index.add(term, "r")
    text = "".join(words)
    assert index.scan(text) == _scan_walking_every_prefix(index, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "ab", "a b", "a-b", "ab c", "a b c", "b", "x’s", "x",
                                 "a_b", "é", "é-x"]), min_size=1, max_size=8),
       st.booleans())
def test_nested_keys_are_those_with_a_shorter_key_ending_inside(terms: list[str], words: bool
                                                                 ) -> None:
    """Only a key with a shorter key as a prefix, ending where a term may end, needs the
    prefix walk of a scan (word mode: before a non-word character)."""
    index = TermIndex(ignorecase=True, words=words)
    for term in terms:
        index.add(term, "o")
    keys = index.owners
    want = {
        key for key in keys
        if any(key[:i] in keys and not key[i - 1].isspace()
               and (not words or not re.match(r"\w", key[i])) for i in range(1, len(key)))
    }
    assert index.nested == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["tk", "tktk", "t", "t k", "k", "k-t", "kt", "_t", "é", "ék"]),
                min_size=1, max_size=6),
       st.lists(st.sampled_from(["t", "k", "tk", " ", "-", "_", "é", "x", "\n", "T"]),
                max_size=25))
def test_few_heads_pattern_finds_what_the_lookbehind_form_finds(terms: list[str],
                                                              pieces: list[str]) -> None:
    """A word-mode matcher whose terms open on a few characters tests the word start one
    character late; it must match where ``(?<!\\w)(?:trie)(?!\\w)`` matches."""
    index = TermIndex(ignorecase=False, words=True)
    for term in terms:
        index.add(term, "o")
    assert len({key[0] for key in index.owners}) <= FEW_HEADS  # the late-lookbehind form
    reference = re.compile(rf"(?<!\w)(?:{trie_pattern(list(index.owners))})(?!\w)")
    text = "".join(pieces)
    assert [m.span() for m in index.pattern.finditer(text)] == [
        m.span() for m in reference.finditer(text)
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SCAN_WORDS), max_size=30))
def test_owner_hits_and_starts_equal_a_filter_of_the_scan(words: list[str]) -> None:
    """Each owner's hits and starts, gathered from the grouped scan (by its own terms, or
    from what was found when it has more terms than that), are the scan's hits of its terms."""
    from copydesk.analysis.context import Context
    from copydesk.text.document import build_document

    index = TermIndex(ignorecase=True, words=True)
    for term in SCAN_TERMS:
        index.add(term, "all", term.upper())
    for term in ["new york", "it is", "x"]:
        index.add(term, "few", len(term))
    for n in range(60):  # more terms than any text here finds
        index.add(f"filler{n}", "long", n)
    index.add("york times", "long", "yt")
    index.add("new", "one", "n")  # one term, found both at once and inside "new york times"
    text = "".join(words)
    ctx = Context(build_document("t.txt", text, "text"), None)  # type: ignore[arg-type]
    terms = ctx.scan.terms
    scan = index.scan(text)
    # a phrase is never found from one block into the next (a short line read as a heading):
    # the owners' hits are compared with the scan where no phrase crosses
    assume(not any(ctx.block_bounds.crosses(s, e) for s, e, _ in scan))
    for owner in ("all", "few", "long", "one"):
        want = sorted(
            ((s, e, payload) for s, e, key in scan for who, payload in index.owners[key]
             if who == owner),
            key=lambda h: (h[0], h[1]),
        )
        assert terms.hits(index, owner) == want
        assert terms.starts(index, owner) == sorted({s for s, _, _ in want})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab -", max_size=20), st.integers(0, 20), st.integers(0, 20),
       st.sampled_from([r"ab|a", r"a b?|b+", r"a+", r"ab|b", r"(?<![a-z])a+(?: b)?",
                        r"b(?=a)|ba+"]))
def test_finditer_at_every_position_equals_the_scan(text: str, start: int, end: int,
                                                    pattern: str) -> None:
    """Tried at every position of a window, the anchored matches are the scan's (each match
    found inside the last one kept is dropped, as the scan never tries there)."""
    compiled = re.compile(pattern)
    start, end = min(start, len(text)), min(max(start, end), len(text))
    want = [m.span() for m in compiled.finditer(text, start, end)]
    got = finditer_at(compiled, text, list(range(len(text) + 1)), start, end)
    assert [m.span() for m in got] == want


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab '`\"“”„″«»‘’\n", max_size=60))
def test_glyph_positions_find_what_the_mark_class_finds(text: str) -> None:
    """The quotation pairing's one-scan-per-glyph search equals the class it replaced."""
    from copydesk.analysis.quotations import _DOUBLE_GLYPHS, MARK

    want = [(m.start(), m.group()) for m in MARK.finditer(text)]
    assert glyph_positions(text, _DOUBLE_GLYPHS) == want


def test_single_openers_are_those_of_the_class_pattern() -> None:
    """A mark that may open: after a line start, white space, a bracket, a dash or a slash,
    before a letter or digit — as one class pattern would find it."""
    from copydesk.analysis.single_quotes import single_openers

    spec = re.compile(r"[‘'](?<=[ \t\r\n(\[{—–/][‘'])(?=\w)")
    text = "'Tis the 'plan' — ‘Yes,’ she said; it's Rock 'n' roll (‘No’) /'x' ‘"
    assert single_openers(text) == [m.start() for m in spec.finditer(text)]


def test_the_case_trap_test_agrees_with_the_class() -> None:
    from copydesk.match.patterns import CASE_TRAPS, has_case_trap

    for c in map(chr, range(0x10000)):
        assert has_case_trap(f"a {c} b") == (CASE_TRAPS.search(f"a {c} b") is not None), hex(ord(c))
    assert has_case_trap("a ſ b") and not has_case_trap("plain text, “quoted”")


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("aΣσςΟΔ İ \n\t'’.Ǆ")), st.integers(1, 12))
def test_folding_in_pieces_equals_folding_whole(text: str, piece: int) -> None:
    # a long text is lower-cased a piece at a time (CPython's lower() needs 12 bytes a
    # character of scratch space); the pieces end after whitespace, where a final sigma or
    # any other context cannot differ
    from copydesk.match import patterns as matchers

    whole = matchers._fold(text)
    saved, matchers._FOLD_PIECE = matchers._FOLD_PIECE, piece
    try:
        assert matchers.fold(text) == whole
        assert len(whole) == len(text)
    finally:
        matchers._FOLD_PIECE = saved
