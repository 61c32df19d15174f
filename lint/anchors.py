"""Word anchors: run a rule's pattern only where one of its possible first words starts.

A rule that knows every word its matches can begin with registers those words in the run's
shared word index (the case-insensitive, whole-word :class:`~lint.term_index.TermIndex`, which
scans each document once for every rule). Its pattern is then tried only at those places,
instead of at every character: the same matches, a fraction of the cost. A word holding a
letter that IGNORECASE folds unlike ``lower()`` (ſ is an s to ``re``) is tried by every rule.

The contract a rule must keep: every match of its pattern starts at the first character of a
maximal run of word characters (``\\w+``) whose lower-cased text is one of the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from lint.matchers import CASE_TRAPS, START, finditer_at, fold
from lint.term_index import TermIndex

if TYPE_CHECKING:
    from lint.context import Context
    from lint.kinds import SharedMatchers


class WordAnchors:
    """The first words of one rule's pattern (or none known: the pattern scans the text)."""

    def __init__(self, shared: SharedMatchers, owner: str, words: Iterable[str] | None) -> None:
        self.owner = owner + " first-word"
        self.index: TermIndex | None = None
        if words is None:
            return
        folded = {fold(w) for w in words}
        # a first word with a case trap would miss its IGNORECASE spellings: scan instead
        if not folded or any(CASE_TRAPS.search(w) or not re.fullmatch(r"\w+", w) for w in folded):
            return
        self.index = shared.terms(ignorecase=True, words=True)
        for word in sorted(folded):
            self.index.add(word, self.owner)

    def starts(self, ctx: Context) -> list[int] | None:
        """Sorted offsets where a match may start, or None when the whole text must be scanned."""
        if self.index is None:
            return None
        return ctx.with_traps(ctx.term_starts(self.index, self.owner))

    def finditer(
        self, pattern: re.Pattern[str], ctx: Context, text: str
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)`` (text is ``ctx.text`` or ``ctx.folded``), tried at the
        anchors only."""
        starts = self.starts(ctx)
        if starts is None:
            return pattern.finditer(text)
        return finditer_at(pattern, text, starts)


class OpenerAnchors:
    """Where a pack author's ``regex`` pattern may match: where one of its first words starts
    (:class:`WordAnchors`, plus the word starts only ``regex`` sees), or at one of its opening
    punctuation characters. Unknown openers: the pattern scans."""

    def __init__(
        self, shared: SharedMatchers, owner: str, openers: tuple[set[str], set[str]] | None
    ) -> None:
        self.known = openers is not None
        words, chars = openers or (set(), set())
        self.words = WordAnchors(shared, owner, words) if words else None
        if self.words is not None and self.words.index is None:
            self.known = False
        self.chars = (
            re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]") if chars else None
        )

    def starts(self, ctx: Context) -> list[int] | None:
        """Sorted offsets where a match may start, or None when the text must be scanned."""
        if not self.known:
            return None
        out: list[int] = []
        if self.words is not None:
            out = self.words.starts(ctx) or []
            if ctx.number_breaks:
                out = sorted(set(out).union(ctx.number_breaks))
        if self.chars is not None:  # punctuation never starts a word: no repeats
            out = sorted(out + list(map(START, self.chars.finditer(ctx.text))))
        return out

