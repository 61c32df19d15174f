"""Where furniture stands in a plain-text story: the head above it, the end below it, tables.

:func:`mark_furniture` gives every line of the file a kind: FURNITURE (slug, byline, credit,
dateline or timestamp line above the story; end markers, trailer and transmission slug below
it), HEADING (a headline above the story), TABLE (rows of figures with their captions and note),
COMMENT (a line that is one HTML comment), or None for a line of prose. What each kind of line
looks like is :mod:`.text_furniture`'s business; this module knows where it may be.
"""

from __future__ import annotations

import re

from .text_furniture import (
    TAIL_WORDS,
    closes,
    dateline_end,
    is_byline,
    is_comment,
    is_credit,
    is_end_marker,
    is_head_furniture,
    is_slug,
    is_table_header,
    is_table_note,
    is_table_row,
    opens_trailer,
)

FURNITURE, TABLE, HEADING = "furniture", "table", "heading"
# a sentence ending inside a line, another starting after it ("… its houses. It is …")
_TWO_SENTENCES = re.compile(r"[a-z][.!?][”\"’']?\s+[“\"‘]?[A-Z]")
COMMENT = "comment"  # a line of its own, neither prose nor blanked (suppressions live there)


class Line:
    """One line of the source: its text without the line break, and where it sits."""

    __slots__ = ("end", "first_word", "indent", "start", "text", "width")

    def __init__(self, offset: int, raw: str) -> None:
        body = raw.rstrip()
        if not body:  # a blank line
            self.text, self.start, self.end = "", offset, offset
            self.indent = self.width = self.first_word = 0
            return
        self.text = body.lstrip()
        lead = body[: len(body) - len(self.text)]
        self.start = offset + len(lead)  # the first character that is not white space
        self.end = offset + len(body)  # after the last one
        self.indent = len(lead.expandtabs(8))
        self.width = self.indent + len(self.text)
        self.first_word = len(self.text.split(None, 1)[0]) if self.text else 0


def mark_furniture(lines: list[Line], stretches: list[list[int]]) -> list[str | None]:
    """The kind of every line that is not a line of a paragraph: FURNITURE, TABLE, COMMENT,
    or HEADING for a headline above a story; None for the others. ``stretches`` are the runs
    of non-blank lines."""
    kinds: list[str | None] = [None] * len(lines)
    for stretch in stretches:
        _mark_tables(lines, stretch, kinds)
        _mark_end(lines, stretch, kinds, stretches[0][0])
    _mark_heads(lines, kinds)
    return kinds


def _mark_tables(lines: list[Line], stretch: list[int], kinds: list[str | None]) -> None:
    """Rows of figures (2+), the captions above them, short labels between them ("Year") and
    the note after them."""
    rows = [k for k, i in enumerate(stretch) if is_table_row(lines[i].text)]
    groups: list[list[int]] = []
    for k in rows:
        between = range(groups[-1][-1] + 1, k) if groups else range(0)
        if groups and len(between) <= 2 and all(_is_label(lines[stretch[j]]) for j in between):
            groups[-1].append(k)
        else:
            groups.append([k])
    for g in (g for g in groups if len(g) >= 2):
        first, last = g[0], g[-1]
        while first > 0 and g[0] - first < 2 and is_table_header(lines[stretch[first - 1]].text):
            first -= 1
        if last + 1 < len(stretch) and is_table_note(lines[stretch[last + 1]].text):
            last += 1
            while last + 1 < len(stretch) and last - g[-1] < 4 and not closes(
                lines[stretch[last]].text
            ):
                last += 1
        for k in range(first, last + 1):
            kinds[stretch[k]] = TABLE


def _is_label(line: Line) -> bool:
    return len(line.text) <= 40 and not closes(line.text)


