"""Faster, identical stand-ins for marko's hot spots (the Markdown reader's parser).

marko's ``find_links_or_emphs`` walks a paragraph's inline text one character at a time in
Python and tries two regular expressions at every character: about a third of the time the
Markdown reader spent. The scan only ever acts on seven characters (backslash, backtick,
``[``, ``]``, ``!``, ``*``, ``_``); everywhere else it steps to the next character. This
version jumps from one of those characters to the next with one regex search and does the
same thing at each, in the same order, through marko's own helpers, so its result is the
same. The block parser also hands the same few pattern strings to ``re.compile`` about
200,000 times per MB; a dictionary of compiled patterns answers those instead of re's cache,
and ``Source.expect_re`` (about 100,000 calls per MB) has the two small methods it calls
written in.

The block parser's loop (``Parser.parse_source``) asks every element type in turn whether it
opens at the next line; at a line opening on a letter only three can (table, indented code,
paragraph), and the other nine are not asked.

marko's inline ``parse`` also defines a token class anew for every paragraph; here it is made
once per parser. The others answer early where marko's answer is certain: three inline scans
that cannot match without a certain string (a bare URL needs "www.", "://" or "@", a code span
a backtick, a strikethrough a tilde); the HTML-block test, whose seven patterns all open with
``<``; the paragraph-break test on a line opening with a letter, where none of the eight
elements it tries can open; and the GFM table test on a line without ``|``. Each leaves the
parser's state as marko's own failure leaves it. All are installed only for the marko releases
they were compared against (tests/test_readers_markdown.py runs both versions on generated
inline text and generated documents).
"""

from __future__ import annotations

import re
from typing import Any

import marko
import marko.parser
from marko import block, inline, inline_parser, source
from marko.ext.gfm import elements as gfm

# the releases whose scan this mirrors; another release keeps its own scan
VERIFIED = frozenset({"2.2.4"})
_SPECIAL = re.compile(r"[\\`\[\]!*_]")
_DELIMITER = re.compile(r"(?:!?\[|\*+|_+)")  # marko's opener run: [, ![, ***, ___
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)([\s\S]+?)(?<!`)\1(?!`)")


def find_links_or_emphs(text: str, link_ref_defs: dict[str, tuple[str, str]]) -> list[Any]:
    delimiters: list[Any] = []
    matches: list[Any] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2  # an escaped character starts nothing
        elif ch == "`":
            span = _CODE_SPAN.match(text, i)
            i = span.end() if span else i + 1
        elif ch == "]":
            node = inline_parser.look_for_image_or_link(
                text, delimiters, i, link_ref_defs, matches
            )
            if node:
                matches.append(node)
                i = node.end()
            else:
                i += 1
        elif (opener := _DELIMITER.match(text, i)) is not None:
            delimiters.append(inline_parser.Delimiter(opener, text))
            i = opener.end()
        else:
            nxt = _SPECIAL.search(text, i + 1)
            i = nxt.start() if nxt else n
    inline_parser.process_emphasis(text, delimiters, None, matches)
    return matches


ORIGINAL = inline_parser.find_links_or_emphs
ORIGINAL_PARSE = inline_parser.parse


def _link_or_emph(parser: Any) -> type:
    """marko's ``LinkOrEmph`` token type for ``parser``, made once per parser (marko's
    ``parse`` defines the class anew for every paragraph, a few per cent of the reader)."""
    made: type | None = parser.__dict__.get("_lint_link_or_emph")
    if made is None:

        class LinkOrEmph(inline.InlineElement):
            parse_children = True

            def __new__(cls, match: Any) -> Any:
                return parser.inline_elements[match.etype](match)

        made = parser.__dict__["_lint_link_or_emph"] = LinkOrEmph
    return made


def parse(
    text: str, elements: list[Any], fallback: Any, source: source.Source,
    positions: Any = None,
) -> list[Any]:
    """marko's ``inline_parser.parse``, with the token type made once per parser."""
    token = inline_parser.Token
    link_or_emph = _link_or_emph(source.parser)
    tokens = [token(link_or_emph, m, text, fallback, positions)
              for m in find_links_or_emphs(text, source.root.link_ref_defs)]
    for etype in elements:
        for match in etype.find(text, source=source):
            tokens.append(token(etype, match, text, fallback, positions))
    tokens.sort()
    tokens = inline_parser._resolve_overlap(tokens)
    return inline_parser.make_elements(tokens, text, fallback=fallback, positions=positions)
