"""Figure recognition (policy reference H6): which numbers are statistics, which are exempt.

Every exemption has at least two cases that must stay quiet and two statistics of a similar
shape that must still count.
"""

from __future__ import annotations

import pytest
from copydesk.analysis.figures import find_figures


def statistics(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_figures(text, 0, len(text)) if f.statistic]


STATISTICS = [
    ("About 11,000 troops were deployed.", "About 11,000"),
    ("Unemployment rose to 7.4% in May.", "7.4%"),
    ("Turnout was 41 per cent.", "41 per cent"),
    ("The deal was worth $2.3 billion.", "$2.3 billion"),
    ("The budget is £400 million a year.", "£400 million"),
    ("An additional 11,000-12,000 soldiers arrived.", "11,000-12,000"),
    ("Between 8,000 and 9,500 people marched.", "Between 8,000 and 9,500"),
    ("Half of all voters stayed home.", "Half"),
    ("Prices doubled over the winter.", "doubled"),
    ("At least 1,000 of them have been killed.", "At least 1,000"),
    ("Four people were killed in the crash.", "Four"),
    ("Some 250 households lost power.", "Some 250"),
    ("Two hundred thousand people fled.", "Two hundred thousand"),
    ("The firm cut 1,200 jobs.", "1,200"),
]


@pytest.mark.parametrize(("text", "figure"), STATISTICS)
def test_statistics_are_found(text: str, figure: str) -> None:
    assert statistics(text)[:1] == [figure]


EXEMPT = {
    "year": ["In 2024 the unit moved north.", "The treaty of 1815 still holds."],
    "year range": ["The 2019-2020 season was cancelled.", "Prices rose in 2024-25."],
    "date": ["On Oct. 12 the unit moved.", "It happened on 12 October."],
    "time": ["The vote closed at 7 p.m. sharp.", "Doors open at 14:00 daily."],
    "ordinal": ["She finished 21st in the race.", "It was his 3rd attempt."],
    "age": ["Costa, 34, said nothing.", "A 17-year-old boy was arrested."],
    "duration": ["The siege lasted 24 hours.", "Talks ran for three months."],
    "identifier": ["Article 5 was invoked.", "Flight BA 2490 landed safely."],
    "score": ["The match ended 2-1 after extra time.", "The council voted 7-2 to build it."],
    "small count": ["Two isolated regimes signed.", "Three members abstained."],
    "list number": ["1. Buy bread\n2. Buy milk", "3) Call the council"],
    "phone": ["Call 020 7946 0123 today.", "Ring 555-0100-2000 now."],
    "no countable noun": ["He shot 18 holes-in-one.", "The page had 40 footnotes."],
}


@pytest.mark.parametrize(
    ("reason", "text"), [(r, t) for r, texts in EXEMPT.items() for t in texts]
)
def test_exempt_numbers_are_not_statistics(reason: str, text: str) -> None:
    assert statistics(text) == [], reason


def test_identifiers_written_with_letters_are_not_numbers_at_all() -> None:
    text = "The G7 met after the F-16 crash and the Covid-19 wave."
    assert statistics(text) == []
