"""Where a document's blocks begin and end, so that a phrase is never found across two.

A phrase ("many experts", "critics say") is words of one paragraph: it does not run from the
end of one paragraph into the next, from a heading into the text under it, from one list item
or table cell into another. The blocks are the reader's regions that hold no other block (a
paragraph, a heading, a list item, a table cell; a block quote or a list holding paragraphs is
read through to them), and, where no region says, the blank lines of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .document import Document

# regions that are blocks of text, and may hold others (a list item its paragraphs)
BLOCK_KINDS = frozenset({"paragraph", "heading", "list", "table", "blockquote"})
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


class BlockBounds:
    """The innermost block regions of a document and its blank lines, in view offsets."""

    def __init__(self, doc: Document, text: str) -> None:
        prose = doc.prose
        # regions come ordered by start, a container before what it holds: a block is
        # innermost when the next block region does not start inside it
        spans = [(r.start, r.end) for r in doc.regions if r.kind in BLOCK_KINDS]
        leaves = [(s, e) for k, (s, e) in enumerate(spans)
                  if not (k + 1 < len(spans) and spans[k + 1][0] < e)]
        views = sorted((prose.to_view(s), prose.to_view(e)) for s, e in leaves)
        self.starts = [s for s, _ in views]
        self.ends = [e for _, e in views]
        self._text = text
        self._breaks: list[tuple[int, int]] | None = None  # blank lines, found on first need
        self._stretches: list[tuple[int, int]] | None = None  # the text between them

    def crosses(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` run from one block into another (or out of one), or over a
        blank line?"""
        starts, ends = self.starts, self.ends
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < ends[i]:
            if end > ends[i]:
                return True  # out of the block it starts in
        elif i + 1 < len(starts) and starts[i + 1] < end:
            return True  # from outside every block into one
        return self._over_blank_line(start, end)

    def pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where a rule that reads each block apart, as Vale does, looks for what a match over
        ``[start, end)`` runs across: each block the span touches (where no region says, each
        stretch of text between blank lines it touches), cut at blank lines, in text order."""
        starts, ends = self.starts, self.ends
        i = bisect_right(starts, start) - 1
        if i < 0 or start >= ends[i]:
            i += 1
        blocks = []
        while i < len(starts) and starts[i] < end:
            blocks.append((starts[i], ends[i]))
            i += 1
        paragraphs = self._paragraphs()
        out: list[tuple[int, int]] = []
        for lo, hi in blocks or [(start, end)]:
            k = max(bisect_right(paragraphs, (lo, len(self._text) + 1)) - 1, 0)
            while k < len(paragraphs) and paragraphs[k][0] < max(hi, lo + 1):
                a, b = paragraphs[k]
                if b > lo:  # a block is cut to itself; where no block says, the stretch is whole
                    piece = (max(a, lo), min(b, hi)) if blocks else (a, b)
                    if piece[1] > piece[0] and piece not in out:
                        out.append(piece)
                k += 1
        return out

    def _paragraphs(self) -> list[tuple[int, int]]:
        """The stretches of text between blank lines."""
        if self._stretches is None:
            self._over_blank_line(0, 0)  # the blank lines, found once
            assert self._breaks is not None
            cuts = [0] + [x for span in self._breaks for x in span] + [len(self._text)]
            self._stretches = [(cuts[j], cuts[j + 1]) for j in range(0, len(cuts), 2)]
        return self._stretches

    def _over_blank_line(self, start: int, end: int) -> bool:
        breaks = self._breaks
        if breaks is None:
            breaks = self._breaks = [m.span() for m in _BLANK_LINE.finditer(self._text)]
        k = bisect_left(breaks, (start, -1))
        return k < len(breaks) and breaks[k][1] <= end
