"""Word anchors: run a rule's pattern only where one of its possible first words starts.

A rule that knows every word its matches can begin with registers those words in the run's
shared word index (the case-insensitive, whole-word
:class:`~copydesk.match.term_index.TermIndex`, which
scans each document once for every rule). Its pattern is then tried only at those places,
instead of at every character: the same matches, a fraction of the cost. A word holding a
letter that IGNORECASE folds unlike ``lower()`` (ſ is an s to ``re``) is tried by every rule.

The contract a rule must keep: every match of its pattern starts at the first character of a
maximal run of word characters (``\\w+``) whose lower-cased text is one of the words; and a
pattern it gives for one word (``by_word``) finds, wherever that word starts, exactly what the
whole pattern finds there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from .patterns import CASE_TRAPS, START, fold
from .term_index import TermIndex

T = TypeVar("T")

# Words that open a large share of the words of English prose. A rule whose matches can open on
# one may try a pattern of its own there (``by_word`` below); which words are here changes
# speed only, never a match.
COMMON_OPENERS = frozenset(
    "a an the of to in on at as by for from with into about and or but not no so if than then "
    "is are was were be been being has have had do does did will would can could may might "
    "should must it its this that these those there here he she they we you i his her their "
    "our your my who what which when where all some any more most many one".split()
)

def split_by_opener(
    alternatives: Sequence[T], opens: Sequence[set[str]], build: Callable[[list[T]], Any]
) -> dict[str, Callable[[], Any]]:
    """For each common word that opens a match of some of the ``alternatives`` (``opens``:
    the folded first words of each), a builder of the pattern of just those, in their order
    (``build(subset)``); nothing for a word every alternative opens on.

    Where the text holds that word only those alternatives can match, and an alternation
    tries its branches in order, so that pattern finds there what the whole one does, for a
    fraction of the cost of trying every branch at every "the" or "is"."""
    out: dict[str, Callable[[], Any]] = {}
    for word in sorted(COMMON_OPENERS & set().union(*opens)):
        subset = [a for a, words in zip(alternatives, opens, strict=True) if word in words]
        if len(subset) < len(alternatives):
            out[word] = partial(build, subset)
    return out


# Places of a word met in one process before the word's own pattern is built (see WordAnchors).
OWN_PATTERN_FROM = 2_000

# Where to try a pattern: the places for the whole one, and (pattern, places) for words that
# have a pattern of their own.
Plan = tuple[list[int], list[tuple[Any, list[int]]]]

if TYPE_CHECKING:
    from .scan import Scan
    from .shared import SharedMatchers


class WordAnchors:
    """The first words of one rule's pattern (or none known: the pattern scans the text).

    ``by_word`` maps some of the words (common ones: "the", "in") to a builder of a pattern
    that finds, where that word starts, what the rule's whole pattern finds there; it is
    tried there instead of the whole one (see :func:`split_by_opener`).
    It is built once the process has met the word :data:`OWN_PATTERN_FROM` times: compiling
    costs what a few thousand tries save, and a pre-commit run of one small file never pays."""

    def __init__(
        self,
        shared: SharedMatchers,
        owner: str,
        words: Iterable[str] | None,
        by_word: Mapping[str, Callable[[], Any]] | None = None,
    ) -> None:
        self.owner = owner + " first-word"
        self.split_owner = owner + " first-word with its own pattern"
        self.index: TermIndex | None = None
        self.by_word: dict[str, Callable[[], Any]] = {}
        self._own: dict[str, Any] = {}  # the patterns built so far
        self._met: dict[str, int] = {}  # places of each word met before its pattern was built
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

    def starts(self, scan: Scan) -> list[int] | None:
        """Sorted offsets where a match may start, or None when the whole text must be scanned."""
        if self.index is None:
            return None
        starts = scan.terms.starts(self.index, self.owner)
        if self.by_word:
            starts = sorted(set(starts).union(scan.terms.starts(self.index, self.split_owner)))
        return scan.with_traps(starts)

    def plan(self, scan: Scan) -> Plan | None:
        """Where to try the whole pattern, and where each word's own pattern (None: scan).

        No two words start at one place, so each place is tried once. A word holding a case
        trap (not in the index under its folded spelling) is tried by the whole pattern; the
        words with a pattern of their own hold none, so a trap cannot open one of them."""
        if self.index is None:
            return None
        if not self.by_word:
            return self.starts(scan) or [], []
        rest = scan.with_traps(scan.terms.starts(self.index, self.owner))
        parts: list[tuple[Any, list[int]]] = []
        unsplit: list[int] = []
        for word in self.by_word:
            places = scan.terms.word_starts(self.index, word)
            if not places:
                continue
            own = self._own.get(word)
            if own is None:
                met = self._met[word] = self._met.get(word, 0) + len(places)
                if met < OWN_PATTERN_FROM:
                    unsplit += places
                    continue
                own = self.own_pattern(word)
            parts.append((own, places))
        if unsplit:
            rest = sorted(rest + unsplit)
        return rest, parts

    def own_pattern(self, word: str) -> Any:
        """The pattern tried where ``word`` starts (built on first use)."""
        own = self._own.get(word)
        if own is None:
            own = self._own[word] = self.by_word[word]()
        return own


class OpenerAnchors:
    """Where a pack author's ``regex`` pattern may match: where one of its first words starts
    (:class:`WordAnchors`, plus the word starts only ``regex`` sees), or at one of its opening
    punctuation characters. Unknown openers: the pattern scans."""

    def __init__(
        self,
        shared: SharedMatchers,
        owner: str,
        openers: tuple[set[str], set[str]] | None,
        by_word: Mapping[str, Callable[[], Any]] | None = None,
    ) -> None:
        self.known = openers is not None
        words, chars = openers or (set(), set())
        self.words = WordAnchors(shared, owner, words, by_word) if words else None
        if self.words is not None and self.words.index is None:
            self.known = False
        self.chars = (
            re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]") if chars else None
        )

    def starts(self, scan: Scan) -> list[int] | None:
        """Sorted offsets where a match may start, or None when the text must be scanned."""
        plan = self.plan(scan, split=False)
        return None if plan is None else plan[0]

    def plan(self, scan: Scan, split: bool = True) -> Plan | None:
        """As :meth:`WordAnchors.plan`, with the word starts only ``regex`` sees and the
        opening punctuation among the places of the whole pattern."""
        if not self.known:
            return None
        out: list[int] = []
        parts: list[tuple[Any, list[int]]] = []
        if self.words is not None:
            if split:
                out, parts = self.words.plan(scan) or ([], [])
            else:
                out = self.words.starts(scan) or []
            if scan.number_breaks:
                out = sorted(set(out).union(scan.number_breaks))
        if self.chars is not None:  # punctuation never starts a word: no repeats
            out = sorted(out + list(map(START, self.chars.finditer(scan.text))))
        return out, parts
