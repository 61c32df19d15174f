"""The document statistics the metric and readability kinds read (Vale's, via jdkato/prose)."""

from __future__ import annotations

import pytest
from copydesk.analysis.syllables import syllables
from copydesk.analysis.text_stats import (
    TextStats,
    count_text,
    element_counts,
    summary_regions,
)
from copydesk.text.document import build_document


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("", 0),
        ("on", 1),  # under three letters: one
        ("banana", 3),  # three vowel groups
        ("cake", 1),  # a silent final e after a consonant
        ("table", 2),  # ...but not in "-ble"
        ("jumped", 1),  # "-ed" after two consonants is silent
        ("added", 2),  # ...but not after "dd"
        ("unhappy", 3),  # the prefix "un" adds one to "happy" (a, y)
        ("daily", 2),  # the suffix "ly" adds one to "dai"
        ("yellow", 2),  # "ye" and "o": y is a vowel
        ("people", 2),  # a listed exception
        ("People", 2),  # case does not matter
        ("strengths", 1),
    ],
)
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_counts_of_a_short_text() -> None:
    # Bananas(3) are(1) yellow(2) Monkeys(2) eat(1) bananas(3) daily(2): 14 syllables; letters
    # 7+3+6+7+3+7+5 = 38; over six letters: Bananas, Monkeys, bananas; three syllables or
    # more (and no -es/-ed/-ing): the two bananas
    stats = count_text(["Bananas are yellow. Monkeys eat bananas daily."])
    assert stats == TextStats(
        words=7, sentences=2, characters=38, syllables=14, complex_words=2, long_words=3,
        polysyllabic_words=2, paragraphs=1,
    )


def test_initialisms_and_apostrophes_are_one_word() -> None:
    stats = count_text(["The U.S.A. is big. We don't mind."])
    assert (stats.words, stats.sentences) == (7, 2)
    assert stats.characters == 3 + 3 + 2 + 3 + 2 + 4 + 4  # letters only, no dots or apostrophe


def test_complex_words_discount_an_inflection() -> None:
    # "educated": e-u-a-e = 4 groups ("-ed" after a vowel and t is said): 4 syllables, less
    # one for "-ed" is still 3, so complex; "amazing": a-a-i = 3, less one for -ing is 2
    stats = count_text(["Educated amazing."])
    assert stats.polysyllabic_words == 2
    assert stats.complex_words == 1


def test_long_words_are_measured_in_bytes_as_vale_does() -> None:
    # prose takes len() of a Go string: "résumé" is 6 letters but 8 bytes, so long
    assert count_text(["Writes résumés and simple notes."]).long_words == 1
    assert count_text(["A résumé."]).long_words == 1
    assert count_text(["A simple."]).long_words == 0


def test_no_words_counts_nothing() -> None:
    assert count_text(["", "*** --- 123"]).words == 1  # a number is a word, punctuation not
    assert count_text([""]).words == 0


def test_summary_leaves_out_headings_tables_and_code() -> None:
    text = (
        "# A heading here\n\nOne paragraph of words.\n\n- an item\n- another item\n\n"
        "> quoted words\n\n```\ncode words\n```\n\n| a | b |\n|---|---|\n| c | d |\n"
    )
    doc = build_document("t.md", text)
    blocks = [text[r.start : r.end] for r in summary_regions(doc.regions)]
    assert blocks == ["One paragraph of words.", "an item", "another item", "quoted words"]


def test_element_counts() -> None:
    text = (
        "# One\n\n## Two\n\n## Three\n\nWords with `code` inline.\n\n- a\n- b\n\n> q\n\n"
        "```\nx\n```\n"
    )
    doc = build_document("t.md", text)
    counts = element_counts(doc.regions, 0, len(text))
    assert counts["heading_h1"] == 1
    assert counts["heading_h2"] == 2
    assert counts["heading_h3"] == 0
    assert counts["list"] == 2
    assert counts["blockquote"] == 1
    assert counts["pre"] == 1  # the fenced block; the code span is not a block
