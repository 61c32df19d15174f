"""A finder of a literal term list: the terms join the run's shared term index (one scan of
each document for every rule's terms), and the rule reads back where its own terms occur."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .patterns import select_longest
from .scan import Scanned
from .shared import SharedMatchers


class TermFinder:
    """One rule's literal terms, each with a payload (what the rule wants back with a hit)."""

    def __init__(self, shared: SharedMatchers, owner: str, ignorecase: bool, words: bool,
                 terms: Iterable[tuple[str, Any]]) -> None:
        self.owner = owner
        self.index = shared.terms(ignorecase, words)
        for term, payload in terms:
            self.index.add(term, owner, payload)

    def hits(self, ctx: Scanned) -> list[tuple[int, int, Any]]:
        """(start, end, payload) of the leftmost-longest, non-overlapping occurrences of the
        terms, in text order (a space in a term matches any run of white space; with
        ``words``, terms match whole words; a phrase never crosses two blocks)."""
        return select_longest(ctx.scan.terms.hits(self.index, self.owner))


def terms(shared: SharedMatchers, owner: str, ignorecase: bool, words: bool,
          terms: Iterable[tuple[str, Any]]) -> TermFinder:
    """A :class:`TermFinder` of ``terms`` ((term, payload) pairs) for ``owner``."""
    return TermFinder(shared, owner, ignorecase, words, terms)
