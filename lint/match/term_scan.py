"""Where the terms of the run's shared term indexes occur in one document.

Each :class:`~copydesk.match.term_index.TermIndex` scans the document once for all its owners
(the rules that added terms to it); each owner then reads only its own terms' places, as hits
(start, end, payload) or as bare starts. A phrase ("many experts") is never found across two
blocks of the document.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from operator import itemgetter
from typing import Any

from .term_index import Grouped, TermIndex

Crosses = Callable[[int, int], bool]  # does [start, end) run from one block into another?
Pieces = Callable[[int, int], list[tuple[int, int]]]  # the blocks [start, end) runs across
Spans = dict[str, list[tuple[int, int]]]
_SPAN_OF = itemgetter(0, 1)  # (start, end) of a hit, in C


class TermScan:
    """The term occurrences of one document, per index and per owner, found on first use."""

    def __init__(self, text: str, folded: Callable[[], str], bounds: Callable[[], Crosses]) -> None:
        self._text = text
        self._folded = folded  # the text's folded copy, made on first need
        self._bounds = bounds
        self._hits: dict[tuple[int, str], list[tuple[int, int, Any]]] = {}
        self._starts: dict[tuple[int, str], list[int]] = {}
        self._grouped: dict[int, tuple[Grouped, Spans]] = {}

    def hits(self, index: TermIndex, owner: str) -> list[tuple[int, int, Any]]:
        """(start, end, payload) of ``owner``'s terms, in text order; the index scans the text
        once for all owners, and each owner gathers only its own terms' spans."""
        hits = self._hits.get((id(index), owner))
        if hits is None:
            exact, other = self.grouped(index)
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
            self._hits[(id(index), owner)] = hits
        return hits

    def starts(self, index: TermIndex, owner: str) -> list[int]:
        """Sorted, distinct offsets where one of ``owner``'s terms starts (word anchors need
        no more: plain integers sort several times faster than hit tuples by key)."""
        key = (id(index), owner)
        starts = self._starts.get(key)
        if starts is None:
            exact, other = self.grouped(index)
            terms = index.term_set(owner)
            runs = [exact[t] for t in exact.keys() & terms]
            spans = [other[t] for t in other.keys() & terms]
            if len(runs) == 1 and not spans:
                starts = runs[0][:]  # one term's starts: already sorted and distinct
            else:
                pool = set(chain.from_iterable(runs))
                pool.update(s for found in spans for s, _ in found)
                starts = sorted(pool)
            self._starts[key] = starts
        return starts

    def word_starts(self, index: TermIndex, key: str) -> list[int]:
        """Where the term ``key`` occurs as itself (every occurrence of a one-word term), in
        text order."""
        return self.grouped(index)[0].get(key, [])

    def grouped(self, index: TermIndex) -> tuple[Grouped, Spans]:
        """The index's scan of the document, grouped by term (see
        :meth:`TermIndex.scan_grouped`), without the phrases that cross a block."""
        grouped = self._grouped.get(id(index))
        if grouped is None:
            folded = self._folded() if index.ignorecase else None
            grouped = self._grouped[id(index)] = self._within_blocks(
                *index.scan_grouped(self._text, folded)
            )
        return grouped

    def _within_blocks(self, exact: Grouped, other: Spans) -> tuple[Grouped, Spans]:
        """The occurrences of terms that lie within one block: a phrase ("many experts") never
        runs from one paragraph, heading, list item or table cell into the next. Only one of
        several words can (a one-word term holds no white space to cross with)."""
        crosses = self._bounds()
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
