"""Sentence splitting (policy reference H1): boundaries, and the places that are not one."""

from __future__ import annotations

import pytest
from copydesk.analysis.editorial import Editorial
from copydesk.analysis.sentences import split
from copydesk.text.document import build_document
from hypothesis import given, settings
from hypothesis import strategies as st


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The vote failed. Turnout was low.", ["The vote failed.", "Turnout was low."]),
        ("Did it pass? No! It failed.", ["Did it pass?", "No!", "It failed."]),
        ("He left. 2024 was a hard year.", ["He left.", "2024 was a hard year."]),
        ("He left. “We lost,” she said.", ["He left.", "“We lost,” she said."]),
        ('He left. "We lost," she said.', ["He left.", '"We lost," she said.']),
        ("He left (at last.) Then it rained.", ["He left (at last.)", "Then it rained."]),
        ("She said “we lost.” Then she left.", ["She said “we lost.”", "Then she left."]),
        # abbreviations, initials, decimals
        ("Dr. Amal Haddad spoke first.", ["Dr. Amal Haddad spoke first."]),
        ("Mrs. Hale came. Gen. Roe did not.", ["Mrs. Hale came.", "Gen. Roe did not."]),
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        ("It opens at 9 a.m. Monday.", ["It opens at 9 a.m. Monday."]),
        ("J. R. Hale wrote it.", ["J. R. Hale wrote it."]),
        ("Growth was 2.5 per cent. Wages fell.", ["Growth was 2.5 per cent.", "Wages fell."]),
        ("Apples, pears, etc. Were all sold.", ["Apples, pears, etc. Were all sold."]),
        # ellipses trail off; colons and semicolons never end a sentence
        ("We waited... Then help came.", ["We waited... Then help came."]),
        ("Be clear: War is cruel; Peace is rare.", ["Be clear: War is cruel; Peace is rare."]),
        # lower-case after a stop is not a new sentence
        ("The 3.5 mm jack. and more", ["The 3.5 mm jack. and more"]),
        # a quoted question or exclamation followed by its attribution is one sentence
        ("“Why?” she asked.", ["“Why?” she asked."]),
        ("“Why now?” Ruiz asked. Nobody answered.", ["“Why now?” Ruiz asked.", "Nobody answered."]),
        ("“Stop!” Officer Tom Hale shouted.", ["“Stop!” Officer Tom Hale shouted."]),
        ("“Why?” Nobody knew.", ["“Why?”", "Nobody knew."]),
        ("Is it over? Ruiz asked that too.", ["Is it over?", "Ruiz asked that too."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split(text: str, want: list[str]) -> None:
    assert sentences(text) == want


def test_split_respects_the_range_and_trims_whitespace() -> None:
    text = "Skip this. Keep one.  Keep two.  Not this."
    start = text.index("Keep one")
    end = text.index("Not this")
    assert [text[s:e] for s, e in split(text, start, end)] == ["Keep one.", "Keep two."]


def test_spans_are_offsets_into_the_text() -> None:
    text = "A “b” cat. Dé? Fin."
    spans = split(text, 0, len(text))
    assert spans == [(0, 10), (11, 14), (15, 19)]


def doc_sentences(text: str, path: str = "t.txt") -> list[str]:
    ed = Editorial(build_document(path, text))
    return [ed.text[s:e] for s, e in ed.sentences]


def test_plain_text_headings_are_hard_boundaries() -> None:
    text = "The vote failed\nWhat Happens Next\nturnout was low and nobody came"
    got = doc_sentences(text)
    assert got == ["The vote failed", "What Happens Next", "turnout was low and nobody came"]


def test_paragraphs_are_hard_boundaries() -> None:
    text = "The vote failed, and\n\nturnout was low."
    assert doc_sentences(text) == ["The vote failed, and", "turnout was low."]


def test_markdown_heading_is_its_own_sentence() -> None:
    got = doc_sentences("# Results of the vote\n\nThe vote failed. Turnout was low.\n", "t.md")
    assert got[-2:] == ["The vote failed.", "Turnout was low."]
    assert len(got) == 3 and "Results of the vote" in got[0]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "_", ".", " ", "é", "٣", "-", "Mr", "U.S", "word",
                                 "x" * 9, "\u0301", "\n"]), max_size=12),
       st.integers(0, 30))
def test_last_word_is_the_run_the_pattern_finds(pieces: list[str], cursor: int) -> None:
    """The run of word characters and full stops ending at ``end`` (just after a full stop,
    as the splitter asks), found from the tail by one search (or by the walk for a long
    run), is what ``([\\w.]+)\\.*$`` finds."""
    from copydesk.analysis.sentences import _LAST_WORD, _last_word

    text = "".join(pieces) + "."
    end = len(text)
    cursor = min(cursor, end)
    m = _LAST_WORD.search(text, cursor, end)
    assert _last_word(text, cursor, end) == (m.group(1) if m else "")
