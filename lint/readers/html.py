"""HTML reader (interim): read as plain text."""

from __future__ import annotations

from lint.document import Region
from lint.prose import ProseText
from lint.readers.text import read_text


def read_html(text: str) -> tuple[ProseText, list[Region]]:
    return read_text(text)
