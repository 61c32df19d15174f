"""Decoded source files and the document model every rule reads.

``load_source`` turns bytes into text (UTF-8, BOM dropped, line endings untouched) or raises
:class:`InputError`. ``Document`` holds the source, its line index, the prose view built by the
reader for its format, and the region index (headings, paragraphs, list items …) in source
offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath

from lint.positions import LineIndex
from lint.prose import ProseText

REGION_KINDS = frozenset(
    {
        "heading",
        "paragraph",
        "list",
        "blockquote",
        "table",
        "link",
        "frontmatter",
        "code",
        "html",
    }
)

FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
}


class InputError(Exception):
    """A file that cannot be linted (missing, binary, undecodable)."""


@dataclass(frozen=True, slots=True)
class Region:
    """A structural span of the source: [start, end) in source code points."""

    start: int
    end: int
    kind: str
    level: int = 0  # heading level, list depth …


def format_for(path: str) -> str:
    return FORMAT_BY_SUFFIX.get(PurePath(path).suffix.lower(), "text")


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def decode(data: bytes) -> str:
    """Decode UTF-8, dropping one leading BOM. Raises InputError naming the bad byte."""
    if looks_binary(data):
        raise InputError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {exc.start})"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


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
    from lint.readers import read_bounded

    fmt, prose, regions, notes = read_bounded(fmt or format_for(path), text, budget)
    ordered = sorted(regions, key=lambda r: (r.start, -r.end))
    return Document(path, text, fmt, prose, ordered, notes)
