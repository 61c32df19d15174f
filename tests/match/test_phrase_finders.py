"""Phrase-list kinds tried at their first words' starts report what a full scan reports."""

from __future__ import annotations

from functools import cache

from copydesk.analysis.context import Context
from copydesk.match.finder import Finder
from copydesk.run.engine import RuleSet
from copydesk.run.session import Settings, ruleset_for
from copydesk.text.document import build_document
from hypothesis import given, settings
from hypothesis import strategies as st

KINDS = (
    "anonymous-source",
    "loaded-verb",
    "manner-adverb",
    "unsourced-superlative",
    "vague-quantity",
    "vague-source",
)
PIECES = [
    "Critics",
    "critics say",
    "said",
    "stated",
    "proudly",
    "admitted",
    "that",
    "the",
    "largest",
    "first",
    "Thousands",
    "thousands of",
    "officials",
    "an official said",
    "sources",
    "according to",
    "some",
    "experts",
    "believe",
    "“",
    "”",
    '"',
    ",",
    ".",
    "\n\n",
    " ",
    "-",
    "ſome",
    "Μany",
    "reportedly",
    "the company",
    "Ms Ruiz",
    "boasted",
]


@cache
def _ruleset() -> RuleSet:
    return ruleset_for(Settings(profile="news"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_anchored_phrase_kinds_equal_full_scans(pieces: list[str]) -> None:
    text = " ".join(pieces)
    rules = [r for r in _ruleset().rules if r.spec.extends in KINDS]
    assert {r.spec.extends for r in rules} == set(KINDS)
    for rule in rules:
        ctx = Context(build_document("t.txt", text, "text"), _ruleset().shared)
        anchored = [(h.start, h.end, h.args) for h in rule.check(ctx)]
        kept = rule.finder  # type: ignore[attr-defined]
        rule.finder = Finder(kept.pattern, folded=kept.folded)  # type: ignore[attr-defined]
        try:
            ctx = Context(build_document("t.txt", text, "text"), _ruleset().shared)
            scanned = [(h.start, h.end, h.args) for h in rule.check(ctx)]
        finally:
            rule.finder = kept  # type: ignore[attr-defined]
        assert anchored == scanned, rule.spec.id
