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

marko parses by recursion, a frame or two per level of nesting: a file nested hundreds of
levels deep, which would exhaust Python's stack, is read as plain text instead.
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
from lint.readers.marko_speed import install as _install_fast_scan

_install_fast_scan()

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
        role = _ROLES.get(type(e)) or _role(type(e))
        span = e.source_span
        if role == "text":
            if span is not None and span[1] > span[0]:
                self.ops.append((span[0], span[1], None))
            return
        if role == "escape":
            if span is not None:
                self.ops.append((span[0], span[1], str(e.children)))
            return
        if role == "mask":
            return
        if role in ("code", "html", "paragraph", "table"):
            self.region(span, role)
            if role != "paragraph" and role != "table":
                return
        elif role == "heading":
            self.region(span, "heading", e.level)
        elif role == "list":
            lists += 1
            self.region(span, "list", lists)
        elif role == "blockquote":
            quotes += 1
            self.region(span, "blockquote", quotes)
        elif role == "link":
            syntax = e.syntax_spans
            if syntax and len(syntax) >= 2:
                self.region((syntax[0][1], syntax[1][0]), "link")
        children = e.children
        if isinstance(children, list):
            for child in children:
                self.visit(child, lists, quotes)


# What each marko element class means to the reader, worked out once per class.
_ROLES: dict[type, str] = {}
_ROLE_OF: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (inline.RawText, "text"),
    (inline.Literal, "escape"),
    (_CODE, "code"),
    (block.HTMLBlock, "html"),
    (_MASKED, "mask"),
    ((block.Heading, block.SetextHeading), "heading"),
    (block.Paragraph, "paragraph"),
    (block.ListItem, "list"),
    (block.Quote, "blockquote"),
    (gfm.TableCell, "table"),
    (inline.Link, "link"),
)


def _role(cls: type) -> str:
    role = next((name for base, name in _ROLE_OF if issubclass(cls, base)), "container")
    _ROLES[cls] = role
    return role


def _crlf_map(text: str) -> tuple[str, Callable[[int], int]]:
    """LF-normalised copy of ``text`` and the map from its offsets back to ``text``."""
    if "\r\n" not in text:
        return text, int
    # lone CRs become LF too (same length): left alone, "\r\r\n" would fold to a new "\r\n"
    # that marko folds once more, shifting every later offset
    norm = text.replace("\r\n", "\n").replace("\r", "\n")
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


Segment = tuple[int, int, str | None]  # source [start, end): None = kept as is, else shown text


def _segments(source: str, ops: list[Op], to_original: Callable[[int], int]) -> list[Segment]:
    """Kept and substituted source spans, in order; references inside kept text split out."""
    out: list[Segment] = []
    position = 0
    for start, end, shown in sorted(ops, key=lambda op: op[0]):
        start, end = to_original(start), to_original(end)
        if start < position:  # defensive: never consume the source out of order
            continue
        position = end
        if shown is not None:
            out.append((start, end, shown))
            continue
        chunk = source[start:end]
        kept = start  # start of the not yet emitted kept text
        if "&" in chunk or "\\" in chunk:
            for m in MD_REFERENCE.finditer(chunk):
                decoded = decode_reference(m.group())
                if decoded is not None:
                    if start + m.start() > kept:
                        out.append((kept, start + m.start(), None))
                    out.append((start + m.start(), start + m.end(), decoded))
                    kept = start + m.end()
        if end > kept:
            out.append((kept, end, None))
    return out


def build_view(source: str, segments: list[Segment], *, fast: bool = True) -> ProseText:
    """The view: segments shown, the gaps between them blanked.

    When no segment changes length the view is an identity copy, and joining strings
    directly is several times cheaper than recording pieces with ``ProseBuilder``.
    """
    identity = all(shown is None or len(shown) == end - start for start, end, shown in segments)
    if fast and identity:
        parts: list[str] = []
        position = 0
        for start, end, shown in segments:
            if start > position:
                parts.append(blank(source[position:start]))
            parts.append(source[start:end] if shown is None else shown)
            position = end
        parts.append(blank(source[position:]))
        return ProseText("".join(parts), len(source))
    builder = ProseBuilder(source)
    for start, end, shown in segments:
        builder.blank(start)
        if shown is None:
            builder.keep(end)
        else:
            builder.substitute(end, shown)
    return builder.finish(tail="blank")


def read_markdown(text: str) -> tuple[ProseText, list[Region]]:
    try:
        return _read(text)
    except RecursionError:
        # marko parses nested blocks and emphasis by recursion, a frame or two per level, so
        # a few hundred levels ("> > > …", a list indented 400 times, 500 pairs of "*")
        # exhaust Python's stack. No real copy nests so deep: read such a file as plain text
        # rather than lose the run to it (the parser is rebuilt, in case it kept any state).
        global _parser
        _parser = None
        from lint.readers.text import read_text

        return read_text(text)


def _read(text: str) -> tuple[ProseText, list[Region]]:
    norm, to_original = _crlf_map(text)
    regions: list[Region] = []
    fm_end = front_matter_end(norm)
    if fm_end:
        norm = blank(norm[:fm_end]) + norm[fm_end:]
        regions.append(Region(0, to_original(fm_end), "frontmatter"))
    walker = _Walker(norm)
    walker.visit(_markdown().parse(norm))
    prose = build_view(text, _segments(text, walker.ops, to_original))
    regions.extend(
        Region(to_original(s), to_original(e), kind, level) for s, e, kind, level in walker.regions
    )
    return prose, regions
