"""The layout of a court record: one paragraph per turn, over the record's numbered lines.

A court reporter numbers every line (``14       Q.   Who was your supervisor?``) and lets a
turn run over as many lines as it needs, each with its own number and no label, across page
breaks (a page number on its own line). Read as ordinary plain text, the numbered lines make
no paragraphs that match the turns. Here a record is told by its numbered lines (ten or more,
at least half of the lines that are not blank, one of them a question ``Q.``); each turn is a
paragraph from its label (``Q.``, ``A.``, ``THE COURT:``, ``MS. ALDERTON:``) to the next
label, parenthetical (``(Witness sworn.)``) or heading (``BY MS. ALDERTON:``, ``DIRECT
EXAMINATION``). Line and page numbers are hidden from the prose view, like furniture, so a
question's second line reads "the spring of 2017?", not "11 the spring of 2017?". What stands
before the first numbered line and after the last (the caption, the certificate) is read as
plain text.
"""

from __future__ import annotations

import re

from .text_layout import PARAGRAPH, Block, layout
from .text_story import HEADING

_LINE = re.compile(r"[ \t]{0,2}(\d{1,2})[ \t]+(\S.*)")
_LABEL = re.compile(r"(?:Q|A)\.[ \t]+|(?:THE [A-Z]+|(?:MR|MS|MRS|DR)\.[ \t]+[A-Z][A-Z'’-]+|"
                    r"[A-Z][A-Z'’-]+):[ \t]+")
_PARENTHETICAL = re.compile(r"\(")
# a heading between turns: "BY MS. ALDERTON:", "DIRECT EXAMINATION"
_HEADING = re.compile(r"BY [A-Z. '’-]+:|[A-Z][A-Z ,.'’-]+$")
_PAGE_NUMBER = re.compile(r"[ \t]*\d+[ \t]*")
_BLANK_OR_PAGE = re.compile(r"[ \t]*\d*[ \t]*")
_MIN_LINES = 10
# a question on a numbered line, looked for first in one scan, so that other text is not
# split into lines (and "Q." before that, without a scan at all)
_HINT = re.compile(r"^[ \t]{0,2}\d{1,2}[ \t]+Q\.[ \t]", re.MULTILINE)


def court_layout(text: str) -> tuple[list[Block], list[tuple[int, int]]] | None:
    """The blocks of a court record and the spans of its line numbers (to hide), or None when
    ``text`` is no court record."""
    if "Q." not in text or _HINT.search(text) is None:
        return None
    lines: list[tuple[int, str]] = []  # (offset, line)
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    numbered = [k for k, (_, line) in enumerate(lines) if _LINE.match(line)]
    if len(numbered) < _MIN_LINES or 2 * len(numbered) < sum(1 for _, ln in lines if ln.strip()):
        return None
    first, last = numbered[0], numbered[-1]
    while first and _BLANK_OR_PAGE.fullmatch(lines[first - 1][1]):
        first -= 1  # the first page's number, above its first line
    record_start, record_end = lines[first][0], lines[last][0] + len(lines[last][1])
    blocks = layout(text[:record_start])
    numbers: list[tuple[int, int]] = []
    turn: list[int] | None = None  # [start, end] of the open turn
    for at, line in lines[first : last + 1]:
        end = at + len(line.rstrip())
        m = _LINE.match(line)
        if m is None:
            if _PAGE_NUMBER.fullmatch(line):
                numbers.append((at + len(line) - len(line.lstrip()), end))  # a page number
            elif line.strip():  # anything else unnumbered inside the record ends a turn
                _close(blocks, turn)
                turn = None
                blocks.append(Block(PARAGRAPH, at, end, at))
            continue
        numbers.append((at + m.start(1), at + m.end(1)))
        body = at + m.start(2)
        if _LABEL.match(line, m.start(2)):
            _close(blocks, turn)
            turn = [body, end]
        elif _PARENTHETICAL.match(line, m.start(2)) or _HEADING.fullmatch(line, m.start(2)):
            _close(blocks, turn)
            turn = None
            kind = PARAGRAPH if line[m.start(2)] == "(" else HEADING
            blocks.append(Block(kind, body, end, body))
        elif turn is not None:
            turn[1] = end
        else:
            turn = [body, end]  # words with no label: a paragraph of their own
    _close(blocks, turn)
    blocks += layout(text[record_end:], record_end)
    return sorted(blocks, key=lambda b: b.start), numbers


def _close(blocks: list[Block], turn: list[int] | None) -> None:
    """Add the open turn, if any, as a paragraph (the caller then has no open turn)."""
    if turn is not None:
        blocks.append(Block(PARAGRAPH, turn[0], turn[1], turn[0]))
