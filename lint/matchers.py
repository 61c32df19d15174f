"""Compiled matchers: one prefix-trie regex for many literal terms, and user regexes with timeouts.

A term list never becomes one pattern per term or a flat alternation (engineering notes B6):
terms are folded into a trie and emitted as a single prefix-factored regex, one per
(case mode, word mode), shared by every rule that lists terms. User-written patterns run
through the ``regex`` module with a timeout so a catastrophic pattern cannot hang a run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex

TIMEOUT_SECONDS = 1.0
LITERAL = re.compile(r"\w(?:[\w '’-]*\w)?")
_SPACES = re.compile(r"\s+")


class RuleTimeout(Exception):
    """A user pattern ran past the timeout on one document."""


def fold(text: str) -> str:
    """Lower-case without changing length (U+0130 is the one code point whose lower() grows)."""
    return text.translate({0x130: "i"}).lower() if "\u0130" in text else text.lower()


def is_literal(token: str) -> bool:
    """A token with no regex syntax that starts and ends with a word character."""
    return LITERAL.fullmatch(token) is not None


def normalise_term(term: str, ignorecase: bool) -> str:
    term = _SPACES.sub(" ", term.strip())
    return fold(term) if ignorecase else term


def trie_pattern(terms: list[str]) -> str:
    """A prefix-factored alternation matching exactly ``terms`` (longest alternative first)."""
    trie: dict[str, Any] = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            head = r"\s+" if ch == " " else re.escape(ch)
            branches.append(head + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            if len(branches) == 1 and len(body) > 1 and not body.startswith("(?:"):
                body = "(?:" + body + ")"
            return body + "?"
        return body

    return emit(trie)


class TermIndex:
    """Many literal terms from many rules, matched in one pass by one compiled regex."""

    def __init__(self, ignorecase: bool, words: bool) -> None:
        self.ignorecase = ignorecase
        self.words = words
        self.owners: dict[str, list[tuple[str, Any]]] = {}
        self._compiled: re.Pattern[str] | None = None

    def add(self, term: str, owner: str, payload: Any = None) -> None:
        key = normalise_term(term, self.ignorecase)
        self.owners.setdefault(key, []).append((owner, payload))
        self._compiled = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            body = trie_pattern(list(self.owners))
            if self.words:
                body = rf"(?<!\w)(?:{body})(?!\w)"
            self._compiled = re.compile(body)
        return self._compiled

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term key) for every leftmost-longest match in ``text``."""
        if not self.owners:
            return []
        target = fold(text) if self.ignorecase else text
        out = []
        for m in self.pattern.finditer(target):
            key = _SPACES.sub(" ", m.group())
            out.append((m.start(), m.end(), key))
        return out


def compile_user(pattern: str, ignorecase: bool = False) -> Any:
    """Compile a pack author's regex (raises regex.error on bad syntax)."""
    flags = regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)
    return regex.compile(pattern, flags)


def finditer(compiled: Any, text: str) -> Iterator[Any]:
    """finditer with the timeout; raises RuleTimeout instead of hanging."""
    try:
        yield from compiled.finditer(text, timeout=TIMEOUT_SECONDS)
    except TimeoutError:
        raise RuleTimeout(f"pattern timed out after {TIMEOUT_SECONDS:g}s") from None
