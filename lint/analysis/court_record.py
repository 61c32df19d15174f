"""The turns of a court record: who speaks on each numbered line of a transcript.

A court reporter numbers every line (``14       Q.   Who was your supervisor?``) and lets a
turn run over as many lines as it needs, each with its own number and no label. The
paragraph reader sees the numbered lines, not the turns, so a question's second line would
read as the writer's own words. Here a record is told by its numbered lines (ten or more, and
at least half of the lines that are not blank), and each turn runs from its label (``Q.``,
``A.``, ``THE COURT:``, ``MS. ALDERTON:``) to the next label, a parenthetical such as
``(Witness sworn.)``, an examination heading (``BY MS. ALDERTON:``, ``DIRECT EXAMINATION``)
or the end of the numbered lines. A record is looked for only where a numbered line holds
a question (``Q.``).
"""

from __future__ import annotations

import re

_NUMBERED = re.compile(r"[ \t]{0,2}\d{1,2}(?=[ \t])")
_LINE = re.compile(r"[ \t]{0,2}(\d{1,2})[ \t]+(.*)")
_LABEL = re.compile(
    r"(?:Q|A)\.[ \t]+|(?:THE [A-Z]+|(?:MR|MS|MRS|DR)\.[ \t]+[A-Z][A-Z'’-]+|[A-Z][A-Z'’-]+):[ \t]+"
)
# lines that end a turn without starting one: "(Witness sworn.)", "BY MS. ALDERTON:", headings
_BREAK = re.compile(r"\(|BY [A-Z. '’-]+:|[A-Z][A-Z ,.'’-]+$")
_MIN_LINES = 10
# a question on a numbered line: looked for first, in one scan, so that other text is not
# split into lines
_HINT = re.compile(r"^[ \t]{0,2}\d{1,2}[ \t]+Q\.[ \t]", re.MULTILINE)


def record_turns(text: str) -> list[tuple[int, int]]:
    """(start, end) of each turn's words, after its label; [] when the text is no record."""
    if "Q." not in text or _HINT.search(text) is None:
        return []  # (a record has its questions: most texts are ruled out without a scan)
    lines = text.split("\n")
    numbered = sum(1 for line in lines if _NUMBERED.match(line))
    if numbered < _MIN_LINES or 2 * numbered < sum(1 for line in lines if line.strip()):
        return []
    turns: list[tuple[int, int]] = []
    current: list[int] | None = None  # [start, end] of the open turn
    offset = 0
    for line in lines:
        m = _LINE.match(line)
        end = offset + len(line.rstrip())
        if m is None:
            if current is not None and line.strip() and not line.strip().isdigit():
                # a caption ends it; a page number between pages does not
                turns.append((current[0], current[1]))
                current = None
        else:
            body_at = offset + m.start(2)
            label = _LABEL.match(line, m.start(2))
            if label is not None or _BREAK.match(m.group(2)):
                if current is not None:
                    turns.append((current[0], current[1]))
                current = None if label is None else [offset + label.end(), end]
            elif current is not None and body_at < end:
                current[1] = end
        offset += len(line) + 1
    if current is not None:
        turns.append((current[0], current[1]))
    return [t for t in turns if t[0] < t[1]]
