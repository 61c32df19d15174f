"""Markdown reader: the prose view of a Markdown file and its region index.

The parser is pulldown-cmark (through pyromark): CommonMark with GFM tables, strikethrough,
task lists and alerts, linear in its input by design (nested quotes, unclosed links and runs of
delimiters cost no more than plain text), and it reports the source range of every event. The
view keeps only what a reader of the rendered page reads as prose: the text events, with
character references and backslash escapes shown decoded. Everything else is blanked: syntax
characters, code (fenced, indented, inline), raw HTML, autolinks and bare URLs (found in the
text by parts.gfm_urls, as pulldown-cmark has no GFM autolinks), link destinations and
titles, reference definitions and front matter (but for its top-level string values, shown as
written). Front matter is blanked *before* parsing (the same length, so no offset moves) because
a YAML block would read as a setext heading.

pulldown-cmark reads CRLF and lone CR itself and reports UTF-8 byte ranges into the text it was
given; they become code points once, here (copydesk.text.readers.parts.byte_offsets).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import pyromark

from ...prose import ProseBuilder, ProseText, blank
from ...regions import Region
from .byte_offsets import ByteOffsets
from .classed_tags import ClassedTags
from .frontmatter import front_matter_end, front_matter_values
from .gfm_urls import NEEDS, find_links

# GFM as marko's "gfm" extension read it before: tables, ~~strike~~, task lists, alerts.
# Footnotes, math, metadata blocks (front matter is blanked before parsing) stay off.
OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_GFM
)
_PARSER = pyromark.Markdown(options=OPTIONS)

# Block containers: an inline event straight inside an item (a tight list's item, which
# pulldown-cmark gives no Paragraph) opens an implicit paragraph that any of these closes.
_BLOCKS = frozenset(
    {"Paragraph", "Heading", "BlockQuote", "CodeBlock", "HtmlBlock", "List", "Item", "Table",
     "TableHead", "TableRow", "TableCell", "MetadataBlock", "FootnoteDefinition"}
)
_MASKS = frozenset({"CodeBlock", "HtmlBlock", "MetadataBlock"})  # whose text is not prose
_AUTOLINKS = frozenset({"Autolink", "Email"})
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

Span = tuple[int, int, str | None]  # source [start, end): None = kept as is, else shown text
Stretch = tuple[int, int]  # source [start, end)
# an inline HTML tag: an end tag, or a start tag and its class attribute, if any
_INLINE_TAG = re.compile(
    r"<(?P<end>/)?(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s[^>]*)?)>", re.S)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


class _Walker:
    """Text spans and regions from the event stream, in byte offsets."""

    def __init__(self) -> None:
        self.texts: list[tuple[int, int, str]] = []
        self.regions: list[tuple[int, int, str, int]] = []
        self.cells: list[tuple[int, int, int]] = []  # table cells (level 1: a header cell)
        self.links: list[tuple[int, int]] = []  # (byte after '[', byte where to look for ']')
        self.alts: list[tuple[int, int]] = []  # an image's alt text, as ``links``
        self.head = False  # inside a table's header row
        self.blocks: list[str] = []  # open block containers, innermost last
        self.tags: list[tuple[str, int]] = []  # every open tag and its region's index
        self.masked = self.lists = self.quotes = 0
        self.implicit: list[int] | None = None  # open implicit paragraph [start, end]
        self.last = 0  # end of the latest inline leaf, for a link's closing bracket
        self.html = ClassedTags()  # inline HTML elements (all of them: "</b>" pairs with "<b>")
        self.bold: list[int] = []  # where each open **strong** span starts

    def inline(self, start: int, end: int) -> None:
        """Note an inline event: straight inside an item it belongs to an implicit paragraph."""
        if self.blocks and self.blocks[-1] == "Item":
            if self.implicit is None:
                self.implicit = [start, end]
            else:
                self.implicit[1] = max(self.implicit[1], end)

    def close_implicit(self) -> None:
        if self.implicit is not None:
            self.regions.append((self.implicit[0], self.implicit[1], "paragraph", 0))
            self.implicit = None

    def walk(self, events: Any) -> None:
        for event, span in events:
            start, end = span["start"], span["end"]
            if type(event) is str:  # SoftBreak, HardBreak, Rule
                if event == "Rule":
                    self.close_implicit()
                else:
                    self.last = end
                    self.inline(start, end)
                continue
            key, value = next(iter(event.items()))
            if key == "Text":
                if not self.masked:
                    self.texts.append((start, end, value))
                self.last = end
                self.inline(start, end)
            elif key == "Start":
                self.start(value if type(value) is str else next(iter(value)), value, start, end)
            elif key == "End":
                self.end(start, end)
            elif key == "Html":
                continue  # a line of an HTML block, blanked with it
            else:  # Code, InlineHtml, TaskListMarker …: inline, never prose
                if key == "Code":
                    self.regions.append((start, end, "code", 0))
                elif key == "InlineHtml":
                    self.inline_html(value, start)
                elif key == "TaskListMarker" and self.tags and self.tags[-1][0] == "Paragraph":
                    # a loose item's paragraph starts after its marker; the region covers it
                    index = self.tags[-1][1]
                    s, e, kind, level = self.regions[index]
                    self.regions[index] = (min(s, start), e, kind, level)
                self.last = end
                self.inline(start, end)
        self.close_implicit()

    def inline_html(self, html: str, start: int) -> None:
        """Pair inline start and end tags, so that an element with a class is a region (the
        text between them); a tag left open at its paragraph's end covers nothing."""
        tag = _INLINE_TAG.fullmatch(html)
        if tag is None:
            return
        name = tag["tag"].lower()
        if tag["end"]:
            self.html.end(name, start)
        elif not tag["attrs"].rstrip().endswith("/"):
            found = _CLASS.search(tag["attrs"])
            classes = next(g for g in found.groups() if g is not None) if found else ""
            self.html.start(name, start, classes)

    def start(self, name: str, value: Any, start: int, end: int) -> None:
        index = -1
        if name in _BLOCKS:
            self.close_implicit()
            self.blocks.append(name)
            kind, level = "", 0
            if name == "Paragraph":
                kind = "paragraph"
            elif name == "Heading":
                kind, level = "heading", int(value["Heading"]["level"][1])
            elif name == "Item":
                self.lists += 1
                kind, level = "list", self.lists
            elif name == "BlockQuote":
                self.quotes += 1
                kind, level = "blockquote", self.quotes
            elif name == "CodeBlock":
                kind = "code"
            elif name == "HtmlBlock":
                kind = "html"
            elif name == "TableCell":
                self.cells.append((start, end, 1 if self.head else 0))
            elif name == "TableHead":
                self.head = True
            if name in _MASKS:
                self.masked += 1
            if kind:
                index = len(self.regions)
                self.regions.append((start, end, kind, level))
        else:
            self.inline(start, end)
            if name == "Link":
                if value["Link"]["link_type"] in _AUTOLINKS:
                    name = "Autolink"
                    self.masked += 1
                else:
                    self.last = start + 1
            elif name == "Image":
                self.last = start + 2
            elif name == "Strong":
                self.bold.append(start)
        self.tags.append((name, index))

    def end(self, start: int, end: int) -> None:
        name, _ = self.tags.pop()
        if name in _BLOCKS:
            self.html.forget()
            self.close_implicit()
            self.blocks.pop()
            if name == "Item":
                self.lists -= 1
            elif name == "TableHead":
                self.head = False
            elif name == "BlockQuote":
                self.quotes -= 1
            if name in _MASKS:
                self.masked -= 1
            return
        if name == "Autolink":
            self.masked -= 1
        elif name == "Link":
            self.links.append((start + 1, self.last))
        elif name == "Image":
            self.alts.append((start + 2, self.last))
        elif name == "Strong" and self.bold:
            self.regions.append((self.bold.pop(), end, "strong", 0))
        self.last = end
        self.inline(start, end)


