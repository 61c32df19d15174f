"""What stands between a sentence's, block's or line's start and a quotation: nothing but blanks
and perhaps a drafting label ("Quote:", "Pull quote:"). Attribution asks this of every quotation;
here each start's blanks are measured once and a line's label is looked for only in the few
characters before the quotation, so a sentence of thousands of quotations is not read again
for each (which was quadratic).
"""

from __future__ import annotations

import re

from ..text.draft_labels import DRAFT_LABELS

_LABEL_ALT = "|".join(map(re.escape, DRAFT_LABELS))
# only whitespace (block-quote markers blanked by the reader) and an optional label
_LABEL = re.compile(r"[\s>]*(?:(?:" + _LABEL_ALT + r")\s*:\s*)?$")
_BLANKS = re.compile(r"[\s>]*")  # what _LABEL allows before its label
# a label at the start of the quotation's line, after an introduction on the line before
# (possessive: handing blanks from the first run to the second cannot help, and on a long run
# of them made each try quadratic)
_LINE_LABEL = re.compile(r"(?:^|\n)[ \t>]*+(?:(?:" + _LABEL_ALT + r")\s*:)?[ \t]*$")
# what that line may hold: a line label is looked for in the last _LINE_REACH characters
# before the quotation, and further back only when they hold nothing else
_LABEL_CHARS = frozenset("".join(DRAFT_LABELS)) | frozenset(" \t\n\r\f\v>:")
_LINE_REACH = 256


class Openings:
    """The label look-ups of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._leads: dict[int, int] = {}  # a sentence's or block's start: the blanks after it

    def label_only(self, start: int, end: int) -> bool:
        """``_LABEL.fullmatch(text, start, end)``: only blanks and a drafting label from a
        sentence's or block's start to a quotation. The blanks at a start are measured once
        (asked from every quotation of a sentence, the pattern read them all again each time);
        a label opens with a letter, so it can only follow all of them."""
        lead = self._leads.get(start)
        if lead is None:
            blanks = _BLANKS.match(self.text, start)  # (it matches "": never None)
            lead = self._leads[start] = blanks.end() if blanks else start
        return end <= lead or _LABEL.fullmatch(self.text, lead, end) is not None

    def line_label(self, lo: int, hi: int) -> int:
        """Where ``_LINE_LABEL.search(text, lo, hi)`` matches, or -1. A match holds only blanks,
        ">", ":" and a label, so it is looked for in the last _LINE_REACH characters, and only
        where those hold nothing else further back (at most one place can match: a line break
        inside a match is inside its label's blanks, from where no match can start)."""
        text = self.text
        start = max(lo, hi - _LINE_REACH)
        m = _LINE_LABEL.search(text, start, hi)
        if m is None and start > lo and _LABEL_CHARS.issuperset(text[start:hi]):
            while start > lo and text[start - 1] in _LABEL_CHARS:
                start -= 1
            m = _LINE_LABEL.search(text, start, hi)
        return m.start() if m else -1
