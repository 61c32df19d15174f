"""One document's match state: its folded copy, where IGNORECASE and folding disagree, where
digit runs and ``regex``-only words start, its term scans, and the per-document memo.

A :class:`Scan` is made once per document (the analysis context holds one, built on first
use) and every finder of the run reads it, so each of these is found once per document
whatever the number of rules. It knows text only: no document model, no rule. What a finder
asks of a context is :class:`Scanned`: that it hold a scan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from functools import cache, cached_property, partial
from typing import Any, Protocol, TypeVar

from .patterns import CASE_TRAPS, START, fold, has_case_trap
from .term_scan import Crosses, Pieces, TermScan

T = TypeVar("T")
_WORD_CHAR = re.compile(r"\w")
# The first digit of each run of digits (a digit first: the scan skips to digits at C speed).
_RUN_START = re.compile(r"\d(?<!\d\d)")
_MISSING = object()


class Scanned(Protocol):
    """What a finder needs of a document: its scan (the analysis context is one)."""

    @property
    def scan(self) -> Scan: ...


class Scan:
    """The match state of one text, each part found on first use.

    ``bounds`` gives, when first asked, the test of whether a span runs from one block of the
    document into another: a phrase of a term list is never found across blocks."""

    def __init__(self, text: str, bounds: Callable[[], Crosses] | None = None,
                 pieces: Callable[[], Pieces] | None = None) -> None:
        self.text = text
        self.bounds = bounds or (lambda: _never_crosses)
        # where a match that crosses a block is looked for again, one block at a time
        self.pieces = pieces or (lambda: _no_pieces)
        self._memo: dict[Hashable, Any] = {}
        # a function of the text alone, not of this scan: a scan and its parts hold no cycle,
        # so a document's state is freed when its last reference goes (not at a collection)
        self._folded = cache(partial(fold, text))
        self.terms = TermScan(text, self._folded, bounds or (lambda: _never_crosses))

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """``build()`` the first time ``key`` is asked for on this document, then the same
        value. Keys are module-level objects (a class, a finder, a constant) of whoever
        builds the value, so two owners never share one by accident."""
        value = self._memo.get(key, _MISSING)
        if value is _MISSING:
            value = self._memo[key] = build()
        return value  # type: ignore[no-any-return]

    @property
    def folded(self) -> str:
        """The text lower-cased without changing length (:func:`copydesk.match.patterns.fold`)."""
        return self._folded()

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

    @cached_property
    def digit_runs(self) -> list[int]:
        """Sorted offsets where a run of digits starts: where a pattern that opens on a digit
        after no digit can match (the privacy kinds' numbers all do)."""
        return list(map(START, _RUN_START.finditer(self.text)))

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


def _no_pieces(start: int, end: int) -> list[tuple[int, int]]:
    return []


def _never_crosses(start: int, end: int) -> bool:
    return False
