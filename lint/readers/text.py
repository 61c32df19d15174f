"""Plain text: the prose view is the source itself; headings and paragraphs are detected.

Paragraphs are runs of non-blank lines when the file uses blank lines between paragraphs, and
single lines otherwise (one-paragraph-per-line copy, as pasted from a CMS). A heading is a
short line with no closing punctuation whose longer words are mostly capitalised (policy
reference H1); a heading line is never part of a paragraph.
"""

from __future__ import annotations

import re

from lint.document import Region
from lint.prose import ProseText

_LINE = re.compile(r"[^\n]*\n?")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NO_HEADING_END = tuple('.!:;,”"’)]}')


def is_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped.endswith(_NO_HEADING_END):
        return False
    words = stripped.split()
    if len(words) > 12:
        return False
    long_words = [w for w in _WORD.findall(stripped) if len(w) > 3]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised >= 0.75 * len(long_words)


def detect_regions(text: str, base: int = 0) -> list[Region]:
    """Headings and paragraphs of plain text starting at source offset ``base``."""
    regions: list[Region] = []
    lines = [(m.start() + base, m.group()) for m in _LINE.finditer(text) if m.group()]
    blank_separated = any(not line.strip() for _, line in lines)
    para_start: int | None = None
    para_end = 0

    def close() -> None:
        nonlocal para_start
        if para_start is not None:
            regions.append(Region(para_start, para_end, "paragraph"))
            para_start = None

    for start, line in lines:
        content_end = start + len(line.rstrip("\r\n"))
        if not line.strip():
            close()
            continue
        if is_heading(line):
            close()
            regions.append(Region(start, content_end, "heading", 1))
            continue
        if para_start is None or not blank_separated:
            close()
            para_start = start
        para_end = content_end
    close()
    return regions


def read_text(text: str) -> tuple[ProseText, list[Region]]:
    return ProseText(text, len(text)), detect_regions(text)
