"""The Markdown reader's declaration: CommonMark with GFM, read by pulldown-cmark under a time
budget (:mod:`copydesk.text.readers.parts.markdown_events` does the work, imported on first use)."""

from __future__ import annotations

from ..prose import ProseText
from ..regions import Region

FORMAT = "markdown"
SUFFIXES = (".md", ".markdown")
BOUNDED = True  # third-party code reading untrusted input: read within a time budget


def read(text: str) -> tuple[ProseText, list[Region]]:
    from .parts.markdown_events import read_markdown

    return read_markdown(text)
