"""Markdown reader: the prose view of a Markdown file and its region index.

The view keeps only what a reader of the rendered page reads as prose: the text leaves of
the marko tree (``RawText``), with character references and backslash escapes shown decoded.
Everything else is blanked by default: syntax characters, code (fenced, indented, inline),
raw HTML, autolinks and bare URLs, link destinations and titles, reference definitions and
front matter. Front matter is blanked *before* parsing because marko would read a YAML block
as a setext heading.

marko's ``source_span`` offsets index its line-ending-normalised copy of the input; we parse
a copy with CRLF folded to LF (marko maps lone CR and FF to LF itself, same length) and map
offsets back to the original, where ``\\r`` stays a countable character.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from marko import Markdown, block, inline
from marko.ext.gfm import elements as gfm

from lint.document import Region
from lint.prose import ProseBuilder, ProseText, blank
from lint.readers.entities import MD_REFERENCE, decode_reference
from lint.readers.frontmatter import front_matter_end

# Subtrees whose text is never prose (their spans are blanked wholesale).
_MASKED: tuple[type, ...] = (
    inline.CodeSpan,
    inline.InlineHTML,
    inline.AutoLink,  # includes gfm.Url (bare URLs)
    block.FencedCode,
    block.CodeBlock,
    block.HTMLBlock,
    block.LinkRefDef,
)
_CODE: tuple[type, ...] = (inline.CodeSpan, block.FencedCode, block.CodeBlock)

_parser: Markdown | None = None


def _markdown() -> Markdown:
    global _parser
    if _parser is None:
        _parser = Markdown(extensions=["gfm"])
    return _parser


Op = tuple[int, int, str | None]  # (start, end, None = keep with decoding | shown text)


class _Walker:
    """Collect keep/substitute operations and regions, in normalised offsets."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.ops: list[Op] = []
        self.regions: list[tuple[int, int, str, int]] = []

    def region(self, span: tuple[int, int] | None, kind: str, level: int = 0) -> None:
        if span is None:
            return
        start, end = span
        norm = self.norm
        # block spans include their trailing line break / blank space: trim it
        while end > start and norm[end - 1] in " \t\n\r\f":
            end -= 1
        if end > start:
            self.regions.append((start, end, kind, level))

    def visit(self, e: Any, lists: int = 0, quotes: int = 0) -> None:
        span = getattr(e, "source_span", None)
        if isinstance(e, inline.RawText):
            if span is not None and span[1] > span[0]:
                self.ops.append((span[0], span[1], None))
            return
        if isinstance(e, inline.Literal):
            if span is not None:
                self.ops.append((span[0], span[1], str(e.children)))
            return
        if isinstance(e, _MASKED):
            if isinstance(e, _CODE):
                self.region(span, "code")
            elif isinstance(e, block.HTMLBlock):
                self.region(span, "html")
            return
        if isinstance(e, block.Heading | block.SetextHeading):
            self.region(span, "heading", e.level)
        elif isinstance(e, block.Paragraph):
            self.region(span, "paragraph")
        elif isinstance(e, block.ListItem):
            lists += 1
            self.region(span, "list", lists)
        elif isinstance(e, block.Quote):
            quotes += 1
            self.region(span, "blockquote", quotes)
        elif isinstance(e, gfm.TableCell):
            self.region(span, "table")
        elif isinstance(e, inline.Link):
            syntax = e.syntax_spans
            if syntax and len(syntax) >= 2:
                self.region((syntax[0][1], syntax[1][0]), "link")
        children = e.children
        if isinstance(children, list):
            for child in children:
                self.visit(child, lists, quotes)


def _crlf_map(text: str) -> tuple[str, Callable[[int], int]]:
    """LF-normalised copy of ``text`` and the map from its offsets back to ``text``."""
    if "\r\n" not in text:
        return text, int
    norm = text.replace("\r\n", "\n")
    # normalised positions of the LFs that stood for a CRLF: each one before an offset
    # adds one dropped \r; an offset *at* such an LF maps to its \r (the line break start)
    folded: list[int] = []
    pos = text.find("\r\n")
    while pos != -1:
        folded.append(pos - len(folded))
        pos = text.find("\r\n", pos + 2)

    def to_original(offset: int) -> int:
        return offset + bisect_left(folded, offset)

    return norm, to_original


def _keep(builder: ProseBuilder, source: str, start: int, end: int) -> None:
    """Keep source[start:end] as prose, showing references and escapes decoded."""
    builder.blank(start)
    chunk = source[start:end]
    if "&" in chunk or "\\" in chunk:
        for m in MD_REFERENCE.finditer(chunk):
            decoded = decode_reference(m.group())
            if decoded is not None:
                builder.keep(start + m.start())
                builder.substitute(start + m.end(), decoded)
    builder.keep(end)


def read_markdown(text: str) -> tuple[ProseText, list[Region]]:
    norm, to_original = _crlf_map(text)
    regions: list[Region] = []
    fm_end = front_matter_end(norm)
    if fm_end:
        norm = blank(norm[:fm_end]) + norm[fm_end:]
        regions.append(Region(0, to_original(fm_end), "frontmatter"))
    walker = _Walker(norm)
    walker.visit(_markdown().parse(norm))

    builder = ProseBuilder(text)
    for start, end, shown in sorted(walker.ops, key=lambda op: op[0]):
        start, end = to_original(start), to_original(end)
        if start < builder.position:  # defensive: never consume the source out of order
            continue
        if shown is None:
            _keep(builder, text, start, end)
        else:
            builder.blank(start)
            builder.substitute(end, shown)
    regions.extend(
        Region(to_original(s), to_original(e), kind, level) for s, e, kind, level in walker.regions
    )
    return builder.finish(tail="blank"), regions