def _text_spans(source: str, texts: list[tuple[int, int, str]], at: ByteOffsets) -> list[Span]:
    """Kept and substituted source spans in order: a text event whose source differs is a
    character reference (shown decoded); one right after a lone escaping backslash is an
    escape, the backslash and its character shown as the character."""
    out: list[Span] = []
    position = 0
    for bstart, bend, shown in texts:
        start, end = at(bstart), at(bend)
        if start < position:  # defensive: never consume the source out of order
            continue
        chunk = source[start:end]
        if chunk == shown:
            if start > position and source[start - 1] == "\\" and shown[:1] in _ESCAPABLE:
                out.append((start - 1, start + 1, shown[0]))
                start += 1
            if end > start:
                out.append((start, end, None))
        elif chunk.startswith("&") and chunk.endswith(";"):
            out.append((start, end, shown))
        else:
            out.append((start, end, None))  # not a known difference: the source as written
        position = end
    return out


def _without(spans: list[Span], holes: list[tuple[int, int]]) -> list[Span]:
    """``spans`` less the sorted, disjoint ``holes``: a kept span is cut around them; a
    substituted one (a reference or escape) is dropped inside one, kept whole across its edge
    (``www.x.org\\*``: the link ends before the escape)."""
    out: list[Span] = []
    k = 0
    for start, end, shown in spans:
        while k < len(holes) and holes[k][1] <= start:
            k += 1
        if shown is not None:
            if k == len(holes) or not holes[k][0] <= start < end <= holes[k][1]:
                out.append((start, end, shown))
            continue
        j = k
        while j < len(holes) and holes[j][0] < end:
            if holes[j][0] > start:
                out.append((start, holes[j][0], None))
            start = max(start, holes[j][1])
            j += 1
        if end > start:
            out.append((start, end, None))
    return out


