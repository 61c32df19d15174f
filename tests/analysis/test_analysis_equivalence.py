"""The fast paths of the analysis layer give the same answers as the plain computation."""

from __future__ import annotations

import re

import pytest
from copydesk.analysis.alternation import ordered_alternation
from copydesk.analysis.context import Context
from copydesk.analysis.figure_anchors import _ANCHOR, figure_anchors
from copydesk.analysis.figures import FIGURE, find_figures
from copydesk.kinds.base.legal import sentence_people
from copydesk.kinds.profanity import _CANDIDATE, _DISGUISED
from copydesk.kinds.scare_quotes import _echoed
from copydesk.match.patterns import finditer_at
from copydesk.text.document import build_document
from hypothesis import example, given, settings
from hypothesis import strategies as st

FIGURE_TEXTS = [
    "About 40 people died and ABOUT 2,000 were hurt.",
    "Twenty-one hundred troops, a dozen tanks and two-thirds of the fleet.",
    "ſome 40 people and İstanbul's 3 million residents; prices doubled.",
    "The K index rose by between 5 and 10 per cent, $4bn in all.",
    "He counted ten",  # a number word at the very end of the text
]


@pytest.mark.parametrize("text", FIGURE_TEXTS)
def test_anchors_cover_every_figure_start(text: str) -> None:
    anchors = set(figure_anchors(text))
    starts = [m.start() for m in FIGURE.finditer(text)]
    assert starts and set(starts) <= anchors


def test_sentence_anchors_when_a_word_runs_past_the_sentence() -> None:
    text = "Some said ten" + "nis"  # a window that ends inside "tennis"
    end = len("Some said ten")
    with_doc = find_figures(text, 0, end, figure_anchors(text))
    assert [(f.start, f.end) for f in with_doc] == [(10, 13)]
    assert with_doc == find_figures(text, 0, end)


def _ctx(text: str) -> Context:
    return Context(build_document("t.txt", text), None)  # type: ignore[arg-type]


def test_surname_memory_reaches_a_wanted_sentence_past_unread_ones() -> None:
    text = (
        "Mark Ellison spoke on Monday. The weather was fine. Nothing else happened.\n\n"
        "Later, Ellison was called a fraudster."
    )
    ctx = _ctx(text)
    last = len(ctx.editorial.sentences) - 1
    alone = sentence_people(ctx, [last])
    everything = sentence_people(ctx, range(last + 1))
    assert [text[a:b] for a, b in alone[last]] == ["Ellison"]
    assert alone[last] == everything[last]
    assert [text[a:b] for a, b in everything[0]] == ["Mark Ellison"]


def test_no_wanted_sentences_reads_nothing() -> None:
    assert sentence_people(_ctx("Jane Roe is here."), []) == {}


ALTERNATION_WORDS = [
    ["fraudster", "fraud", "con man", "conman", "con", "crook", "crooked"],
    ["money launderer", "war criminal", "criminal", "liar", "lia"],
    ["ab", "a-b", "a b", "a"],  # a hyphen word next to a spaced one
]
ALTERNATION_TEXTS = [
    "The fraudster, a con  man and a conman met a crook; frauds and con-men did not.",
    "A war criminal, a money\nlaunderer and a liar: criminals, LIARS, Crooked",
    "ab a-b a b a--b a\tb",
]


@pytest.mark.parametrize("words", ALTERNATION_WORDS)
@pytest.mark.parametrize("ignorecase", [True, False])
@pytest.mark.parametrize("space", [r"\s+", r"[\s-]+"])
def test_trie_alternation_matches_the_flat_one(
    words: list[str], ignorecase: bool, space: str
) -> None:
    ordered = sorted(words, key=len, reverse=True)
    flags = re.IGNORECASE if ignorecase else 0
    flat = "|".join(re.escape(w).replace(r"\ ", space) for w in ordered)
    trie = ordered_alternation(ordered, ignorecase, space)
    wrap = r"(?<![\w-])(?:{})(?:e?s)?(?![\w-])"
    for text in ALTERNATION_TEXTS:
        want = [m.span() for m in re.finditer(wrap.format(flat), text, flags)]
        got = [m.span() for m in re.finditer(wrap.format(trie), text, flags)]
        assert got == want


def test_trie_alternation_factors_prefixes() -> None:
    assert ordered_alternation(["fraudster", "fraud"], True) == "fraud(?:ster|)"


def test_disguised_candidates_are_the_non_letter_ones() -> None:
    text = "sh*t f-ck a$$ plain words well-known C3PO b@stard x" + "y" * 30 + "1 z_"
    want = [m.span() for m in _CANDIDATE.finditer(text) if not m.group().isalpha()]
    assert [m.span() for m in _DISGUISED.finditer(text)] == want
    assert want  # the text does hold disguised candidates


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=12),
       st.integers(0, 90), st.integers(0, 90), st.booleans())
