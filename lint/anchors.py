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
from collections.abc import Iterable, Iterator, Mapping
from itertools import repeat
from typing import TYPE_CHECKING

from lint.matchers import CASE_TRAPS, START, finditer_at, fold, outermost
from lint.term_index import TermIndex

if TYPE_CHECKING:
    from lint.context import Context
    from lint.kinds import SharedMatchers


class WordAnchors:
    """The first words of one rule's pattern (or none known: the pattern scans the text).

    ``by_word`` maps some of the words (common ones: "the", "in") to a pattern that finds,
    where that word starts, what the rule's whole pattern finds there; it is tried there
    instead of the whole one (see :func:`lint.kinds.term_syntax.patterns_by_opener`)."""

    def __init__(
        self,
        shared: SharedMatchers,
        owner: str,
        words: Iterable[str] | None,
        by_word: Mapping[str, re.Pattern[str]] | None = None,
    ) -> None:
        self.owner = owner + " first-word"
        self.split_owner = owner + " first-word with its own pattern"
        self.index: TermIndex | None = None
        self.by_word: dict[str, re.Pattern[str]] = {}
        if words is None:
            return
        folded = {fold(w) for w in words}
        # a first word with a case trap would miss its IGNORECASE spellings: scan instead
        if not folded or any(CASE_TRAPS.search(w) or not re.fullmatch(r"\w+", w) for w in folded):
            return
        self.index = shared.terms(ignorecase=True, words=True)
        self.by_word = {w: p for w, p in (by_word or {}).items() if w in folded}
        for word in sorted(folded):
            self.index.add(word, self.split_owner if word in self.by_word else self.owner)

    def starts(self, ctx: Context) -> list[int] | None:
        """Sorted offsets where a match may start, or None when the whole text must be scanned."""
        if self.index is None:
            return None
        starts = ctx.term_starts(self.index, self.owner)
        if self.by_word:
            starts = sorted(set(starts).union(ctx.term_starts(self.index, self.split_owner)))
        return ctx.with_traps(starts)

    def finditer(
        self, pattern: re.Pattern[str], ctx: Context, text: str
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)`` (text is ``ctx.text`` or ``ctx.folded``), tried at the
        anchors only."""
        if self.index is None:
            return pattern.finditer(text)
        if not self.by_word:
            return finditer_at(pattern, text, self.starts(ctx) or [])
        # each word's places tried by its own pattern, all in C; no two words start at one
        # place, so sorting the matches by start merges them. A word holding a case trap (not
        # in the index under its folded spelling) is tried by the whole pattern; the words
        # with a pattern of their own hold none, so a trap elsewhere cannot open one of them.
        rest = ctx.with_traps(ctx.term_starts(self.index, self.owner))
        found = list(filter(None, map(pattern.match, repeat(text), rest)))
        for word, own in self.by_word.items():
            found += filter(None, map(own.match, repeat(text), ctx.word_starts(self.index, word)))
        found.sort(key=START)
        return outermost(found)


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

