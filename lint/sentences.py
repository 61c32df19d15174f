"""Rule-based sentence splitting over the prose view (policy reference H1).

A boundary is ``[.!?]+`` plus optional closing quotes/brackets, whitespace, then an upper-case
letter, digit or opening quote/bracket, except after known abbreviations, single initials,
decimals and ellipses. Blocks (paragraphs, headings, list items …) are hard boundaries.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt sgt st no vs jan feb aug sept oct nov dec inc ltd co jr sr "
    "u.s u.k a.m p.m e.g i.e etc prof rep sen gov capt cmdr maj adm rev fig approx".split()
)
_BOUNDARY = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\u00C0-\u024F])")
_LAST_WORD = re.compile(r"([\w.]+)\.*$")
_SPAN = re.compile(r"\S(?:.*\S)?", re.S)


def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if not _is_boundary(text, cursor, m):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        trimmed = _SPAN.search(text, s, e)
        if trimmed:
            out.append((trimmed.start(), trimmed.end()))
    return out


def _is_boundary(text: str, cursor: int, m: re.Match[str]) -> bool:
    punct = m.group()
    if punct.startswith(".") and not punct.startswith("..."):
        word = _LAST_WORD.search(text, cursor, m.start() + 1)
        if word:
            w = word.group(1).rstrip(".").lower()
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                return False
    return True
