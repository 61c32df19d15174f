"""Quotation pairing and classification (policy reference H2): exact spans, straight-quote
direction, continued quotations across paragraphs, unmatched marks, titles and mentions."""

from __future__ import annotations

import pytest
from copydesk.analysis.editorial import Editorial
from copydesk.analysis.quote import Quote
from copydesk.text.document import build_document


def analyse(text: str, path: str = "t.txt") -> tuple[list[Quote], list[int], str]:
    ed = Editorial(build_document(path, text))
    return ed.quotes, ed.unmatched_marks, ed.text


def spans(text: str, path: str = "t.txt") -> list[str]:
    quotes, _, view = analyse(text, path)
    return [view[q.start : q.end] for q in quotes]


def test_curly_pair_has_exact_offsets() -> None:
    text = "Ruiz said “we lost” today."
    quotes, unmatched, _ = analyse(text)
    assert [(q.start, q.end) for q in quotes] == [(10, 19)]
    assert text[quotes[0].start] == "“" and text[quotes[0].end - 1] == "”"
    assert quotes[0].inner == (11, 18)
    assert unmatched == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('He said "yes" and then "no."', ['"yes"', '"no."']),
        ('"We lost," he said, "again."', ['"We lost,"', '"again."']),
        ('The answer—"never"—was final.', ['"never"']),
        ('They agreed ("for now") to wait.', ['"for now"']),
        ('Mixed “curly" and "straight” marks.', ['“curly"', '"straight”']),
        ("“One” and “two” and “three”.", ["“One”", "“two”", "“three”"]),
    ],
)
def test_straight_quote_direction(text: str, want: list[str]) -> None:
    assert spans(text) == want
    assert analyse(text)[1] == []


def test_apostrophes_never_pair() -> None:
    quotes, unmatched, _ = analyse("Pyongyang’s troops don’t follow their officers’ orders.")
    assert quotes == [] and unmatched == []


def test_single_quotes_nest_inside_doubles_and_quote_outside_them() -> None:
    assert spans("He called it ‘a farce’ twice.") == ["‘a farce’"]
    got = spans("“She told me ‘never again’ and left,” he said.")
    assert got == ["“She told me ‘never again’ and left,”"]


def test_prime_after_a_digit_is_not_a_quotation_mark() -> None:
    quotes, unmatched, _ = analyse('The pipe is 6" wide and the bolt 2" long.')
    assert quotes == [] and unmatched == []


def test_prime_can_still_close_an_open_quotation() -> None:
    assert spans('She said "buy the size 6" and left.') == ['"buy the size 6"']


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("He said “we will appeal.", ["“"]),
        ("We will appeal,” he said.", ["”"]),
        ('The sign read "closed for good.', ['"']),
        ("“One “two” three.", ["“"]),
        ("“Open here.\n\nA new paragraph, no quote.", ["“"]),
        ("He said “a\n\nb” c.", ["“"]),  # one problem: the quotation left open
        ("“We came.\n\n“We stayed.", ["“"]),
    ],
)
def test_unmatched_marks(text: str, marks: list[str]) -> None:
    _, unmatched, view = analyse(text)
    assert [view[i] for i in unmatched] == marks
    assert unmatched == sorted(unmatched)


def test_unmatched_offsets_point_at_the_mark() -> None:
    text = "Fine “so far”. Then “this one."
    _, unmatched, _ = analyse(text)
    assert unmatched == [text.index("“this")]


def test_continued_quotation_across_paragraphs_is_not_an_error() -> None:
    text = "“We came with nothing.\n\n“We built the bakery.\n\n“Now we own it,” she said."
    quotes, unmatched, view = analyse(text)
    assert unmatched == []
    assert [q.closed for q in quotes] == [False, False, True]
    assert [q.continues for q in quotes] == [False, True, True]
    assert view[quotes[0].start : quotes[0].end] == "“We came with nothing."
    assert quotes[0].inner == (1, len("“We came with nothing."))


def test_continued_quotation_with_straight_quotes() -> None:
    quotes, unmatched, _ = analyse('"We came with nothing.\n\n"Now we own it," she said.')
    assert unmatched == []
    assert [q.continues for q in quotes] == [False, True]


def test_heading_between_breaks_a_continued_quotation() -> None:
    text = "“We came with nothing.\n\nThe Bakery Years\n\n“Now we own it,” she said."
    _, unmatched, view = analyse(text)
    assert [view[i] for i in unmatched] == ["“"]


def test_words_count_hyphens_and_apostrophes_as_one() -> None:
    quotes, _, _ = analyse("They quoted “state-run media’s line, again,” he said.")
    assert quotes[0].words == 4


@pytest.mark.parametrize(
    ("text", "title", "mention"),
    [
        ("Her novel, “The Salt Road,” won the prize.", True, False),
        ("The song “Hey Jude” played twice.", True, False),
        ("A documentary titled “Blood and Iron” aired.", True, False),
        ("“Hey,” said Jude.", False, False),
        ("A unit known as “the Storm Corps” fought.", False, True),
        ("The term “woke” is contested.", False, True),
        ("It was dubbed “the deal of the century” at once.", False, True),
        ("The so-called “international community” watched.", False, False),
        ("The so called “peace dividend” vanished.", False, False),
        # a work noun in the previous sentence, or before a partial quotation, names nothing
        ("She said so on the podcast. “I see the nurses on that bus.”", False, False),
        ("He called your first book “a ghost story with no ghost.”", False, False),
        # Title Case, a nickname, and the kind of thing a short quotation names
        ("She read “The Weight of Small Things” twice.", True, False),
        ("Jimmy “the Hat” Ruiz was released.", True, False),
        ("The “Build Back Better” agenda stalled.", True, False),
    ],
)
def test_titles_and_mentions(text: str, title: bool, mention: bool) -> None:
    quotes, _, _ = analyse(text)
    assert len(quotes) == 1
    assert (quotes[0].is_title, quotes[0].is_mention) == (title, mention)


def test_markdown_block_quote_pairs_inside_its_paragraph() -> None:
    text = "She wrote:\n\n> “We will rebuild the town,\n> street by street.”\n"
    quotes, unmatched, view = analyse(text, "t.md")
    assert unmatched == []
    assert len(quotes) == 1
    assert view[quotes[0].start] == "“" and view[quotes[0].end - 1] == "”"
