"""The shared term index: many literal terms from many rules, found in one pass of one regex.

Every rule that lists literal terms (and every rule that registers the first words its pattern
can open on, :mod:`copydesk.match.anchors`) adds them to an index shared per (case mode, word
mode); a
document is scanned once per index, and each rule then reads its own terms' places.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterator
from itertools import islice
from typing import Any

from .patterns import GROUP, START, fold, normalise_term, trie_pattern

_SPACES = re.compile(r"\s+")
_WORD_CHAR = re.compile(r"\w")
_NON_WORD_CHAR = re.compile(r"\W")

# A term matcher with more keys than this is compiled through the on-disk program cache:
# ``re`` parses a pattern in pure Python, and 20,000 terms take most of a second to parse.
LARGE_INDEX = 2_000
# A word-mode term matcher whose terms open on at most this many characters is written so that
# re can skip to them (see ``TermIndex._body``); with more, a letter opens nearly every word.
FEW_HEADS = 4
_BATCH = 8192  # matches grouped at a time (see scan_grouped)


Grouped = dict[str, list[int]]  # term key -> starts


class TermIndex:
    """Many literal terms from many rules, matched in one pass by one compiled regex.

    The regex finds, at each start position, the longest term; its prefixes then yield every
    shorter term starting there too, so one rule's "foo bar" never hides another rule's "foo".
    Each owner then keeps its own leftmost-longest, non-overlapping matches.
    """

    def __init__(self, ignorecase: bool, words: bool) -> None:
        self.ignorecase = ignorecase
        self.words = words
        self.owners: dict[str, list[tuple[str, Any]]] = {}  # term -> (owner, payload)
        self.terms_of: dict[str, list[tuple[str, Any]]] = {}  # owner -> (term, payload)
        self._compiled: re.Pattern[str] | None = None
        self._nested: frozenset[str] | None = None
        self._simple: frozenset[str] | None = None
        self._term_sets: dict[str, frozenset[str]] = {}

    def add(self, term: str, owner: str, payload: Any = None) -> None:
        key = normalise_term(term, self.ignorecase)
        if not key:
            return
        self.owners.setdefault(key, []).append((owner, payload))
        self.terms_of.setdefault(owner, []).append((key, payload))
        self._compiled = None
        self._nested = None
        self._simple = None
        self._term_sets.pop(owner, None)

    def term_set(self, owner: str) -> frozenset[str]:
        """The keys of ``owner``'s terms."""
        terms = self._term_sets.get(owner)
        if terms is None:
            terms = self._term_sets[owner] = frozenset(k for k, _ in self.terms_of.get(owner, ()))
        return terms

    @property
    def nested(self) -> frozenset[str]:
        """Keys with a shorter key as a prefix that can end a term there (a space or a word
        end follows it): only a match of one of these needs the prefix walk of a scan."""
        if self._nested is None:
            owners = self.owners
            self._nested = frozenset(
                key
                for key in owners
                if any(
                    key[:i] in owners and not key[i - 1].isspace()
                    for i in self._inner_ends(key)
                )
            )
        return self._nested

    def _inner_ends(self, key: str) -> Iterator[int] | range:
        """The offsets inside ``key`` where a shorter term may end: every one, or in word mode
        only before a non-word character (a 20,000-term list is mostly single words: none)."""
        if not self.words:
            return range(1, len(key))
        return (m.start() for m in _NON_WORD_CHAR.finditer(key, 1))

    def _body(self) -> str:
        terms = list(self.owners)
        if not self.words:
            return trie_pattern(terms)
        heads = {term[0] for term in terms}
        if len(heads) > FEW_HEADS or " " in heads:
            return rf"(?<!\w)(?:{trie_pattern(terms)})(?!\w)"
        # A pattern that opens on a lookbehind gives re's search nothing to skip ahead to, so
        # it tries every position of the text. With the word-start test put one character
        # later (``(?<!\w[\s\S])`` there is ``(?<!\w)`` one back), each alternative opens on
        # a literal and the search jumps between those few characters ("TK": ~10x faster).
        alternatives = []
        for head in sorted(heads):
            tails = [term[1:] for term in terms if term[0] == head]
            rest = trie_pattern([tail for tail in tails if tail])
            if rest:
                rest = f"(?:{rest})" + ("?" if "" in tails else "")
            alternatives.append(re.escape(head) + r"(?<!\w[\s\S])" + rest)
        return "(?:" + "|".join(alternatives) + r")(?!\w)"

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            if len(self.owners) > LARGE_INDEX:
                from .re_programs import compile_cached

                # keyed on the terms, so a warm run does not even build the pattern text
                key = f"terms|{self.words}|" + "\n".join(self.owners)
                self._compiled = compile_cached(key, self._body)
            else:
                self._compiled = re.compile(self._body())
        return self._compiled

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term key) of every term occurrence, overlapping ones included, by
        start and then end."""
        exact, other = self.scan_grouped(text)
        hits = [(s, s + len(key), key) for key, starts in exact.items() for s in starts]
        hits += [(s, e, key) for key, spans in other.items() for s, e in spans]
        hits.sort()
        return hits

    def scan_grouped(
        self, text: str, folded: str | None = None
    ) -> tuple[Grouped, dict[str, list[tuple[int, int]]]]:
        """Every term occurrence, grouped by term key: the starts of those whose text is the
        key itself (ending at start + len(key): nearly all), and the (start, end) of the rest
        (a run of spaces folded to the key's one). Each list is in text order.

        Grouping here, and keeping bare starts, spares a tuple per occurrence: a word list
        of articles and prepositions occurs in every third word of prose."""
        exact: Grouped = {}
        other: dict[str, list[tuple[int, int]]] = {}
        if not self.owners:
            return exact, other
        # ``folded``: the caller's fold of ``text``, when it has one (a copy of a large file)
        target = (folded if folded is not None else fold(text)) if self.ignorecase else text
        search = self.pattern.search
        if not self.words:  # a match may start inside the last one anywhere
            pos = 0
            while (m := search(target, pos)) is not None:
                self._record(target, m.start(), m.end(), m.group(), exact, other)
                pos = m.start() + 1
            return exact, other
        # word mode: a match opens on a word start, so only a match holding a non-word
        # character (a space, a hyphen) can have another open inside it; the rest is one
        # finditer, grouped by key in C (each step below is a map over a C method: ~55,000
        # occurrences per MB of prose cost a Python loop ~5x as much)
        # (in batches: a list of every match object of a large file, ~130 bytes each, was the
        # largest allocation of a run, ~7 bytes per character of text)
        groups: defaultdict[str, list[int]] = defaultdict(list)
        found = self.pattern.finditer(target)
        while matches := list(islice(found, _BATCH)):
            deque(map(list.append, map(groups.__getitem__, map(GROUP, matches)),
                      map(START, matches)), maxlen=0)
        simple = self.simple
        odd = [key for key in groups if key not in simple]
        exact.update(groups)
        touched: set[str] = set()
        for key in odd:
            e_len = len(key)  # the match's text is ``key``
            for s in exact.pop(key):
                touched.update(self._record(target, s, s + e_len, key, exact, other))
                if not key.isalnum():  # (underscores too: a superset of the non-word cases)
                    pos, e = s + 1, s + e_len
                    while (inner := search(target, pos)) is not None and inner.start() < e:
                        touched.update(self._record(
                            target, inner.start(), inner.end(), inner.group(), exact, other
                        ))
                        pos = inner.start() + 1
        for key in touched:  # found out of turn: back in text order
            if key in exact:
                exact[key].sort()
            if key in other:
                other[key].sort()
        return exact, other

    @property
    def simple(self) -> frozenset[str]:
        """Keys a word-mode match can be taken as at once: a term with no shorter term inside
        and no non-word character (so no other match opens inside it)."""
        if self._simple is None:
            nested = self.nested
            self._simple = frozenset(k for k in self.owners if k.isalnum() and k not in nested)
        return self._simple

    def _record(
        self,
        target: str,
        start: int,
        end: int,
        key: str,
        exact: Grouped,
        other: dict[str, list[tuple[int, int]]],
    ) -> list[str]:
        """The longest term at a match's start (itself a key, whitespace runs folded to one
        space), and the shorter ones inside it when one may end there; returns their keys."""
        owners = self.owners
        if key not in owners:
            key = _SPACES.sub(" ", key)
        if key in self.nested or key not in owners:
            found = self._prefixes(target, start, end)
        else:
            found = [(start, end, key)]
        for s, e, k in found:
            if e - s == len(k):
                exact.setdefault(k, []).append(s)
            else:
                other.setdefault(k, []).append((s, e))
        return [k for _, _, k in found]

    def _prefixes(self, target: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Every term that starts at ``start`` and ends by ``end`` (the longest match).

        The pattern matched ``target[start:end]`` by one path through the trie, so a shorter
        term starting here is a prefix of that text ending where a term may end (after a
        non-space, and at a word end in word mode); the pattern's ``\\s+`` is a term's single
        space, so the candidate is looked up with whitespace runs folded to one space.
        """
        found = []
        owners = self.owners
        for i in range(start + 1, end + 1):
            if target[i - 1].isspace() or not self._ends_word(target, i):
                continue
            piece = target[start:i]
            key = _SPACES.sub(" ", piece) if " " in piece or not piece.isprintable() else piece
            if key in owners:
                found.append((start, i, key))
        return found

    def _ends_word(self, target: str, i: int) -> bool:
        return not self.words or i >= len(target) or not _WORD_CHAR.match(target, i)
