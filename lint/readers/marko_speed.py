"""A faster, identical stand-in for marko's scan for link and emphasis delimiters.

marko's ``find_links_or_emphs`` walks a paragraph's inline text one character at a time in
Python and tries two regular expressions at every character: about a third of the time the
Markdown reader spends. The scan only ever acts on seven characters (backslash, backtick,
``[``, ``]``, ``!``, ``*``, ``_``); everywhere else it steps to the next character. This
version jumps from one of those characters to the next with one regex search and does the
same thing at each, in the same order, through marko's own helpers, so its result is the
same. It is installed only for the marko releases it was compared against
(tests/test_readers_markdown.py runs both on generated inline text).
"""

from __future__ import annotations

import re
from typing import Any

import marko
from marko import inline_parser

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


def install() -> bool:
    """Put the fast scan in marko's place when marko is a verified release."""
    if marko.__version__ not in VERIFIED:
        return False
    inline_parser.find_links_or_emphs = find_links_or_emphs
    return True