def _bare_links(source: str, walker: _Walker, at: ByteOffsets) -> list[tuple[int, int]]:
    """The bare URLs and e-mail addresses of every block of inline text, in order."""
    blocks = [(s, e) for s, e, kind, _ in walker.regions if kind in ("paragraph", "heading")]
    links: list[tuple[int, int]] = []
    cells = [(s, e) for s, e, _ in walker.cells]
    for start, end in sorted(blocks + cells):
        links.extend(find_links(source, at(start), at(end)))
    return links


def build_view(source: str, segments: list[Span], *, fast: bool = True) -> ProseText:
    """The view: segments shown, the gaps between them blanked, but for the inline marks
    dropped between two segments of one line (:func:`_dropped`).

    When no segment changes length the view is an identity copy, and joining strings
    directly is several times cheaper than recording pieces with ``ProseBuilder``.
    """
    drops = _dropped(source, segments)
    identity = not drops and all(
        shown is None or len(shown) == end - start for start, end, shown in segments)
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
        if builder.position in drops:
            builder.substitute(start, drops[builder.position])
        builder.blank(start)
        if shown is None:
            builder.keep(end)
        else:
            builder.substitute(end, shown)
    return builder.finish(tail="blank")


# marks, code spans, a link's address, and inline HTML tags and comments. Each piece can be
# read one way only and the run is never given back (an atomic group): a gap of many comments
# or tags that fails at its end must not try every way of splitting it (that was
# exponential). (A link's "](" comes before the lone "]", which would otherwise take it first
# for good. The run is ``(?>(?:…)+)``, not the possessive ``(?:…)++``: CPython 3.11 raises
# SystemError on a possessive repeat holding a capturing group, the code span's backticks.)
_MARKS = re.compile(r"(?>(?:\]\([^()\s]*+\)|[*_~\[\]!]|(?>(`+)[^`\r\n]*?\1)"
                    r"|<!--(?:[^-]|-(?!->))*+-->|</?[A-Za-z][A-Za-z0-9-]*+(?:\s[^<>\r\n]*+|/)?>)+)")
# what a code span shows in the view: Vale's placeholder for inline code it does not lint (it
# writes the code's length in asterisks; one is enough here, and reads better in a message),
# so "select the `JSON` tab" keeps one space on each side of it and no rule reads the code
CODE_PLACEHOLDER = "*"


