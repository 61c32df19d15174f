"""What the title- and sentence-case converters share: a rule's vocabulary (its ``exceptions``
plus the project's accepted terms) looked up word by word, and Go's two ways of capitalising.

Vale hands the converters its exceptions as regexes: a word equal to an entry (ignoring case)
takes the entry's spelling, a word an entry matches anywhere in it is kept as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...match.patterns import compile_user, is_literal, trie_pattern

_FOLD_FLAG = "(?i)"


def scoped(entry: str) -> str:
    """An entry as a piece of a larger alternation: a leading ``(?i)`` (Vale's way of making one
    exception case-insensitive) must stay local to that entry, so it becomes ``(?i:…)``."""
    if entry.startswith(_FOLD_FLAG):
        return "(?i:" + entry[len(_FOLD_FLAG) :] + ")"
    return entry


def by_length(entries: Sequence[str]) -> list[str]:
    """Longest first, so that an alternation prefers "Axon Server" to "Axon" (a stable sort)."""
    return sorted(entries, key=len, reverse=True)


# past this many plain words, an alternation is written as a trie: a project vocabulary of
# thousands of words is tried at every word of every block
_TRIE_FROM = 50


def alternation(entries: Sequence[str]) -> str:
    """The entries (longest first) as one alternation. A long one puts the regex entries first
    and the plain words after them as a trie, which still prefers the longest word."""
    plain = [e for e in entries if is_literal(e)]
    if len(plain) < _TRIE_FROM:
        return "|".join(scoped(e) for e in entries)
    others = [scoped(e) for e in entries if not is_literal(e)]
    return "|".join([*others, trie_pattern(plain)])


def _compiled(entry: str) -> Any:
    import regex

    try:
        return compile_user(scoped(entry))
    except regex.error:
        return None  # Vale: an entry that is not a valid regex matches nothing


class CaseVocab:
    """The converters' vocabulary: ``lookup(word)`` is the form the vocabulary gives a word."""

    def __init__(self, entries: Sequence[str]) -> None:
        self.entries = by_length(entries)
        # where each entry sits in Vale's order, found without walking a long vocabulary for
        # every word: equal entries by folded form, plain words by their text (a plain word
        # matches inside a word exactly where it is a substring), regexes tried one by one
        self.equal: dict[str, int] = {}
        self.plain: dict[str, int] = {}
        self.regexes: list[tuple[int, Any]] = []
        self.valid: list[str] = []  # the entries that are regexes (a line that is not: left out)
        for i, entry in enumerate(self.entries):
            self.equal.setdefault(entry.casefold(), i)
            if is_literal(entry):
                self.plain.setdefault(entry, i)
            elif (pattern := _compiled(entry)) is not None:
                self.regexes.append((i, pattern))
            else:
                continue
            self.valid.append(entry)
        self.lengths = sorted({len(e) for e in self.plain})

    def _first_match(self, word: str, before: int) -> int:
        """The first entry (under ``before``) matching inside ``word``, or ``before``."""
        best = before
        n = len(word)
        for size in self.lengths:
            if size > n:
                break
            for at in range(n - size + 1):
                i = self.plain.get(word[at : at + size])
                if i is not None and i < best:
                    best = i
        for i, pattern in self.regexes:
            if i >= best:
                break
            if pattern.search(word):
                return i
        return best

    def lookup(self, word: str) -> str | None:
        """The entry's spelling when the word equals an entry (ignoring case), the word as
        written when an entry matches inside it, else None; the first entry that applies wins,
        in Vale's order (longest first)."""
        missing = len(self.entries)
        equal = self.equal.get(word.casefold(), missing)
        first = self._first_match(word, equal)
        if first < equal:
            return word
        return self.entries[equal] if equal < missing else None


def first_upper(word: str, rest_lower: bool) -> str:
    """Go's ``ToTitle`` of the first letter (the rest lower-cased when ``rest_lower``)."""
    if not word:
        return word
    head = word[0].title()
    if len(head) != 1:  # "ß".title() is "Ss": keep the length, as Go does
        head = word[0].upper() if len(word[0].upper()) == 1 else word[0]
    rest = word[1:].lower() if rest_lower else word[1:]
    return head + rest


def _separator(ch: str) -> bool:
    """Go's ``strings.Title`` word separator: ASCII other than letters, digits and ``_``;
    beyond ASCII only spaces."""
    if ord(ch) < 0x80:
        return not (ch.isalnum() or ch == "_")
    if ch.isalpha() or ch.isdigit():
        return False
    return ch.isspace()


def go_title(word: str) -> str:
    """Go's ``strings.Title``: every letter after a separator capitalised ("isn't" → "Isn'T")."""
    out = []
    prev = " "
    for ch in word:
        out.append(first_upper(ch, False) if _separator(prev) else ch)
        prev = ch
    return "".join(out)
