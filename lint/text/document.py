"""Decoded source files and the document model every rule reads.

``decode`` turns bytes into text (UTF-8, BOM dropped, line endings untouched) or raises
:class:`InputError`: for a NUL byte anywhere (binary), for UTF-16 or UTF-32 with a byte-order
mark (named, with the command that converts it), and for bytes that are not UTF-8.
``Document`` holds the source, its line index, the prose view built by the reader for its
format, and the region index (headings, paragraphs, list items …) in source offsets.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath

from lint.core.positions import LineIndex
from lint.text.prose import ProseText

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


# UTF-32 first: its little-endian mark begins with UTF-16's (FF FE, then 00 00).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "LE"),
    (codecs.BOM_UTF32_BE, "UTF-32", "BE"),
    (codecs.BOM_UTF16_LE, "UTF-16", "LE"),
    (codecs.BOM_UTF16_BE, "UTF-16", "BE"),
)


def wide_encoding(data: bytes) -> tuple[str, str] | None:
    """("UTF-16", "LE") and so on when ``data`` opens with a UTF-16 or UTF-32 byte-order mark."""
    for bom, name, order in _WIDE_BOMS:
        # FF FE 00 00 is also UTF-16 LE text opening with U+0000: UTF-32 has whole 4-byte units
        if data.startswith(bom) and (name == "UTF-16" or len(data) % 4 == 0):
            return name, order
    return None


def looks_binary(data: bytes) -> bool:
    """A NUL byte anywhere (no text file has one; a search in C, fast on any size), unless the
    file is UTF-16 or UTF-32 text with a byte-order mark, whose ASCII has NULs between bytes:
    that is text, reported as an input error naming its encoding rather than skipped."""
    return b"\x00" in data and wide_encoding(data) is None


def decode(data: bytes) -> str:
    """Decode UTF-8, dropping one leading BOM. Raises InputError naming the bad byte.

    UTF-16 and UTF-32 are not decoded for the user: offsets and columns would then have to be
    mapped back to the file's code units and fixes written back in its encoding. The error
    names the encoding and the conversion instead.
    """
    wide = wide_encoding(data)
    if wide is not None:
        name, order = wide
        raise InputError(
            f"encoded as {name} ({order}, with BOM); copydesk reads UTF-8 — "
            f"convert it with iconv -f {name} -t UTF-8"
        )
    if b"\x00" in data:
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
    from lint.text.readers import read_bounded

    fmt, prose, regions, notes = read_bounded(fmt or format_for(path), text, budget)
    ordered = sorted(regions, key=lambda r: (r.start, -r.end))
    return Document(path, text, fmt, prose, ordered, notes)
