"""The Finder interface, the per-document Scan and the one memo: what kinds rely on, and the
rule that keeps the speed machinery inside lint/match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from copydesk.analysis.context import Context
from copydesk.match import finder
from copydesk.match.patterns import RuleTimeout, compile_user
from copydesk.match.scan import Scan
from copydesk.match.shared import SharedMatchers
from copydesk.match.term_finder import terms
from copydesk.match.user_pattern import user_pattern
from copydesk.text.document import build_document

LINT = Path(__file__).resolve().parents[2] / "lint"
# what only lint/match may know: the anchors, the anchored matchers, the per-text state
MACHINERY = re.compile(
    r"\b(?:WordAnchors|OpenerAnchors|finditer_at|tried_at|matches_user_at|with_traps|"
    r"term_starts|term_hits|word_starts|case_trap_words|WeakKeyDictionary)\b|^\s*global\s",
    re.M,
)


def _ctx(text: str, shared: SharedMatchers) -> Context:
    return Context(build_document("t.txt", text, "text"), shared)


def test_kinds_and_analyses_know_nothing_of_the_speed_machinery() -> None:
    for folder in ("kinds", "analysis"):
        for path in sorted((LINT / folder).rglob("*.py")):
            found = MACHINERY.search(path.read_text(encoding="utf-8"))
            assert found is None, f"{path.relative_to(LINT)}: {found and found.group()}"


def test_match_knows_no_kind_analysis_or_pack() -> None:
    for path in sorted((LINT / "match").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        imports = re.search(r"^\s*from\s+\.\.(?:kinds|analysis|packs)\b", source, re.M)
        assert imports is None, path.name


def test_the_memo_builds_once_a_document() -> None:
    shared = SharedMatchers()
    calls: list[str] = []

    def build() -> list[str]:
        calls.append("built")
        return ["value"]

    one, two = _ctx("one", shared), _ctx("two", shared)
    assert one.memo("k", build) is one.memo("k", build)
    assert two.memo("k", build) == ["value"]
    assert one.memo("other", lambda: None) is None and one.memo("other", build) is None
    assert calls == ["built", "built"]


def test_the_scan_belongs_to_the_document() -> None:
    ctx = _ctx("So ſt 12 and 345", SharedMatchers())  # a long s: IGNORECASE reads an s
    scan = ctx.scan
    assert scan is ctx.scan and ctx.folded == scan.folded
    assert len(scan.folded) == len(scan.text) and not scan.folds_exactly
    assert scan.case_trap_words == [3] and scan.digit_runs == [6, 13]
    assert scan.with_traps([0, 9], reach=2) == [0, 2, 3, 9]
    assert scan.with_traps([0, 9]) == [0, 3, 9]
    assert Scan("plain text").with_traps([4]) == [4]


def test_a_word_finder_tries_its_words_and_finds_what_the_scan_finds() -> None:
    shared = SharedMatchers()
    pattern = re.compile(r"(?<![\w-])(?:critics say|experts)(?![\w-])", re.I)
    found = finder.by_words(shared, "t.words", pattern, ["critics", "experts"])
    shared.prepare()
    text = "Critics say so; critics said; EXPERTS agree, xexperts not."
    ctx = _ctx(text, shared)
    want = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in found.finditer(ctx)] == want
    assert found.starts(ctx) == [0, 16, 30]
    assert found.starts(ctx) is found.starts(ctx)  # once a document
    assert [m.span() for m in found.finditer(ctx, 10, 40)] == [
        m.span() for m in pattern.finditer(text, 10, 40)]
    assert found.search(ctx, 1, len(text)).span() == (30, 37)


def test_unknown_words_scan() -> None:
    pattern = re.compile(r"\w+ly")
    found = finder.by_words(SharedMatchers(), "t.any", pattern, None)
    ctx = _ctx("Sadly, quickly.", SharedMatchers())
    assert found.starts(ctx) is None
    assert [m.group() for m in found.finditer(ctx)] == ["Sadly", "quickly"]


def test_digit_led_and_placed_finders() -> None:
    text = "Call 0207 946 0123 or ab12 x@y.org."
    ctx = _ctx(text, SharedMatchers())
    digits = finder.digit_led(re.compile(r"\d+"))
    assert [m.group() for m in digits.finditer(ctx)] == ["0207", "946", "0123", "12"]
    back = finder.digit_led(re.compile(r"[a-z]{2}\d+"), back=2)
    assert [m.group() for m in back.finditer(ctx)] == ["ab12"]
    at = finder.placed(re.compile(r"\w+@[\w.]+\w"), lambda t: [t.index("@") - 1])
    assert [m.group() for m in at.finditer(ctx)] == ["x@y.org"]


def test_literal_heads_are_tried_near_a_case_trap() -> None:
    pattern = compile_user(r"(?<!\w)(?:hells of an?)(?!\w)", True)
    heads = finder.literal_heads(pattern, ["hells of a"])
    ctx = _ctx("It was hellſ of a day, and HELLS OF A week.", SharedMatchers())
    assert [m.group() for m in heads.finditer(ctx)] == ["hellſ of a", "HELLS OF A"]


def test_a_term_finder_gives_the_leftmost_longest_hits() -> None:
    shared = SharedMatchers()
    found = terms(shared, "t.terms", True, True, [("new york", 1), ("york times", 2),
                                                  ("new", 3)])
    ctx = _ctx("The New York Times and new\nYork.", shared)
    assert found.hits(ctx) == [(4, 12, 1), (23, 31, 1)]


def test_an_authors_pattern_is_stopped_by_its_budget() -> None:
    shared = SharedMatchers()
    runaway = compile_user(r"(a|aa)+$")  # exponential backtracking
    found = user_pattern(shared, "t.runaway", runaway, r"(a|aa)+$", False)
    ctx = _ctx("a" * 40 + "!", shared)
    with pytest.raises(RuleTimeout):
        list(found.finditer(ctx))
