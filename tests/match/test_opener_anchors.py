"""A pack author's existence pattern, tried only where its matches can open (a first word or an
opening punctuation character), finds what a scan of the text finds."""

from __future__ import annotations

import sys

import pytest
import regex
from copydesk.analysis.context import Context
from copydesk.core.model import Severity
from copydesk.core.rule_spec import RuleSpec
from copydesk.kinds.existence import Existence
from copydesk.match.openers import pattern_openers, user_openers
from copydesk.match.shared import SharedMatchers
from copydesk.packs.load import load_pack
from copydesk.packs.locate import builtin_dir
from copydesk.text.document import build_document
from hypothesis import assume, given, settings
from hypothesis import strategies as st

# The shipped rules whose patterns open on a known word or character, with the words around
# them: near misses, the awkward characters (a long s, a superscript two that re counts as a
# word character and regex does not, a combining accent, a fraction), brackets and commas.
SHIPPED = [("weasel", "agentless-passive"), ("citations", "placeholder"),
           ("citations", "citation-needed"), ("weasel", "reportedly"), ("weasel", "pseudo-source")]
WORDS = ["It", "it", "is", "was", "widely", "considered", "believed", "regarded", "as", "by",
         "the", "committee", "to", "be", "has", "been", "suggested", "seen", ",", ", ", "(",
         ")", "(source)", "[citation needed]", "[", "]", "{{", "}}", "cite", "source", "link",
         "here", "add", "[insert", "name", "{{cn}}", "ſaid", "said", "it²", "²", "½is",
         "i\u0301t", "reportedly", "allegedly", "word", "\n", " ", "  ", "x", "often", "also",
         "history", "shows", "science", "teaches", "us", "everyone", "knows", "people", "say",
         "world", "common", "sense", "logic", "dictates"]


pytestmark = pytest.mark.usefixtures("own_patterns_at_once")


def _rules() -> list[Existence]:
    out = []
    for pack, rule_id in SHIPPED:
        spec = next(r for r in load_pack(builtin_dir() / f"{pack}.yaml").rules
                    if r.id == f"{pack}.{rule_id}")
        out.append(Existence(spec, SharedMatchers()))
    return out


RULES = _rules()



def _scan(rule: Existence, text: str) -> list[tuple[int, int]]:
    assert rule.finder is not None
    return [m.span() for m in rule.finder.pattern.finditer(text) if m.end() > m.start()]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([" ", ""]))
