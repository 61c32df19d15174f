"""Finders: the one interface through which kinds and analyses match a pattern against a
document, whatever makes it fast.

A rule builds its finders once, when it is compiled, with a factory of this module (or of
:mod:`copydesk.match.user_pattern` for a pack author's ``regex`` pattern, of
:mod:`copydesk.match.term_finder` for a literal term list), and
asks each ``finder.finditer(ctx)`` for every document: the same matches as
``pattern.finditer(text)``. Where a match may start (word anchors from the run's shared word
index, a pattern's openers, digit runs, literal heads), the case-trap letters a folded lookup
cannot vouch for, and the time budget of an author's pattern are the finder's business, and
change speed only, never a match.

``ctx`` is anything holding the document's :class:`~copydesk.match.scan.Scan` (the analysis
context does).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, Protocol

from .anchors import WordAnchors, split_by_opener
from .openers import pattern_first_words
from .patterns import CASE_TRAPS, finditer_at, normalise_term, tried_at
from .scan import Scan, Scanned
from .shared import SharedMatchers
from .term_index import TermIndex

Plan = tuple[list[int], list[tuple[Any, list[int]]]]
_TWO_WORD_CHARS = re.compile(r"\w\w")
_WORD_EDGES = re.compile(r"\w(?:.*\w)?", re.S)


class Places(Protocol):
    """Where a pattern's matches may start in a document (a superset), or None: anywhere.
    (Hashable by identity: a document's places are memoised under the object.)"""

    def __hash__(self) -> int: ...

    def plan(self, scan: Scan) -> Plan | None: ...

    def starts(self, scan: Scan) -> list[int] | None: ...


class Split(NamedTuple):
    """A pattern that is an alternation: its ``alternatives``, the folded words each may open
    on (``opens``), and ``build`` of the pattern of a subset of them, in their order. Where a
    common word starts, the finder tries the pattern of only the alternatives it opens."""

    alternatives: Sequence[Any]
    opens: Sequence[set[str]]
    build: Callable[[list[Any]], Any]


class Finder:
    """A compiled pattern (or none: :meth:`starts` only) and where its matches may start.

    ``folded``: the pattern runs on the document's folded copy (same length and offsets:
    the matched text is read from the document's own)."""

    def __init__(self, pattern: Any, places: Places | None = None, folded: bool = False,
                 cuts_words: bool = False) -> None:
        self.pattern = pattern
        self.places = places
        self.folded = folded
        # places found on the whole text may miss a word cut short by a range's end
        self._cuts_words = cuts_words

    def starts(self, ctx: Scanned) -> list[int] | None:
        """Sorted offsets where a match may start (found once a document), or None when the
        pattern must scan the whole text."""
        places = self.places
        if places is None:
            return None
        scan = ctx.scan
        return scan.memo(places, lambda: places.starts(scan))

    def finditer(self, ctx: Scanned, start: int = 0, end: int | None = None) -> Iterator[Any]:
        """``pattern.finditer(text, start, end)`` on the document's text (or its folded copy)."""
        scan = ctx.scan
        text = scan.folded if self.folded else scan.text
        if start == 0 and end is None:
            plan = None if self.places is None else self.places.plan(scan)
            if plan is None:
                return self.pattern.finditer(text)  # type: ignore[no-any-return]
            return iter(self._tried(text, plan))
        end = len(text) if end is None else end
        starts = self.starts(ctx)
        if starts is None or self._cut(text, end):
            return self.pattern.finditer(text, start, end)  # type: ignore[no-any-return]
        return finditer_at(self.pattern, text, starts, start, end)

    def search(self, ctx: Scanned, start: int, end: int) -> Any:
        """``pattern.search(text, start, end)``, tried only where a match may start."""
        scan = ctx.scan
        text = scan.folded if self.folded else scan.text
        starts = self.starts(ctx)
        if starts is None or self._cut(text, end):
            return self.pattern.search(text, start, end)
        match = self.pattern.match
        for k in range(bisect_left(starts, start), len(starts)):
            if starts[k] >= end:
                return None
            m = match(text, starts[k], end)
            if m is not None:
                return m
        return None

    def matches_at(self, text: str, places: Sequence[int], start: int = 0,
                   end: int | None = None) -> list[Any]:
        """``pattern.finditer(text, start, end)``, where the caller knows a superset of the
        places a match can start (sorted)."""
        return list(finditer_at(self.pattern, text, places, start, end))

    def _tried(self, text: str, plan: Plan) -> list[Any]:
        return tried_at(self.pattern, text, *plan)

    def _cut(self, text: str, end: int) -> bool:
        """Does a word run on past ``end``? (then the shortened word may be one the places
        never saw)"""
        return (self._cuts_words and 0 < end < len(text)
                and _TWO_WORD_CHARS.match(text, end - 1) is not None)


# -- factories ----------------------------------------------------------------------------


def by_words(
    shared: SharedMatchers, owner: str, pattern: Any, words: Iterable[str] | None,
    folded: bool = False, split: Split | None = None,
) -> Finder:
    """A pattern whose every match starts at the first character of a maximal ``\\w+`` run
    whose lower-cased text is one of ``words`` (None: unknown, the pattern scans); it is tried
    there only, through the run's shared word index. A ``pattern`` of None makes a finder of
    the words' places (:meth:`Finder.starts`)."""
    by_word = split_by_opener(*split) if split is not None else None
    return Finder(pattern, WordAnchors(shared, owner, words, by_word), folded, cuts_words=True)


def by_openers(shared: SharedMatchers, owner: str, pattern: re.Pattern[str]) -> Finder:
    """A pattern tried where one of the first words its parse tree guarantees starts
    (:func:`copydesk.match.openers.pattern_first_words`; none known, it scans)."""
    words = pattern_first_words(pattern.pattern, pattern.flags)
    return by_words(shared, owner, pattern, words)


def by_phrases(
    shared: SharedMatchers, owner: str, pattern: re.Pattern[str], phrases: Iterable[str]
) -> Finder:
    """A pattern ``(?<![\\w-])(?:phrases)…`` whose phrases are matched with ``\\s+`` for their
    spaces, tried where one of the phrases occurs whole ("the disabled", not every "the")."""
    return Finder(pattern, _PhrasePlaces(shared, owner, phrases, pattern), cuts_words=True)


class _PhrasePlaces:
    """Where one of the phrases occurs, from the shared word index. A text with a case-trap
    letter (it may sit in a phrase's second word) falls back to the pattern's first words; a
    phrase that does not open and close on a word character, or holds a case trap, leaves the
    pattern to scan."""

    def __init__(self, shared: SharedMatchers, owner: str, phrases: Iterable[str],
                 pattern: re.Pattern[str]) -> None:
        self.owner = owner + " phrase"
        self.index: TermIndex | None = None
        self.first_words = WordAnchors(
            shared, owner, pattern_first_words(pattern.pattern, pattern.flags))
        keys = set()
        for phrase in phrases:
            key = normalise_term(phrase, True)
            if phrase != phrase.strip() or not _WORD_EDGES.fullmatch(key) or CASE_TRAPS.search(key):
                return
            keys.add(key)
        if keys:
            self.index = shared.terms(ignorecase=True, words=True)
            for key in sorted(keys):
                self.index.add(key, self.owner)

    def plan(self, scan: Scan) -> Plan | None:
        if self.index is None or scan.case_trap_words:
            return self.first_words.plan(scan)
        return scan.terms.starts(self.index, self.owner), []

    def starts(self, scan: Scan) -> list[int] | None:
        if self.index is None or scan.case_trap_words:
            return self.first_words.starts(scan)
        return scan.terms.starts(self.index, self.owner)


class _Computed:
    """Places a function finds in the text (or its folded copy), with the case-trap places
    within ``reach`` of a trap letter when the places are literal heads looked up folded."""

    def __init__(self, find: Callable[[str], Iterable[int]], folded: bool, reach: int) -> None:
        self.find, self.folded, self.reach = find, folded, reach

    def plan(self, scan: Scan) -> Plan | None:
        return self.starts(scan), []

    def starts(self, scan: Scan) -> list[int]:
        found = self.find(scan.folded if self.folded else scan.text)
        starts = found if isinstance(found, list) else sorted(found)
        return scan.with_traps(starts, self.reach) if self.reach else starts


def placed(
    pattern: Any, find: Callable[[str], Iterable[int]], folded_places: bool = False,
    trap_reach: int = 0,
) -> Finder:
    """A pattern tried only at the places ``find(text)`` gives (sorted, or any iterable: they
    are sorted): a superset of where its matches start. ``folded_places``: ``find`` reads the
    folded copy; ``trap_reach``: the places are literal heads of at most that length looked
    up there, so each offset that close before a case-trap letter is tried too. A ``pattern``
    of None makes a finder of the places (:meth:`Finder.starts`)."""
    return Finder(pattern, _Computed(find, folded_places, trap_reach))


def literal_heads(pattern: Any, heads: Sequence[str]) -> Finder:
    """An IGNORECASE pattern every match of which starts with one of the folded ASCII
    ``heads``: tried where a head occurs in the folded text, and near case-trap letters."""
    def find(folded: str) -> set[int]:
        starts: set[int] = set()
        for head in heads:
            at = folded.find(head)
            while at >= 0:
                starts.add(at)
                at = folded.find(head, at + 1)
        return starts

    return placed(pattern, find, folded_places=True, trap_reach=max(map(len, heads)))


class _DigitRuns:
    """The starts of the document's digit runs (found once for all rules), ``back`` before."""

    def __init__(self, back: int) -> None:
        self.back = back

    def plan(self, scan: Scan) -> Plan | None:
        return self.starts(scan), []

    def starts(self, scan: Scan) -> list[int]:
        runs = scan.digit_runs
        back = self.back
        return [at - back for at in runs if at >= back] if back else runs


def digit_led(pattern: re.Pattern[str], back: int = 0) -> Finder:
    """A pattern whose matches start ``back`` characters before the first digit of a run of
    digits (a digit after no digit): tried there only."""
    return Finder(pattern, _DigitRuns(back))


def scanning(pattern: Any) -> Finder:
    """A pattern with no known places: it scans the text."""
    return Finder(pattern)
