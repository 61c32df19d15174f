"""Matching primitives: case folding, prefix-trie regexes, anchored matching, and pack
authors' regexes under a time budget.

A term list never becomes one pattern per term or a flat alternation (engineering notes B6):
terms are folded into a trie (:func:`trie_pattern`) and emitted as a single prefix-factored
regex; :mod:`copydesk.match.term_index` shares one per (case mode, word mode) among all rules.
User-written patterns run through the ``regex`` module with a timeout so a catastrophic
pattern cannot hang a run (imported on first use: a run whose rules hold no user regex never
loads it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import repeat
from operator import methodcaller
from typing import Any

from . import watchdog

TIMEOUT_SECONDS = 1.0
LITERAL = re.compile(r"\w(?:[\w '’-]*\w)?")
# unbound, to map over matches in C (no Python loop per match)
GROUP, START, END = re.Match.group, re.Match.start, re.Match.end


class RuleTimeout(Exception):
    """A user pattern ran past the timeout on one document."""


# Characters that re's IGNORECASE equates with a letter that lower() keeps apart from them (ſ is
# s, ı is i, Greek and old Cyrillic variant forms), after folding: every member of each of
# re's extra case classes but the lowest, and what lower-cases to one. Derived from
# ``re._casefix`` (tests/match/test_patterns.py recomputes it). Where neither the text nor a term
# holds one, comparing folded words finds exactly what an IGNORECASE pattern matches.
CASE_TRAP_CHARS = (
    "\u0131\u017f\u0399\u039c\u03a3\u03b9\u03bc\u03c3\u03d0\u03d1\u03d5\u03d6\u03f0"
    "\u03f1\u03f5\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1e9b\u1fbe\u1fd3\u1fe3"
    "\ua64a\ua64b\ufb06"
)
CASE_TRAPS = re.compile(f"[{CASE_TRAP_CHARS}]")


def has_case_trap(text: str) -> bool:
    """``CASE_TRAPS.search(text) is not None``, for a whole document: asking ``c in text`` for
    each character is several times faster on a long text than the class, which re tries at
    every position."""
    return any(c in text for c in CASE_TRAP_CHARS)


@cache
def case_classes() -> dict[int, str] | None:
    """Each character IGNORECASE equates with another beyond lower() (ſ and s, ς and σ, the
    Greek and old Cyrillic variant forms), after folding, mapped to one of its class: folded
    words equal under this map are words ``re.IGNORECASE`` matches.

    Read from ``re._casefix``, private to CPython, and only here: where it is missing or of
    another shape, None, and a caller treats a text holding a case-trap letter as one it
    cannot compare by folding (scare-quotes' sentence index then searches instead)."""
    classes: dict[str, set[str]] = {}
    try:
        from re import _casefix  # type: ignore[attr-defined]

        for low, extra in _casefix._EXTRA_CASES.items():
            members = {chr(low), *map(chr, extra)}
            for m in list(members):
                members |= classes.get(m, set())
            for m in members:
                classes[m] = members
    except Exception:  # another Python
        return None
    out = {}
    for c, group in classes.items():
        # one of its letters stands for a class (a word character stays one); the combining
        # ypogegrammeni is left alone, for the index to see and give up on
        letter = min(m for m in group if m.isalnum())
        if c != letter and c != "\u0345":
            out[ord(c)] = letter
    return out


def fold(text: str) -> str:
    """Lower-case without changing length (U+0130 is the one code point whose lower() grows)."""
    if len(text) > _FOLD_PIECE:
        return "".join(map(_fold, _pieces(text)))
    return _fold(text)


def _fold(text: str) -> str:
    return text.translate({0x130: "i"}).lower() if "\u0130" in text else text.lower()


# CPython's lower() of a non-ASCII string first fills a buffer of 3 UCS-4 characters per
# character (12 bytes a character: 1.2 GB for a 100 MB file), so a long text is folded in
# pieces. Each piece ends just after whitespace, where lower-casing has no context to lose
# (the one context-sensitive rule, a final sigma, looks past case-ignorable characters only).
_FOLD_PIECE = 1 << 20
_SPACE = re.compile(r"\s")


def _pieces(text: str) -> Iterator[str]:
    start, n = 0, len(text)
    while start < n:
        end = start + _FOLD_PIECE
        if end < n:
            m = _SPACE.search(text, end)
            end = m.end() if m else n
        yield text[start:end]
        start = end


def is_literal(token: str) -> bool:
    """A token with no regex syntax that starts and ends with a word character."""
    return LITERAL.fullmatch(token) is not None


def normalise_term(term: str, ignorecase: bool) -> str:
    # split()/strip() use the same whitespace as the regex \s, at a third of the cost of a
    # substitution (a 20,000-term list normalises every term on every run)
    term = " ".join(term.split())
    return fold(term) if ignorecase else term


def trie_pattern(terms: list[str]) -> str:
    """A prefix-factored alternation matching exactly ``terms`` (longest alternative first)."""
    trie: dict[str, Any] = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = True
    escaped: dict[str, str] = {" ": r"\s+"}  # a space in a term matches any run of whitespace

    def emit(node: dict[str, Any]) -> str:
        branches = []
        for ch in sorted(node):
            if ch:
                head = escaped.get(ch)
                if head is None:
                    head = escaped[ch] = re.escape(ch)
                branches.append(head + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            if len(branches) == 1 and len(body) > 1 and not body.startswith("(?:"):
                body = "(?:" + body + ")"
            return body + "?"
        return body

    return emit(trie)


def finditer_at(
    pattern: re.Pattern[str],
    text: str,
    starts: Sequence[int],
    start: int = 0,
    end: int | None = None,
) -> Iterator[Any]:
    """What ``pattern.finditer(text, start, end)`` yields, trying only the sorted ``starts``.

    Exact when every match of ``pattern`` starts at one of ``starts``: the match attempt at a
    position is the same anchored one the scan makes (lookbehinds still see the text before
    it), and a start inside the previous match is skipped as the scan would skip it.
    """
    end = len(text) if end is None else end
    first = bisect_left(starts, start) if start else 0
    return _outermost_at(pattern, text, starts, first, bisect_left(starts, end), end, start)


BATCH = 32  # anchors tried in one go


def _outermost_at(pattern: Any, text: str, starts: Sequence[int], lo: int, hi: int, end: int,
                  last: int) -> Iterator[Any]:
    """The matches at ``starts[lo:hi]``, without those inside the last one kept. The anchors
    are tried in C (a map, no Python loop per anchor: there are ~100,000 per MB), BATCH at a
    time, and the anchors inside the last match kept are skipped between batches: a match
    spanning thousands of anchors (100 KB of "1 1 1 …" is one chain of digits) was tried
    again from each of them, each attempt running to its end."""
    while lo < hi:
        batch = starts[lo : min(hi, lo + BATCH)]
        for m in filter(None, map(pattern.match, repeat(text), batch, repeat(end))):
            if m.start() >= last:
                last = m.end()
                yield m
        lo += BATCH
        if lo < hi and starts[lo] < last:
            lo = bisect_left(starts, last, lo, hi)


def tried_at(
    pattern: Any, text: str, starts: Sequence[int], parts: Sequence[tuple[Any, Sequence[int]]] = ()
) -> list[Any]:
    """:func:`finditer_at`'s matches, where some of the places are tried by patterns of their
    own (``parts``: each finds at its places what ``pattern`` finds there)."""
    if not parts:
        return list(finditer_at(pattern, text, starts))
    end = len(text)
    found = list(filter(None, map(pattern.match, repeat(text), starts, repeat(end))))
    for own, places in parts:
        found += filter(None, map(own.match, repeat(text), places, repeat(end)))
    found.sort(key=_START_OF)  # (a ``regex`` match is no re.Match: START would refuse it)
    return list(outermost(found))


_START_OF = methodcaller("start")


def outermost(matches: Iterable[Any], start: int = 0) -> Iterator[Any]:
    """Matches in order of start, without those that start inside the last one kept (which a
    scan never tries: it resumes where a match ends)."""
    last = start
    for m in matches:
        if m.start() >= last:
            last = m.end()
            yield m


def select_longest(hits: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Leftmost-longest, non-overlapping subset of one rule's term hits."""
    out: list[tuple[int, int, Any]] = []
    for hit in sorted(hits, key=lambda h: (h[0], -h[1])):
        if not out or hit[0] >= out[-1][1]:
            out.append(hit)
    return out


# Go's (and Vale's) code point escape \x{2018}, which ``regex`` does not read, unless its
# backslash is itself escaped
_GO_HEX = re.compile(r"(?<!\\)((?:\\\\)*)\\x\{([0-9A-Fa-f]{1,6})\}")


def go_escapes(pattern: str) -> str:
    r"""``pattern`` with Go's ``\x{HHHH}`` written as ``regex`` reads it (``\U0000HHHH``)."""
    if "x{" not in pattern:
        return pattern
    return _GO_HEX.sub(lambda m: f"{m.group(1)}\\U{int(m.group(2), 16):08x}", pattern)


def compile_user(pattern: str, ignorecase: bool = False) -> Any:
    """Compile a pack author's regex (raises regex.error on bad syntax)."""
    import regex

    flags = regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)
    return regex.compile(go_escapes(pattern), flags)


CHUNK = 64_000


def chunks(text: str, size: int = CHUNK) -> Iterator[tuple[int, int]]:
    """[start, end) windows of about ``size`` characters, each ending at a line break."""
    start, n = 0, len(text)
    while start < n:
        end = n if n - start <= size else text.find("\n", start + size)
        end = n if end == -1 else end + 1
        yield start, end
        start = end


def finditer(compiled: Any, text: str) -> Iterator[Any]:
    """finditer with a timeout per window of text; raises RuleTimeout instead of hanging.

    The budget is per ~64 KB window (cut at line breaks, with the whole string still visible
    to anchors and lookarounds), so a large file gets time in proportion to its size while a
    catastrophic pattern is still stopped within a second.
    """
    try:
        for start, end in chunks(text):
            yield from compiled.finditer(text, start, end, timeout=TIMEOUT_SECONDS)
    except TimeoutError:
        raise RuleTimeout(f"pattern timed out after {TIMEOUT_SECONDS:g}s") from None


class _Timed:
    """A pack author's ``regex`` pattern whose ``match`` shares one time budget: what
    :func:`finditer` allows the whole text (TIMEOUT_SECONDS per window)."""

    def __init__(self, compiled: Any, budget: float) -> None:
        import time

        self.compiled, self.clock = compiled, time.monotonic
        self.deadline = self.clock() + budget

    def match(self, text: str, pos: int, end: int) -> Any:
        left = self.deadline - self.clock()
        return self.compiled.match(text, pos, end, timeout=max(left, 1e-3))


def matches_user_at(
    compiled: Any, text: str, starts: Sequence[int], parts: Sequence[tuple[Any, Sequence[int]]] = ()
) -> list[Any]:
    """:func:`tried_at`'s matches for a pack author's pattern, under :func:`finditer`'s time
    budget (raises RuleTimeout): one alarm for the whole run where the process allows one
    (:mod:`copydesk.match.watchdog`), else a timeout on each call."""
    budget = TIMEOUT_SECONDS * max(1, -(-len(text) // CHUNK))
    try:
        if watchdog.available():
            return watchdog.run_within(budget, lambda: tried_at(compiled, text, starts, parts))
        timed = [(_Timed(own, budget), places) for own, places in parts]
        return tried_at(_Timed(compiled, budget), text, starts, timed)
    except TimeoutError:
        raise RuleTimeout(f"pattern timed out after {TIMEOUT_SECONDS:g}s") from None


def glyph_positions(text: str, glyphs: Iterable[str]) -> list[tuple[int, str]]:
    """Every occurrence of each glyph (a literal string: "“", "''") in ``text``, in text order,
    as (offset, glyph). One scan per glyph the text holds: ``re`` finds a literal at C speed,
    but tries a character class that mixes in characters beyond Latin-1 ("[“”„″]") at every
    position, eight to ten times slower on a long document. Glyphs must not overlap each
    other's characters."""
    out: list[tuple[int, str]] = []
    for glyph in glyphs:
        # (a one-character test first: looking for an absent two-character string costs as
        # much as the literal scan itself)
        if glyph[0] in text:
            out += zip(map(START, re.finditer(re.escape(glyph), text)), repeat(glyph))
    out.sort()
    return out