def _dropped(source: str, segments: list[Span]) -> dict[int, str]:
    """Where a gap between two shown segments of one line starts, and what it shows, when
    the gap is only emphasis marks (``**``, ``_``, ``~~``), a link's brackets and address,
    inline HTML or code spans, with a space or punctuation beside it: it is left out of the
    view rather than blanked, so "In the **Plan** field, see [the note](/n)." reads "In the
    Plan field, see the note.", as Vale's text has it, and no rule sees a run of spaces the
    writer never typed; a gap holding a code span shows :data:`CODE_PLACEHOLDER`. An e-mail
    autolink stays blank, for the rules that read it by its place; so do marks between two
    letters ("a*b*c" is not "abc") and at the start of a line (a list item's bullet)."""
    drops: dict[int, str] = {}
    for (_, prev_end, _), (start, _, _) in itertools.pairwise(segments):
        if start <= prev_end or prev_end == 0:
            continue
        before, after = source[prev_end - 1], source[start]
        if before in "\r\n" or (before.isalnum() and after.isalnum()):
            continue
        if _MARKS.fullmatch(source, prev_end, start):
            drops[prev_end] = CODE_PLACEHOLDER if "`" in source[prev_end:start] else ""
    return drops


def _regions(source: str, walker: _Walker, at: ByteOffsets) -> list[Region]:
    out: list[Region] = []
    spans = [(at(s), at(e), kind, level) for s, e, kind, level in walker.regions]
    spans += [(at(s), at(e), "table", level) for s, e, level in walker.cells]
    for kind, found in (("link", walker.links), ("alt", walker.alts)):
        for after, look in found:
            start = at(after)
            close = source.find("]", at(look))
            spans.append((start, close if close != -1 else start, kind, 0))
    out.extend(Region(at(s), at(e), "classed", key=k) for s, e, k in walker.html.spans)
    for start, end, kind, level in spans:
        # block ranges include their trailing line break / blank lines, a cell its padding
        while end > start and source[end - 1] in " \t\n\r\f":
            end -= 1
        while kind == "table" and start < end and source[start] in " \t":
            start += 1
        if end > start:
            out.append(Region(start, end, kind, level))
    return out


def _display_math(source: str, regions: list[Region]) -> tuple[list[Region], list[Stretch]]:
    """A paragraph that is a display-math block (``$$`` on its first and last lines) is code,
    not prose, as Vale reads it; inline ``$…$`` stays text (prices, "$5-$10")."""
    math = [(r.start, r.end) for r in regions if r.kind == "paragraph" and r.end - r.start > 4
            and source.startswith("$$", r.start) and source.endswith("$$", r.start, r.end)]
    if not math:
        return regions, []
    spans = set(math)
    kept = [Region(r.start, r.end, "code") if (r.start, r.end) in spans and r.kind == "paragraph"
            else r for r in regions]
    return kept, math


def read_spans(text: str) -> tuple[list[Span], list[Region]]:
    """The view's segments (kept or substituted source spans, in order) and the regions."""
    regions: list[Region] = []
    parsed = text
    fm_end = front_matter_end(text)
    values = front_matter_values(text, fm_end) if fm_end else []
    if fm_end:
        parsed = blank(text[:fm_end]) + text[fm_end:]
        regions.append(Region(0, fm_end, "frontmatter"))
        regions.extend(Region(s, e, "frontmatter-value", key=k) for s, e, k in values)
    walker = _Walker()
    walker.walk(_PARSER.events_with_range(parsed))
    at = ByteOffsets(parsed)
    spans = _text_spans(text, walker.texts, at)
    if any(need in text for need in NEEDS):
        spans = _without(spans, _bare_links(text, walker, at))
    found = _regions(text, walker, at)
    if "$$" in text:
        found, math = _display_math(text, found)
        spans = _without(spans, math)
    regions.extend(found)
    # the front matter's string values are shown (a title is prose, and Vale lints them);
    # rules of copydesk's own pack format leave them alone (copydesk.analysis.scopes)
    return [(s, e, None) for s, e, _ in values] + spans, regions


def read_markdown(text: str) -> tuple[ProseText, list[Region]]:
    spans, regions = read_spans(text)
    return build_view(text, spans), regions
