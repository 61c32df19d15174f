"""The HTML reader's declaration: text content and block structure, read by the standard
library's parser under a time budget (:mod:`copydesk.text.readers.parts.html_parser` does the work,
imported on first use: a plain-text run never pays for ``html.parser``)."""

from __future__ import annotations

from ..prose import ProseText
from ..regions import Region

FORMAT = "html"
SUFFIXES = (".html", ".htm")
BOUNDED = True  # the standard library's parser is quadratic on some inputs: read within a budget


def read(text: str) -> tuple[ProseText, list[Region]]:
    from .parts.html_parser import read_html

    return read_html(text)
