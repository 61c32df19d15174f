"""Text blocks (paragraphs, headings) in view order: the units quotes pair in and the hard
boundaries sentences never cross."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from lint.document import Document


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    heading: bool
    blockquote: bool = False


def blocks_of(doc: Document) -> list[Block]:
    prose = doc.prose
    quotes = sorted((prose.to_view(r.start), prose.to_view(r.end))
                    for r in doc.regions_of("blockquote"))
    # a block is inside a block quote when one starting by it reaches its end: the furthest
    # end of those starting by it is found by bisection (a scan of every block quote for
    # every block was quadratic in a file of thousands of quoted lines)
    starts = [qs for qs, _ in quotes]
    reach = list(accumulate((qe for _, qe in quotes), max))
    out = []
    for r in doc.regions:
        if r.kind not in ("paragraph", "heading"):
            continue
        s, e = prose.to_view(r.start), prose.to_view(r.end)
        k = bisect_right(starts, s) - 1
        inside = k >= 0 and reach[k] >= e
        out.append(Block(s, e, r.kind == "heading", inside))
    out.sort(key=lambda b: (b.start, b.end))
    if not out:
        return [Block(0, len(prose.text), False)]
    return out
