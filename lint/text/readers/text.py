"""Plain text: the prose view is the source with its furniture blanked; regions come from the
layout (copydesk.text.readers.parts.text_layout): paragraphs, headings and tables in source offsets.

Slug, byline, end-marker and table lines, and the dateline that opens a story, are blanked in
the view (same length, line breaks kept, so the view maps to the source by identity), and so
are a court record's line and page numbers (copydesk.text.readers.parts.text_court).
"""

from __future__ import annotations

from ..prose import ProseBuilder, ProseText
from ..regions import Region
from .parts.text_court import court_layout
from .parts.text_layout import PARAGRAPH, Block, is_heading, layout
from .parts.text_story import FURNITURE, HEADING, TABLE

__all__ = ["detect_regions", "is_heading", "read", "read_text"]

FORMAT = "text"
SUFFIXES = (".txt", ".text")
BOUNDED = False  # our own reader, linear in its input


def _region(b: Block) -> Region:
    return Region(b.start, b.end, b.kind, 1 if b.kind == HEADING else 0)


def detect_regions(text: str, base: int = 0) -> list[Region]:
    """Headings, paragraphs and tables of plain text starting at source offset ``base``."""
    return [_region(b) for b in layout(text, base) if b.kind in (PARAGRAPH, HEADING, TABLE)]


def read_text(text: str) -> tuple[ProseText, list[Region]]:
    court = court_layout(text)
    blocks, numbers = court if court else (layout(text), [])
    regions = [_region(b) for b in blocks if b.kind in (PARAGRAPH, HEADING, TABLE)]
    # furniture and tables are not prose; a paragraph's dateline (start to prose_start) neither,
    # nor a court record's line numbers
    hidden: list[tuple[int, int]] = list(numbers)
    for b in blocks:
        if b.kind in (FURNITURE, TABLE):
            hidden.append((b.start, b.end))
        elif b.prose_start > b.start:
            hidden.append((b.start, b.prose_start))
    if not hidden:
        return ProseText(text, len(text)), regions  # nothing to blank: the view is the source
    builder = ProseBuilder(text)
    for start, end in sorted(hidden):
        builder.keep(start)
        builder.blank(end)
    return builder.finish(), regions


def read(text: str) -> tuple[ProseText, list[Region]]:
    return read_text(text)
