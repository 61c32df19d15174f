"""The ``full`` format's underline stands under the words it marks on a terminal: a wide
character (CJK, emoji) takes two columns, a combining mark none, a tab stays a tab."""

from __future__ import annotations

import pytest
from copydesk.formatters.full import underline


@pytest.mark.parametrize(
    ("line", "word", "prefix", "carets"),
    [
        ("The TK figure", "TK", " " * 4, "^^"),
        ("東京の市長は TK と述べた", "TK", " " * 13, "^^"),  # six wide, one space
        ("🚀 We utilize it", "utilize", " " * 6, "^" * 7),  # the rocket is two columns
        ("cafe\u0301 utilize", "utilize", " " * 5, "^" * 7),  # the accent takes none
        ("\tTK", "TK", "\t", "^^"),
        ("The 市長 said", "市長", " " * 4, "^^^^"),  # a wide match: two carets a character
    ],
)
def test_the_underline_lines_up_in_terminal_columns(
    line: str, word: str, prefix: str, carets: str
) -> None:
    column = line.index(word) + 1
    assert underline(line, column, column + len(word)) == prefix + carets
