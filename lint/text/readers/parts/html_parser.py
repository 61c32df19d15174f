"""HTML reader: the prose view of an HTML file and its region index.

The view keeps text content; tags, comments, the doctype, processing instructions and the
content of ``<script>``, ``<style>``, ``<pre>`` and ``<code>`` (code is never prose, as in the
Markdown reader) are blanked. Character references, named or numeric, are shown decoded so
``it&rsquo;s`` reads as one word. Regions: h1-h6 heading, p paragraph, li list item,
blockquote, td/th/caption table (the level says which part), a link, strong/b bold text,
pre/code code, and every element with a class attribute (``classed``, its classes as the key:
a Vale project's IgnoredClasses leaves them out; see :mod:`.classed_tags`), from its start tag
to its end tag.

Text outside any ``<p>`` or heading ("<div>Text</div>", "<li>item", text after "</p>", a body
with no tags) is a paragraph too, as a browser lays it out in an anonymous block: it runs from
its first word to the next block-level tag, or to two ``<br>`` with no word between them (the
blank line old pages put between paragraphs). Without it such text lay outside every block, and
a rule asking for the sentence around a word there found none.

The stdlib parser reports where each event starts as (line, column); a line-start table turns
that into a source offset. The parser counts only ``\\n`` as a line break, and so does that
table (its own lines, not ``LineIndex``'s, which also ends one at a lone ``\\r``).
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from ...prose import ProseBuilder, ProseText
from ...regions import Region
from .classed_tags import ClassedTags

_REGION_KIND = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "p": "paragraph",
    "li": "list",
    "blockquote": "blockquote",
    "td": "table",
    "th": "table",
    "caption": "table",
    "a": "link",
    "strong": "strong",
    "b": "strong",
    "pre": "code",
    "code": "code",
}
# Containers that end an open list item / cell when they close; tracked on the stack.
_BARRIERS = frozenset({"ul", "ol", "table", "tr"})
_CODE = frozenset({"pre", "code"})
# A start tag of one of these ends an open <p> (the HTML "p end tag may be omitted" rule).
_CLOSES_P = frozenset(
    "address article aside blockquote details div dl fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section table ul li td th tr".split()
)
# Tags that start a new block: they end a run of bare text (an anonymous paragraph).
_BLOCK_LEVEL = _CLOSES_P | frozenset("li dd dt caption body head html title".split())
# a table region's level says which part it is (copydesk.analysis.context.TABLE_PARTS)
_TABLE_PART = {"th": 1, "caption": 2}
_TEXT_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6".split())
_SPACE = " \t\r\n\f"


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = ProseBuilder(source)
        self.regions: list[Region] = []
        self.stack: list[tuple[str, int]] = []  # (tag, content start)
        self.code_depth = 0
        self.text_depth = 0  # open <p> and heading elements
        self.run: int | None = None  # where the current run of bare text started
        self.br: int | None = None  # where a <br> after the run's last word starts
        self.classed = ClassedTags()  # the elements with a class (only those are tracked)
        starts = [0]
        pos = source.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = source.find("\n", pos + 1)
        self.line_starts = starts

    def here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # -- regions -------------------------------------------------------------------------

    def close_to(self, index: int, at: int) -> None:
        """Close every open element from stack[index] up, ending them at ``at``."""
        while len(self.stack) > index:
            tag, start = self.stack.pop()
            if tag in _CODE:
                self.code_depth -= 1
            if tag in _TEXT_BLOCKS:
                self.text_depth -= 1
            kind = _REGION_KIND.get(tag)
            if kind is not None:
                level = int(tag[1]) if kind == "heading" else self.depth(tag)
                self.add_region(start, at, kind, level)

    def add_region(self, start: int, end: int, kind: str, level: int = 0) -> None:
        """The region [start, end) trimmed of white space, if anything is left."""
        while start < end and self.source[start] in _SPACE:
            start += 1
        while end > start and self.source[end - 1] in _SPACE:
            end -= 1
        if end > start:
            self.regions.append(Region(start, end, kind, level))

    def text_seen(self, start: int, shown: str) -> None:
        """Prose at ``start``: outside a <p> or heading it opens an anonymous paragraph."""
        if shown and not shown.isspace():
            self.br = None
            if self.run is None and not self.text_depth:
                self.run = start

    def line_break(self, start: int) -> None:
        """A <br>: the second with no word since the first ends a run of bare text there."""
        if self.run is None:
            return
        if self.br is None:
            self.br = start
        else:
            self.end_run(self.br)

    def end_run(self, at: int) -> None:
        if self.run is not None:
            self.add_region(self.run, at, "paragraph")
            self.run = self.br = None

    def depth(self, tag: str) -> int:
        """Nesting depth of the element being closed (lists count ul/ol; quotes count quotes)."""
        if tag == "li":
            return max(1, sum(1 for t, _ in self.stack if t in ("ul", "ol")))
        if tag == "blockquote":
            return 1 + sum(1 for t, _ in self.stack if t == "blockquote")
        return _TABLE_PART.get(tag, 0)

    def open_index(self, tags: frozenset[str] | set[str], stop: frozenset[str]) -> int:
        """Index of the innermost open element in ``tags``, not looking past ``stop`` tags."""
        for i in range(len(self.stack) - 1, -1, -1):
            tag = self.stack[i][0]
            if tag in tags:
                return i
            if tag in stop:
                break
        return -1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.here()
        text = self.get_starttag_text() or ""
        classes = " ".join(v for k, v in attrs if k == "class" and v)
        if classes.strip():
            self.classed.start(tag, start, classes)
        if tag in _BLOCK_LEVEL:
            self.end_run(start)
        elif tag == "br":
            self.line_break(start)
        if tag in _CLOSES_P:
            i = self.open_index({"p"}, _BARRIERS)
            if i >= 0:
                self.close_to(i, start)
        if tag == "li":
            i = self.open_index({"li"}, frozenset({"ul", "ol"}))
            if i >= 0:
                self.close_to(i, start)
        elif tag in ("td", "th", "tr"):
            cells = {"td", "th", "tr"} if tag == "tr" else {"td", "th"}
            i = self.open_index(cells, frozenset({"table"}))
            if i >= 0:
                self.close_to(i, start)
        if tag in _REGION_KIND or tag in _BARRIERS:
            self.stack.append((tag, start + len(text)))
            if tag in _CODE:
                self.code_depth += 1
            if tag in _TEXT_BLOCKS:
                self.text_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.classed.open:
            self.classed.end(tag, self.here())
        if tag in _BLOCK_LEVEL:
            self.end_run(self.here())
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                self.close_to(i, self.here())
                return
        if tag in _CLOSES_P or tag in ("body", "html"):
            i = self.open_index({"p"}, _BARRIERS)
            if i >= 0:
                self.close_to(i, self.here())

    # -- robustness ------------------------------------------------------------------------
    # The stdlib's declaration scanners raise AssertionError on malformed input such as
    # "<![alt" or "<!DOCTYPE x [": read those, as browsers do, as a bogus comment up to ">".

    def _bogus(self, i: int, where: tuple[int, int]) -> int:
        # the scanner may have moved the position before raising: put it back, since
        # goahead() advances it again from i
        self.lineno, self.offset = where
        j = self.rawdata.find(">", i + 2)
        return -1 if j < 0 else j + 1

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        where = self.getpos()
        try:
            return int(super().parse_marked_section(i, report))
        except AssertionError:
            return self._bogus(i, where)

    def parse_declaration(self, i: int) -> int:
        where = self.getpos()
        try:
            return int(super().parse_declaration(i))
        except AssertionError:
            return self._bogus(i, where)

    # -- view ----------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.cdata_elem is not None or self.code_depth:
            return  # script/style/code content: left to the default blanking
        start = self.here()
        self.text_seen(start, data)
        self.builder.blank(start)
        self.builder.keep(start + len(data))

    def _reference(self, length: int) -> None:
        if self.code_depth:
            return
        start = self.here()
        end = start + length
        if self.source.startswith(";", end):
            end += 1
        raw = self.source[start:end]
        self.builder.blank(start)
        decoded = unescape(raw)
        self.text_seen(start, decoded)
        if decoded == raw:
            self.builder.keep(end)
        else:
            self.builder.substitute(end, decoded)

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))


def read_html(text: str) -> tuple[ProseText, list[Region]]:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    reader.end_run(len(text))
    reader.close_to(0, len(text))
    reader.classed.end_all(len(text))
    regions = reader.regions + [Region(s, e, "classed", key=k) for s, e, k in reader.classed.spans]
    return reader.builder.finish(tail="blank"), regions