def test_anchored_existence_patterns_equal_the_scan(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for rule in RULES:
        if rule.finder is None:
            continue
        ctx = Context(build_document("t.txt", text, "text"), rule.shared)
        assert rule.finder.places.known
        scan = _scan(rule, ctx.text)
        # a match from one block into the next (a one-word line read as a heading, then the
        # text) is sought again inside each block (tests/kinds/test_block_by_block.py): the
        # anchors are compared with the scan where no match crosses
        assume(not any(ctx.block_bounds.crosses(s, e) for s, e in scan))
        assert [(h.start, h.end) for h in rule.check(ctx)] == scan, rule.spec.id


def test_a_superscript_ends_a_regex_word() -> None:
    """re reads "it²" as one word, regex as "it" and "²": the anchors add the regex word."""
    spec = RuleSpec(id="t.x", pack="t", category="t", extends="existence", message="%s",
                    severity=Severity.WARNING,
                    options={"tokens": [r"\bit\b\W+said"], "nonword": True})
    rule = Existence(spec, SharedMatchers())
    assert rule.finder.places.known
    text = "Then it² said so, and ½it said more."
    ctx = Context(build_document("t.txt", text, "text"), rule.shared)
    assert [text[h.start : h.end] for h in rule.check(ctx)] == ["it² said", "it said"]


def test_openers_of_words_and_punctuation() -> None:
    assert pattern_openers(r"\b(?:it is|they are)\b|,\s*seen") == ({"it", "they"}, {","})
    assert pattern_openers(r"\[(?:source|link)\]|\(cite\)") == (set(), {"[", "("})
    assert pattern_openers(r"\s+said") is None  # opens on white space: too many places
    assert pattern_openers(r"said") is None  # may open inside a word
    assert pattern_openers(r"\b\w+ly said") is None  # a first word of any letters


def test_regex_syntax_that_re_reads_differently_scans() -> None:
    assert user_openers(r"\b(?:colour){e<=1}\b", True) is None  # fuzzy: literal text to re
    assert user_openers(r"[[:alpha:]]+ said", False) is None  # a POSIX class
    assert user_openers(r"\p{Lu}\w+ said", False) is None  # re cannot parse it
    assert user_openers(r"\bcafé\b", True) is None  # not ASCII: IGNORECASE unchecked
    assert user_openers(r"\{\{cn\}\}", True) == (set(), {"{"})


def test_re_and_regex_disagree_on_word_characters_only_for_other_numbers() -> None:
    """re calls a character a word character and regex does not only for Unicode No (², ½):
    the one case where regex sees a word start that the shared word index does not."""
    word_re = regex.compile(r"\w")
    import re

    for i in range(sys.maxunicode + 1):
        if 0xD800 <= i < 0xE000:
            continue
        ch = chr(i)
        if re.match(r"\w", ch) and not word_re.match(ch):
            assert regex.match(r"\p{No}", ch), hex(i)


def test_common_opening_words_get_the_tokens_they_can_open() -> None:
    """A token list opening on common words tries, at each such word, only its own tokens
    (in their order); the scan test above runs the shipped rules through that split."""
    rules = {rule.spec.id: rule for rule in RULES}
    words = rules["weasel.agentless-passive"].finder.places.words
    assert words is not None and {"is", "was", "it", "has"} <= set(words.by_word)
    assert words.own_pattern("it").pattern.startswith(r"(?:\bit\s+(?:is|was|has\s+been|had\s+been)")
    spec = RuleSpec(id="t.x", pack="t", category="t", extends="existence", message="%s",
                    severity=Severity.WARNING, options={
                        "tokens": [r"\bis (?:seen|said)\b", r"\b(?:is|was) seen as\b",
                                   r",\s*seen\b", r"\bthe world knows\b"],
                        "nonword": True, "ignorecase": True})
    rule = Existence(spec, SharedMatchers())
    assert rule.finder.places.words is not None
    own = rule.finder.places.words.own_pattern
    assert sorted(rule.finder.places.words.by_word) == ["is", "the", "was"]
    assert own("is").pattern == r"(?:\bis (?:seen|said)\b|\b(?:is|was) seen as\b)"
    assert own("was").pattern == r"(?:\b(?:is|was) seen as\b)"
    text = "It is seen as odd, seen by some; The World knows it was seen as late, is said."
    ctx = Context(build_document("t.txt", text, "text"), rule.shared)
    found = [text[h.start : h.end] for h in rule.check(ctx)]
    assert found == ["is seen", ", seen", "The World knows", "was seen as", "is said"]
    assert [(h.start, h.end) for h in rule.check(ctx)] == _scan(rule, ctx.text)


def test_a_single_token_or_an_unknown_opener_is_not_split() -> None:
    def by_word(tokens: list[str]) -> dict[str, object]:
        spec = RuleSpec(id="t.x", pack="t", category="t", extends="existence", message="%s",
                        severity=Severity.WARNING, options={"tokens": tokens, "nonword": True})
        words = Existence(spec, SharedMatchers()).finder.places.words
        return {} if words is None else dict(words.by_word)

    assert by_word([r"\b(?:is|was) said\b"]) == {}  # one token: nothing to leave out
    assert by_word([r"\bis said\b", r"\w+ly said"]) == {}  # the second opens anywhere
    assert sorted(by_word([r"\bis said\b", r"\bwas said\b"])) == ["is", "was"]
    # a group reference counts groups across tokens: in fewer tokens it would point elsewhere
    assert by_word([r"\bit (is) said\b", r"\bis (\w+) \1\b"]) == {}
    assert by_word([r"\bit (?P<v>is) said\b", r"\bis (?P=v)\b"]) == {}
    assert by_word([r"(?i)\bit is said\b", r"\bIS SAID\b"]) == {}  # (?i) reaches token two
    assert sorted(by_word([r"\bit (?i:is) said\b", r"\bis said\b"])) == ["is", "it"]