_COMPILED: dict[str, re.Pattern[str]] = {}


def _compiled(regexp: re.Pattern[str] | str) -> re.Pattern[str]:
    """``regexp``, a string pattern compiled once per process."""
    if isinstance(regexp, str):
        compiled = _COMPILED.get(regexp)
        if compiled is None:
            compiled = _COMPILED[regexp] = re.compile(regexp)
        return compiled
    return regexp


def _expect_re(self: source.Source, regexp: re.Pattern[str] | str, pos: int) -> Any:
    """marko's ``Source._expect_re``, with string patterns compiled once per process."""
    return _compiled(regexp).match(self._buffer, pos)


_HTML_OPENING = re.compile(r" {,3}<")  # how each of HTMLBlock's seven start patterns opens
ORIGINAL_HTML_MATCH = block.HTMLBlock.match.__func__  # type: ignore[attr-defined]


def html_block_match(cls: type, source: source.Source) -> Any:
    """marko's ``HTMLBlock.match``: a line that does not open with ``<`` (after the container
    prefix and up to three spaces) is answered with one pattern instead of seven, leaving
    the source as the seven failures leave it."""
    if source.expect_re(_HTML_OPENING) is None:
        source.context.html_end = None
        return False
    return ORIGINAL_HTML_MATCH(cls, source)


# A line that opens, after spaces and tabs, on an ASCII letter: whatever the container prefix
# takes of those, no element that can interrupt a paragraph (a blank line, an ATX heading, a
# code fence, a quotation or alert, a list item, an HTML block, a thematic break) opens there.
_LETTER_LINE = re.compile(r"[ \t]*[A-Za-z]")
BREAKS_PARAGRAPH = frozenset({"BlankLine", "Heading", "FencedCode", "Quote", "Alert"})
ORIGINAL_BREAK = block.Paragraph.break_paragraph.__func__  # type: ignore[attr-defined]


def break_paragraph(cls: type, source: source.Source, lazy: bool = False) -> bool:
    """marko's ``Paragraph.break_paragraph``, answered at once for a line that opens on a
    letter (eight patterns tried on most lines of prose), leaving what its HTMLBlock.match
    leaves."""
    if _LETTER_LINE.match(source._buffer, source.pos):
        source.context.html_end = None
        return False
    return ORIGINAL_BREAK(cls, source, lazy)  # type: ignore[no-any-return]


ORIGINAL_TABLE_MATCH = gfm.Table.match.__func__  # type: ignore[attr-defined]


def table_match(cls: type, source: source.Source) -> Any:
    """marko's GFM ``Table.match``: a line without ``|`` cannot open a table (its header
    row must split on one), so it is refused without splitting it into cells."""
    line = source.next_line()
    if line is None or "|" not in line:
        source.anchor()
        return False
    return ORIGINAL_TABLE_MATCH(cls, source)


# each match of the element's pattern holds one of these strings (read from its pattern)
NEEDS: dict[type, tuple[str, ...]] = {
    gfm.Url: ("www.", "://", "@"),  # www_pattern; bare_pattern's URL or e-mail branch
    inline.CodeSpan: ("`",),
    gfm.Strikethrough: ("~",),
}
ORIGINAL_FIND = {element: element.find.__func__ for element in NEEDS}  # type: ignore[attr-defined]


def _needing(element: type, needs: tuple[str, ...]) -> Any:
    """``element.find``, skipped for a text holding none of ``needs``."""
    original = ORIGINAL_FIND[element]

    def find(cls: type, text: str, *, source: source.Source) -> Any:
        if cls is element and not any(need in text for need in needs):
            return iter(())
        return original(cls, text, source=source)

    return classmethod(find)


_LINE = re.compile(r"(?m)[^\n]*$\n?")  # the line next_line(require_prefix=False) reads
ORIGINAL_EXPECT = source.Source.expect_re
ORIGINAL_PREFIX = source.Source.prefix


