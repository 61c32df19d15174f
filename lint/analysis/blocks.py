"""Text blocks (paragraphs, headings) in view order: the units quotes pair in and the hard
boundaries sentences never cross."""

from __future__ import annotations

from dataclasses import dataclass

from lint.document import Document


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    heading: bool
    blockquote: bool = False


def blocks_of(doc: Document) -> list[Block]:
    prose = doc.prose
    quotes = [(prose.to_view(r.start), prose.to_view(r.end)) for r in doc.regions_of("blockquote")]
    out = []
    for r in doc.regions:
        if r.kind not in ("paragraph", "heading"):
            continue
        s, e = prose.to_view(r.start), prose.to_view(r.end)
        inside = any(qs <= s and e <= qe for qs, qe in quotes)
        out.append(Block(s, e, r.kind == "heading", inside))
    out.sort(key=lambda b: (b.start, b.end))
    if not out:
        return [Block(0, len(prose.text), False)]
    return out
