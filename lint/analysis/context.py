"""Per-document analysis shared by all rules: scoped spans, sentences, quotations, term hits.

Everything is computed lazily and once. Spans are in *view* coordinates (the prose text the
reader produced); the engine maps hits back to source offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from lint.analysis.editorial import Editorial
from lint.match.patterns import CASE_TRAPS, fold, has_case_trap
from lint.match.term_index import Grouped, TermIndex
from lint.text.block_bounds import BlockBounds
from lint.text.document import Document

if TYPE_CHECKING:
    from lint.match.shared import SharedMatchers

Span = tuple[int, int]
_WORD_CHAR = re.compile(r"\w")
BLOCK_KINDS = ("paragraph", "heading", "list", "table", "blockquote")


class Context:
    def __init__(self, doc: Document, shared: SharedMatchers) -> None:
        self.doc = doc
        self.text = doc.prose.text
        self.shared = shared
        self._spans: dict[str, list[Span]] = {}
        self._term_hits: dict[tuple[int, str], list[tuple[int, int, Any]]] = {}
        self._term_starts: dict[tuple[int, str], list[int]] = {}
        self._scans: dict[int, tuple[Grouped, dict[str, list[tuple[int, int]]]]] = {}

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def folds_exactly(self) -> bool:
        """Whether folded word lookups agree with IGNORECASE matching on this text."""
        return not has_case_trap(self.text)

    @cached_property
    def case_trap_offsets(self) -> list[int]:
        """Offsets of the letters that IGNORECASE folds unlike lower() (ſ, ı, Greek variant
        forms). Usually none."""
        return [] if self.folds_exactly else [m.start() for m in CASE_TRAPS.finditer(self.text)]

    @cached_property
    def case_trap_words(self) -> list[int]:
        """Starts of the words holding a case-trap letter: a folded word lookup cannot vouch
        for these, so word anchors try them all."""
        text, starts = self.text, set()
        for i in self.case_trap_offsets:
            # back to the word's first character (a trap letter is rare: a short walk)
            while i > 0 and _WORD_CHAR.match(text, i - 1):
                i -= 1
            starts.add(i)
        return sorted(starts)

    @cached_property
    def number_breaks(self) -> list[int]:
        """Word starts that ``regex`` sees and ``re`` does not: ``re`` counts a digit-like
        character such as ² or ½ (Unicode No) as a word character, ``regex`` does not, so
        "it²" holds the ``regex`` word "it". For each one, the start of the ``re`` word holding
        it and the offset after it. Usually none."""
        import regex

        text, starts = self.text, set()
        for m in regex.finditer(r"\p{No}", text):
            i = m.start()
            starts.add(i + 1)
            while i > 0 and _WORD_CHAR.match(text, i - 1):
                i -= 1
            starts.add(i)
        return sorted(starts)

    def with_traps(self, starts: list[int], reach: int = 0) -> list[int]:
        """Sorted ``starts`` plus the places a folded lookup cannot vouch for: the start of
        each word holding a case trap, or with ``reach`` (a substring search for literals of
        at most that length) each offset less than ``reach`` before a trap letter."""
        if self.folds_exactly:
            return starts
        if reach:
            extra = sorted({p for t in self.case_trap_offsets
                            for p in range(max(0, t - reach + 1), t + 1)})
        else:
            extra = self.case_trap_words
        # two sorted runs: the sort merges them in linear time (without the repeats)
        have = set(starts)
        return sorted(starts + [p for p in extra if p not in have])

    def view(self, start: int, end: int) -> Span:
        return self.doc.prose.to_view(start), self.doc.prose.to_view(end)

    @cached_property
    def editorial(self) -> Editorial:
        """Blocks, sentences and quotations with their speakers (built on first use)."""
        return Editorial(self.doc)

    @property
    def sentences(self) -> list[Span]:
        return self.editorial.sentences

    def spans(self, scope: str) -> list[Span]:
        """Sorted spans of a scope name (no '~')."""
        if scope not in self._spans:
            self._spans[scope] = merge(self._compute(scope))
        return self._spans[scope]

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
        else:
            regions = self.doc.regions_of(scope)
        return sorted(self.view(r.start, r.end) for r in regions)

    def term_hits(self, index: TermIndex, owner: str) -> list[tuple[int, int, Any]]:
        """(start, end, payload) of ``owner``'s terms, in text order; the index scans the text
        once for all owners, and each owner gathers only its own terms' spans."""
        hits = self._term_hits.get((id(index), owner))
        if hits is None:
            exact, other = self._grouped(index)
            mine = index.terms_of.get(owner, ())
            if len(mine) > len(exact) + len(other):
                # a long list (20,000 terms) and few found: start from what was found
                found = (exact.keys() | other.keys()) & index.term_set(owner)
                mine = [(t, p) for t in found for who, p in index.owners[t] if who == owner]
            hits = []
            for term, payload in mine:
                n = len(term)
                hits += [(s, s + n, payload) for s in exact.get(term, ())]
                hits += [(s, e, payload) for s, e in other.get(term, ())]
            # the scan's order: by start, then end (a stable sort keeps a term's payloads in
            # the order the owner added them)
            hits.sort(key=_SPAN_OF)
            self._term_hits[(id(index), owner)] = hits
        return hits

    def term_starts(self, index: TermIndex, owner: str) -> list[int]:
        """Sorted, distinct offsets where one of ``owner``'s terms starts (word anchors need
        no more: plain integers sort several times faster than hit tuples by key)."""
        key = (id(index), owner)
        starts = self._term_starts.get(key)
        if starts is None:
            exact, other = self._grouped(index)
            terms = index.term_set(owner)
            runs = [exact[t] for t in exact.keys() & terms]
            spans = [other[t] for t in other.keys() & terms]
            if len(runs) == 1 and not spans:
                starts = runs[0][:]  # one term's starts: already sorted and distinct
            else:
                pool = set(chain.from_iterable(runs))
                pool.update(s for found in spans for s, _ in found)
                starts = sorted(pool)
            self._term_starts[key] = starts
        return starts

    def word_starts(self, index: TermIndex, key: str) -> list[int]:
        """Where the term ``key`` occurs as itself (every occurrence of a one-word term), in
        text order."""
        return self._grouped(index)[0].get(key, [])

    def _grouped(self, index: TermIndex) -> tuple[Grouped, dict[str, list[tuple[int, int]]]]:
        grouped = self._scans.get(id(index))
        if grouped is None:
            folded = self.folded if index.ignorecase else None
            grouped = self._scans[id(index)] = self._within_blocks(
                *index.scan_grouped(self.text, folded)
            )
        return grouped

    def _within_blocks(
        self, exact: Grouped, other: dict[str, list[tuple[int, int]]]
    ) -> tuple[Grouped, dict[str, list[tuple[int, int]]]]:
        """The occurrences of terms that lie within one block: a phrase ("many experts") never
        runs from one paragraph, heading, list item or table cell into the next. Only one of
        several words can (a one-word term holds no white space to cross with)."""
        crosses = self.block_bounds.crosses
        for key in [k for k in exact if " " in k]:
            n = len(key)
            kept = [s for s in exact[key] if not crosses(s, s + n)]
            if kept:
                exact[key] = kept
            else:
                del exact[key]
        for key in list(other):
            spans = [(s, e) for s, e in other[key] if not crosses(s, e)]
            if spans:
                other[key] = spans
            else:
                del other[key]
        return exact, other

    @cached_property
    def block_bounds(self) -> BlockBounds:
        """Where the document's blocks begin and end, for phrases that must not cross them."""
        return BlockBounds(self.doc, self.text)


_SPAN_OF = itemgetter(0, 1)  # (start, end) of a hit, in C


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