def test_quotes_across_equals_a_scan_of_every_quotation(
    spans: list[tuple[int, int]], lo: int, pos: int, ordered: bool
) -> None:
    """The quotations near an offset, read back from it, are those a scan of them all finds
    (nested ones included; out of order, the scan itself)."""
    from types import SimpleNamespace

    from copydesk.analysis.attribution import Attributor

    quotes = [SimpleNamespace(start=s, end=s + n) for s, n in (sorted(spans) if ordered else spans)]
    att = Attributor("", [], [], quotes)  # type: ignore[arg-type]
    want = [(q.start, q.end) for q in quotes if q.start < pos and q.end > lo]
    assert att._quotes_across(lo, pos) == want


@settings(max_examples=300, deadline=None)
@given(st.sets(st.sampled_from(["elite", "expert", "eli", "k-pop", "ſome", "kit", "café",
                                 "istanbul", "i\u0307stanbul", "σοφία"]), max_size=3),
       st.lists(st.sampled_from(["Elite", "elite", "ELITES", "expert", "x", " ", "-", "_",
                                 "kit", "\u212ait", "ſome", "some", "k-pop", "'", "é", "“",
                                 "”", "’", "—", "CAFÉ", "Café", "İstanbul", "Istanbul",
                                 "ıstanbul", "\u0307", "ΣΟΦΊΑ", "σοφία", "σοφίας"]),
                max_size=12))
@example(words={"some"}, pieces=["“", "ſome"])  # a trap in the text: ſ is an s to re
@example(words={"ſome"}, pieces=["some", "—"])  # and in a word
def test_scare_quote_echo_equals_the_pattern_search(words: set[str], pieces: list[str]) -> None:
    outside = "".join(pieces)
    want = any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", outside, re.IGNORECASE)
               for w in words)
    assert _echoed(words, outside) == want


ANCHOR_PIECES = ["some", "someone", "one", "more", " than", "at", " least", "a", " dozen",
                 "Twenty", "x", "2", "$", "€", "_", " ", "-", "about", "abouts", "up", " to",
                 "twos", "Tenfold", ".", "\n", "é", "twice", "more than"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ANCHOR_PIECES), max_size=20), st.integers(0, 6))
def test_figure_anchors_equal_the_one_pattern_scan(pieces: list[str], cut: int) -> None:
    """The three scans (signs, words, phrases) find what one alternation opening on \\b does."""
    text = "".join(pieces)
    start = min(cut, len(text))
    reference = re.compile(_ANCHOR)
    want = [start + m.start() for m in reference.finditer(text[start:].lower())]
    assert figure_anchors(text, start) == want


NUMBER_PIECES = ["40", "2,000", "1.5", "x2", "US$", "$", "€3", "%", " per cent", " people",
                 "-", "–", " to ", "between ", " and ", "some ", "about ", "a dozen", "half",
                 "twenty-one", "million", "bn", "AB", "12345", ".", ",", "/", ":", " ", "\n",
                 "ſome ", "killed"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_PIECES), max_size=16))
def test_figures_tried_at_the_anchors_are_all_the_figures(pieces: list[str]) -> None:
    text = "".join(pieces)
    want = [m.span() for m in FIGURE.finditer(text)]
    assert [m.span() for m in finditer_at(FIGURE, text, figure_anchors(text))] == want
    for m in FIGURE.finditer(text):  # the kind is the one named group that took part
        assert m.lastgroup == next(k for k, v in m.groupdict().items() if v)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*NUMBER_PIECES, "ONE ", "nİne", "Some", "twos", "x-"]),
                max_size=16))
def test_figure_words_from_the_shared_word_index_find_every_figure(pieces: list[str]) -> None:
    """With the number words' starts taken from the run's word index (as the unsourced-figure
    rule does), FIGURE tried at the anchors still finds every figure."""
    from copydesk.analysis.figure_anchors import FIGURE_WORDS
    from copydesk.match import finder
    from copydesk.match.shared import SharedMatchers

    shared = SharedMatchers()
    words = finder.by_words(shared, "t.figures", None, FIGURE_WORDS)
    ctx = Context(build_document("t.txt", "".join(pieces), "text"), shared)
    anchors = figure_anchors(ctx.text, words=words.starts(ctx))
    want = [m.span() for m in FIGURE.finditer(ctx.text)]
    assert [m.span() for m in finditer_at(FIGURE, ctx.text, anchors)] == want