def _mark_end(lines: list[Line], stretch: list[int], kinds: list[str | None], top: int) -> None:
    """End markers, comment lines and the ``(Reporting by …)`` trailer anywhere; end words
    ("MORE", "REUTER") and a transmission slug at the end of a stretch (but not on the first
    line of the file: below nothing, they end no story)."""
    trailer = 0  # lines of an open trailer still to mark
    for k, i in enumerate(stretch):
        text = lines[i].text
        if not trailer and text[:1].isalnum() and text not in TAIL_WORDS:
            continue  # prose: every marker, comment and trailer opens on "-#([<" or is a word
        if opens_trailer(text):
            trailer = 4
        # "MORE" ends a take when the next take's slug follows it
        ends_take = text in TAIL_WORDS and k + 1 < len(stretch)
        ends_take = ends_take and is_slug(lines[stretch[k + 1]].text)
        if is_comment(text):
            kinds[i] = kinds[i] or COMMENT
        elif trailer or is_end_marker(text, ends_take):
            kinds[i] = kinds[i] or FURNITURE
            trailer = 0 if text.endswith(")") else max(trailer - 1, 0)
    for k in range(len(stretch) - 1, -1, -1):
        i = stretch[k]
        text = lines[i].text
        if i == top or (
            kinds[i] is None and not (is_end_marker(text, in_tail=True) or is_slug(text))
        ):
            break
        above = lines[stretch[k - 1]].text if k else ""
        if kinds[i] is None and not is_end_marker(text, in_tail=True) and above and not (
            closes(above) or kinds[stretch[k - 1]] is not None or is_slug(above)
        ):
            break  # "555-0187" under "… +1 (253)": a wrapped sentence's tail, not a slug
        kinds[i] = kinds[i] or FURNITURE


def _mark_heads(lines: list[Line], kinds: list[str | None]) -> None:
    """The head of each story: at the top of the file and after each end marker."""
    order = [i for i, line in enumerate(lines) if line.text]
    ends = [
        k + 1
        for k, i in enumerate(order)
        if kinds[i] == FURNITURE and is_end_marker(lines[i].text, in_tail=True)
    ]
    starts = [0, *ends]
    for k in starts:
        if k < len(order) and (k == 0 or kinds[order[k]] is None):
            _mark_head(lines, order, k, kinds)


def _mark_head(lines: list[Line], order: list[int], first: int, kinds: list[str | None]) -> None:
    """Slug, headline, byline, credit and dateline lines above a story's first paragraph.

    A headline does not end a sentence and is set apart from what follows: by furniture below
    it (up to three lines: a headline over two lines, a deck), or, a single line, by a blank
    line, by the body's deeper indent or by the dateline that opens the body. Nothing is
    furniture unless a story follows it."""
    marks: dict[int, str] = {}
    pending: list[int] = []  # headline, deck or standfirst candidates
    after_byline = False
    for k in range(first, len(order)):
        i = order[k]
        text = lines[i].text
        if kinds[i] == COMMENT:
            continue
        if kinds[i] is not None:
            break
        if is_head_furniture(text) or (after_byline and is_credit(text)):
            marks[i], after_byline = FURNITURE, is_byline(text)
            pending = _confirm(pending, marks)
            continue
        after_byline = False
        opens_story = dateline_end(text) > 0
        deeper = bool(pending) and lines[i].indent > lines[pending[-1]].indent
        apart = k > first and order[k - 1] + 1 < i  # a blank line above
        # a standfirst (it ends a sentence) is told from the first paragraph only by the
        # byline below it; a headline also by a blank line, the body's indent or dateline
        titled = bool(pending) and not any(closes(lines[j].text) for j in pending)
        if titled and (opens_story or apart or (deeper and len(pending) == 1)):
            pending = _confirm(pending, marks)
        if apart:
            pending = []
        if opens_story or deeper or len(pending) == 3:
            break  # the story begins here
        if _TWO_SENTENCES.search(text):
            break  # a line holding the end of one sentence and the start of another is prose
        if len(text) <= 300 and text[-1] not in ",;:-" and (len(text) <= 150 or closes(text)):
            pending.append(i)
            continue
        break
    else:
        return  # no story below
    for i, kind in marks.items():
        kinds[i] = kind


def _confirm(pending: list[int], marks: dict[int, str]) -> list[int]:
    for i in pending:
        marks[i] = HEADING
    return []
