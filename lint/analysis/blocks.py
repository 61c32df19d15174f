"""Text blocks (paragraphs, headings) in view order: the units quotes pair in and the hard
boundaries sentences never cross.

Rules find words anywhere in the view and then ask for the sentence around them, so every
character of prose must lie in a block. The blocks are the reader's paragraphs and headings,
and table cells that hold prose of their own (a Markdown cell never holds a paragraph). They
are made disjoint, the innermost winning ("<h1>Title <p>text</p></h1>": the paragraph, and the
heading's words around it as pieces of the heading), and any prose no reader region holds
still gets a block of its own, so the analysis never meets a word outside every sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from ..text.document import Document
from ..text.prose import ProseText
from ..text.regions import Region


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    heading: bool
    blockquote: bool = False


Span = tuple[int, int, bool]  # view start, end, heading


def blocks_of(doc: Document) -> list[Block]:
    prose = doc.prose
    text = prose.text
    quotes = sorted((prose.to_view(r.start), prose.to_view(r.end))
                    for r in doc.regions_of("blockquote"))
    # a block is inside a block quote when one starting by it reaches its end: the furthest
    # end of those starting by it is found by bisection (a scan of every block quote for
    # every block was quadratic in a file of thousands of quoted lines)
    starts = [qs for qs, _ in quotes]
    reach = list(accumulate((qe for _, qe in quotes), max))

    def quoted(s: int, e: int) -> bool:
        k = bisect_right(starts, s) - 1
        return k >= 0 and reach[k] >= e

    spans: list[Span] = []
    for r in doc.regions:
        if r.kind in ("paragraph", "heading") or (r.kind == "table" and _holds_prose(prose, r)):
            spans.append((prose.to_view(r.start), prose.to_view(r.end), r.kind == "heading"))
    spans.sort(key=lambda s: (s[0], -s[1]))
    parts = _innermost(spans, text)
    if not parts:
        return [Block(0, len(text), False)]
    parts += _orphans(parts, text)
    parts.sort()
    return [Block(s, e, h, quoted(s, e)) for s, e, h in parts]


def _holds_prose(prose: ProseText, r: Region) -> bool:
    s, e = prose.to_view(r.start), prose.to_view(r.end)
    return e > s and not prose.text[s:e].isspace()


def _innermost(spans: list[Span], text: str) -> list[Span]:
    """Disjoint pieces of ``spans`` (sorted by start, then longest first), an inner span
    taking its stretch from the span around it. A whole span is kept even when blank (an
    empty heading is still a block); a piece cut from one is kept only if it holds prose."""
    out: list[Span] = []
    # open spans, outermost first: [next piece's start, end, heading, cut]
    stack: list[list[int]] = []

    def close_to(pos: int) -> None:
        while stack and stack[-1][1] <= pos:
            cursor, end, heading, cut = stack.pop()
            _piece(out, text, cursor, end, bool(heading), bool(cut))
            if stack:
                stack[-1][0] = max(stack[-1][0], end)

    for start, end, heading in spans:
        close_to(start)
        if stack:
            outer = stack[-1]
            _piece(out, text, outer[0], start, bool(outer[2]), True)
            outer[3] = 1  # what is left of it is a piece too
            end = min(end, outer[1])  # (regions nest; a crossing one is clipped)
        stack.append([start, end, int(heading), 0])
    close_to(len(text) + 1)
    return out


def _piece(out: list[Span], text: str, start: int, end: int, heading: bool, cut: bool) -> None:
    if not cut or (end > start and not text[start:end].isspace()):
        out.append((start, end, heading))


def _orphans(parts: list[Span], text: str) -> list[Span]:
    """Stretches of prose outside every block (from before the first to after the last)."""
    out: list[Span] = []
    at = 0
    for s, e, _ in sorted(parts):
        if s > at and not text[at:s].isspace():
            out.append((at, s, False))
        at = max(at, e)
    if at < len(text) and not text[at:].isspace():
        out.append((at, len(text), False))
    return out
