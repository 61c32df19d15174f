"""The document model every rule reads: the source text, its line index, the prose view its
format's reader built, and the region index (headings, paragraphs, list items …) in source
offsets. Bytes become text in :mod:`copydesk.text.decode`; readers live in
:mod:`copydesk.text.readers`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..core.positions import LineIndex
from . import readers
from .prose import ProseText
from .regions import Region


@dataclass
class Document:
    path: str
    text: str
    format: str
    prose: ProseText
    regions: list[Region] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the user: e.g. read as text instead

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def regions_of(self, kind: str) -> list[Region]:
        return [r for r in self.regions if r.kind == kind]


def build_document(
    path: str, text: str, fmt: str | None = None, budget: float | None = None
) -> Document:
    """Read ``text`` with the reader for its format (Markdown's within ``budget`` seconds, by
    default one for its size; past it the text is read as plain text, and noted)."""
    fmt, prose, regions, notes = readers.read_bounded(fmt or readers.format_for(path), text, budget)
    ordered = sorted(regions, key=lambda r: (r.start, -r.end))
    return Document(path, text, fmt, prose, ordered, notes)

