"""Find ``<!-- … -->`` directives in one pass: each comment's text is read once.

A regex such as ``<!--\\s*copydesk-…([^>]*?)\\s*-->`` run with ``finditer`` retries every
``<!--`` up to the next ``>``, and its lazy body before ``\\s*`` retries every blank of a long
run: thousands of unclosed ``<!-- copydesk-disable`` (or one followed by 100,000 spaces) took
minutes. Here each comment is found with ``str.find`` (it ends at the first ``-->``), and a
directive is looked for only where the old regex could have matched: from the last ``>``
before the ``-->``, so ``<!-- note <!-- copydesk-disable -->`` is still read as a directive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Directive:
    start: int  # the directive's "<!--"
    end: int  # just after its "-->"
    head: re.Match[str]  # the prefix pattern's match: its groups name the directive
    body: int  # where the rest of the comment starts
    body_end: int  # where it ends, before the blanks that precede "-->"


def directives(text: str, prefix: re.Pattern[str]) -> Iterator[Directive]:
    """Each comment whose text, from a ``<!--`` after its last ``>``, opens with ``prefix``
    (a pattern that starts with ``<!--`` and never crosses a ``>``)."""
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        close = text.find("-->", start + 4)
        if close < 0:
            return  # no comment closes after this one: none can be a directive
        gt = text.rfind(">", start, close)
        head = prefix.search(text, start if gt < 0 else gt + 1, close + 3)
        if head is not None and head.end() <= close:
            body_end = close
            while body_end > head.end() and text[body_end - 1].isspace():
                body_end -= 1
            yield Directive(head.start(), close + 3, head, head.end(), body_end)
        pos = close + 3
