"""Per-document analysis shared by all rules: scoped spans, sentences, quotations, and the
per-document memo.

Everything is computed lazily and once. Spans are in *view* coordinates (the prose text the
reader produced); the engine maps hits back to source offsets. What matching needs of the
text (its folded copy, case traps, term scans) is the match layer's
:class:`~copydesk.match.scan.Scan`, which the context holds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable
from functools import cache, cached_property, partial
from typing import TYPE_CHECKING, TypeVar

from ..match.scan import Scan
from ..text.block_bounds import BlockBounds
from ..text.document import Document
from .editorial import Editorial

if TYPE_CHECKING:
    from ..match.shared import SharedMatchers

T = TypeVar("T")
Span = tuple[int, int]
BLOCK_KINDS = ("paragraph", "heading", "list", "table", "blockquote")
# a table region's level: a body cell (or a plain-text table), a header cell, the caption
TABLE_PARTS = {"table.cell": 0, "table.header": 1, "table.caption": 2}


class Context:
    def __init__(self, doc: Document, shared: SharedMatchers) -> None:
        self.doc = doc
        self.text = doc.prose.text
        self.shared = shared
        # built on first use, by the scan (term phrases) or a rule; a function of the document
        # alone, so that nothing the context holds refers back to it: the context and all it
        # worked out are freed as soon as the engine is done with the document
        self._bounds = cache(partial(BlockBounds, doc, self.text))

    @cached_property
    def scan(self) -> Scan:
        """The text's match state (folded copy, case traps, term scans), for the finders."""
        bounds = self._bounds
        return Scan(self.text, lambda: bounds().crosses, lambda: bounds().pieces)

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """The document's value for ``key``, built by ``build()`` the first time it is asked
        for: what several rules (or several calls of one) would otherwise each work out again.
        A key is an object of the module that builds the value (its class, a constant)."""
        return self.scan.memo(key, build)

    @property
    def folded(self) -> str:
        """The text lower-cased without changing length (same offsets)."""
        return self.scan.folded

    def view(self, start: int, end: int) -> Span:
        return self.doc.prose.to_view(start), self.doc.prose.to_view(end)

    @property
    def editorial(self) -> Editorial:
        """Blocks, sentences and quotations with their speakers (built on first use)."""
        return self.memo(Editorial, lambda: Editorial(self.doc))

    @property
    def sentences(self) -> list[Span]:
        return self.editorial.sentences

    def spans(self, scope: str) -> list[Span]:
        """Sorted spans of a scope name (no '~'; one of :data:`.scopes.NAMES`)."""
        return self.memo(("spans", scope), lambda: merge(self._compute(scope)))

    def _compute(self, scope: str) -> list[Span]:
        if scope in ("text", "summary", "raw"):
            return [(0, len(self.text))]
        if scope == "sentence":
            return self.sentences
        if scope == "quote":  # quotations, and transcript turns: the speaker's words
            return [(q.start, q.end) for q in self.editorial.quotes] + self.editorial.turns
        if scope == "attributed-quote":
            return [q.inner for q in self.editorial.quotes if q.attributed and not q.is_title]
        if scope.startswith("heading.h"):
            level = int(scope[-1])
            regions = [r for r in self.doc.regions if r.kind == "heading" and r.level == level]
        elif scope == "frontmatter" or scope.startswith("frontmatter."):
            key = scope.partition(".")[2]
            regions = [
                r for r in self.doc.regions
                if r.kind == "frontmatter-value" and (not key or r.key == key)
            ]
        elif scope in TABLE_PARTS:  # a table region's level says which part it is
            level = TABLE_PARTS[scope]
            regions = [r for r in self.doc.regions if r.kind == "table" and r.level == level]
        else:
            regions = self.doc.regions_of(scope)
        return sorted(self.view(r.start, r.end) for r in regions)

    def content_spans(self, scope: str) -> list[Span]:
        """The spans of a scope trimmed to their text, as Vale lints a block: without the
        blanked markup at either end ("## " of a heading, "- " of an item), but with an inline
        code span at an edge, whose characters Vale counts."""
        return self.memo(("content", scope), lambda: self._trimmed(self.spans(scope)))

    def _trimmed(self, spans: list[Span]) -> list[Span]:
        text = self.text
        code = self.spans("code") if spans else []
        out = []
        for start, end in spans:
            s, e = start, end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            i = bisect_right(code, (start, -1))
            if i < len(code) and code[i][0] < s and code[i][1] <= end:
                s = code[i][0]
            j = bisect_right(code, (end, -1)) - 1
            if j >= 0 and code[j][1] > e and code[j][0] >= start and code[j][1] <= end:
                e = code[j][1]
            if e > s:
                out.append((s, e))
        return out

    @property
    def block_bounds(self) -> BlockBounds:
        """Where the document's blocks begin and end, for phrases that must not cross them."""
        return self._bounds()


def merge(spans: list[Span]) -> list[Span]:
    """Union of spans as sorted disjoint intervals (touching spans stay separate)."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def inside(spans: list[Span], start: int, end: int) -> bool:
    """Is [start, end) within one of the merged, sorted ``spans``?"""
    i = bisect_right(spans, (start, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def overlaps(spans: list[Span], start: int, end: int) -> bool:
    """Does [start, end) share a character with one of the merged, sorted ``spans``?"""
    i = bisect_right(spans, (end, -1)) - 1
    if i >= 0 and spans[i][1] > start and spans[i][0] < end:
        return True
    return i >= 1 and spans[i - 1][1] > start
