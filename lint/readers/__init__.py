"""Readers turn a source text into a prose view and a region index, one module per format."""

from __future__ import annotations

from lint.document import Region
from lint.prose import ProseText


def read(fmt: str, text: str) -> tuple[ProseText, list[Region]]:
    if fmt == "markdown":
        from lint.readers.markdown import read_markdown

        return read_markdown(text)
    if fmt == "html":
        from lint.readers.html import read_html

        return read_html(text)
    from lint.readers.text import read_text

    return read_text(text)
