"""Readers turn a source text into a prose view and a region index, one module per format.

A lone ``\\r`` ends a line, as :class:`lint.core.positions.LineIndex` and editors count it; the
readers and the rules look for lines with ``\\n``. So each reader reads the text with every
lone ``\\r`` shown as ``\\n``: the same length, so every offset it reports is an offset of the
source, and a file saved with classic Mac line ends has the lines and paragraphs its editor
shows (without this a CR-only file was one line: one paragraph, one ``full`` output line).
"""

from __future__ import annotations

import re

from lint.text.document import Region
from lint.text.prose import ProseText

_LONE_CR = re.compile(r"\r(?!\n)")


def read(fmt: str, text: str) -> tuple[ProseText, list[Region]]:
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    if fmt == "markdown":
        from lint.text.readers.markdown import read_markdown

        return read_markdown(text)
    if fmt == "html":
        from lint.text.readers.html import read_html

        return read_html(text)
    from lint.text.readers.text import read_text

    return read_text(text)


def read_bounded(
    fmt: str, text: str, budget: float | None = None
) -> tuple[str, ProseText, list[Region], list[str]]:
    """The format the text was read as, its view and regions, and notes for the user: Markdown
    and HTML are read within a time budget (lint.text.readers.budget), else as plain text."""
    if fmt not in ("markdown", "html"):  # the text reader is ours, and linear
        prose, regions = read(fmt, text)
        return fmt, prose, regions, []
    from lint.text.readers import budget as bounds
    from lint.text.readers.text import read_text

    def reader(source: str) -> tuple[ProseText, list[Region]]:
        return read(fmt, source)

    prose, regions, note = bounds.read_within(fmt, text, reader, read_text, budget)
    return ("text", prose, regions, [note]) if note else (fmt, prose, regions, [])
