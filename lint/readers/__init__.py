"""Readers turn a source text into a prose view and a region index, one module per format.

A lone ``\\r`` ends a line, as :class:`lint.positions.LineIndex` and editors count it; the
readers and the rules look for lines with ``\\n``. So each reader reads the text with every
lone ``\\r`` shown as ``\\n``: the same length, so every offset it reports is an offset of the
source, and a file saved with classic Mac line ends has the lines and paragraphs its editor
shows (without this a CR-only file was one line: one paragraph, one ``full`` output line).
"""

from __future__ import annotations

import re

from lint.document import Region
from lint.prose import ProseText

_LONE_CR = re.compile(r"\r(?!\n)")


def read(fmt: str, text: str) -> tuple[ProseText, list[Region]]:
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    if fmt == "markdown":
        from lint.readers.markdown import read_markdown

        return read_markdown(text)
    if fmt == "html":
        from lint.readers.html import read_html

        return read_html(text)
    from lint.readers.text import read_text

    return read_text(text)