def expect_re(self: source.Source, regexp: re.Pattern[str] | str) -> Any:
    """marko's ``Source.expect_re`` with ``next_line(require_prefix=False)`` and
    ``_expect_re`` written in (the block parser calls it about 100,000 times per MB), and the
    line and its prefix length read once per (position, prefix): each element type tried on
    a line asks again."""
    pos, prefix = self.pos, self.prefix
    memo = self.__dict__.get("_line_memo")
    if memo is None or memo[0] != pos or memo[1] != prefix:
        line = _LINE.match(self._buffer, pos)
        prefix_len = self.match_prefix(prefix, line.group())  # type: ignore[union-attr]
        self.__dict__["_line_memo"] = (pos, prefix, line, prefix_len)
    else:
        line, prefix_len = memo[2], memo[3]
    self.match = line
    if prefix_len < 0:
        return None
    match = _compiled(regexp).match(self._buffer, pos + prefix_len)
    self.match = match
    return match


def prefix(self: source.Source) -> str:
    """marko's ``Source.prefix``, joining a list rather than a generator."""
    return "".join([state._prefix for state in self._states])


# The element types that cannot open on a line whose text (after the container prefix) is up
# to three spaces and an ASCII letter: each pattern wants, after at most three spaces, one of
# # > < [ ` ~ - _ * + or a digit, and a blank line is blank. Each failure leaves only
# ``source.match`` (None) and HTMLBlock's ``html_end`` (None) behind.
_LETTER_OPENING = re.compile(r" {0,3}[A-Za-z]")
NO_LETTER_OPENING = (
    block.ThematicBreak, block.FencedCode, gfm.Alert, block.Heading, block.List, block.Quote,
    block.BlankLine, block.HTMLBlock, block.LinkRefDef,
)
ORIGINAL_PARSE_SOURCE = marko.parser.Parser.parse_source


def _remaining(elements: list[Any], cannot: tuple[type, ...]) -> list[Any] | None:
    """The element types left to try when none of ``cannot`` can open the line, in order, or
    None unless those come first in the list (skipping them must change no outcome)."""
    skipped = [e in cannot for e in elements]
    if not any(skipped) or skipped != sorted(skipped, reverse=True):
        return None
    return [e for e in elements if e not in cannot]


def _letter_list(parser: Any, elements: list[Any]) -> list[Any] | None:
    """:func:`_remaining` for a letter-led line, made once per parser and element list."""
    key = tuple(elements)
    cached = parser.__dict__.get("_lint_letter_list")
    if cached is None or cached[0] != key:
        cached = (key, _remaining(elements, NO_LETTER_OPENING))
        parser.__dict__["_lint_letter_list"] = cached
    return cached[1]  # type: ignore[no-any-return]


def parse_source(self: Any, source: source.Source) -> list[Any]:
    """marko's ``Parser.parse_source``; at a line opening on a letter (most lines of prose)
    the nine element types that cannot open there are not asked."""
    element_list = self._build_block_element_list()
    letter_list = _letter_list(self, element_list)
    ast: list[Any] = []
    while not source.exhausted:
        start = source._current_pos
        candidates = element_list
        if letter_list is not None and source.expect_re(_LETTER_OPENING) is not None:
            source.context.html_end = None
            source.match = None
            candidates = letter_list
        for ele_type in candidates:
            if ele_type.match(source):
                result = ele_type.parse(source)
                end = source.pos
                if not hasattr(result, "priority"):
                    result = ele_type(result)
                if result.source_span is None:
                    result.source_span = (start, end)
                ast.append(result)
                break
        else:
            break
    return ast


def install() -> bool:
    """Put the fast versions in marko's place when marko is a verified release."""
    if marko.__version__ not in VERIFIED:
        return False
    inline_parser.find_links_or_emphs = find_links_or_emphs
    inline_parser.parse = parse
    source.Source._expect_re = _expect_re  # type: ignore[method-assign]
    source.Source.expect_re = expect_re  # type: ignore[method-assign]
    source.Source.prefix = property(prefix)  # type: ignore[method-assign,assignment]
    block.HTMLBlock.match = classmethod(html_block_match)  # type: ignore[method-assign,assignment]
    block.Paragraph.break_paragraph = classmethod(break_paragraph)  # type: ignore[method-assign,assignment]
    gfm.Table.match = classmethod(table_match)  # type: ignore[method-assign,assignment]
    marko.parser.Parser.parse_source = parse_source  # type: ignore[method-assign]
    for element, needs in NEEDS.items():
        element.find = _needing(element, needs)  # type: ignore[attr-defined]
    return True
