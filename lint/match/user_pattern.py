"""A finder of a pack author's pattern (compiled by ``regex``): tried only where its matches
can open, as CPython's parser reads it, and stopped by a time budget so that a catastrophic
pattern cannot hang a run (:class:`~copydesk.match.patterns.RuleTimeout`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Any

from .anchors import OpenerAnchors, split_by_opener
from .finder import Finder, Split
from .openers import user_openers
from .patterns import (
    CHUNK,
    TIMEOUT_SECONDS,
    RuleTimeout,
    compile_user,
    finditer,
    fold,
    matches_user_at,
)
from .scan import Scan, Scanned
from .shared import SharedMatchers

# What ties one alternative to another: a reference to a group by number or name, a
# conditional, a recursion (in fewer alternatives it could point at another group, or none),
# or an inline flag such as "(?i)" (``regex`` carries it into the alternatives after it).
# Such a pattern is never split.
_UNSPLITTABLE = re.compile(r"\\(?:[1-9]|g<)|\(\?(?:P[=>]|&|\(|[-+\w^]+\))")


class UserFinder(Finder):
    """A pack author's pattern under the time budget, tried where it can open."""

    def finditer(self, ctx: Scanned, start: int = 0, end: int | None = None,
                 text: str | None = None) -> Iterator[Any]:
        """The pattern's matches in the document's text; or in ``text`` when the rule reads
        another (the source, for a raw rule: built unanchored, it scans)."""
        if start or end is not None:
            raise ValueError("an author's pattern is matched on the whole text")
        if text is not None:
            return finditer(self.pattern, text)
        scan = ctx.scan
        plan = None if self.places is None else self.places.plan(scan)
        if plan is None:
            found = list(finditer(self.pattern, scan.text))
        else:
            found = matches_user_at(self.pattern, scan.text, *plan)
        return iter(block_by_block(self.pattern, scan, found))


class _Shifted:
    """A match found in a piece of the text, read in the whole text's offsets."""

    __slots__ = ("_at", "_m")

    def __init__(self, m: Any, at: int) -> None:
        self._m, self._at = m, at

    def start(self, group: int = 0) -> int:
        s: int = self._m.start(group)
        return s if s < 0 else s + self._at

    def end(self, group: int = 0) -> int:
        e: int = self._m.end(group)
        return e if e < 0 else e + self._at

    def span(self, group: int = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, *groups: Any) -> Any:
        return self._m.group(*groups)

    def groups(self, default: Any = None) -> Any:
        return self._m.groups(default)


def block_by_block(pattern: Any, scan: Scan, found: list[Any]) -> list[Any]:
    r"""``found`` (the pattern's matches in the whole text) as Vale finds them, reading each
    block apart: a match that runs from one block into another (or over a blank line), which
    the engine drops, is looked for again in each block it touches, where ``^`` and ``$``
    hold at the block's ends and ``\s`` cannot reach past them ("\nI " at the end of the
    paragraph before is "I " at the start of this one; "cool!" ends its paragraph). What
    the second look finds on words the first kept is not kept twice."""
    crosses = scan.bounds()
    redo = [i for i, m in enumerate(found) if m.end() > m.start() and crosses(m.start(), m.end())]
    if not redo:
        return found
    pieces = scan.pieces()
    text = scan.text
    again = set(redo)
    kept = [m for i, m in enumerate(found) if i not in again]
    # the spans kept so far, in text order (the first look's matches do not overlap)
    taken = [m.span() for m in kept if m.end() > m.start()]
    looked: set[tuple[int, int]] = set()
    for i in redo:
        for a, b in pieces(found[i].start(), found[i].end()):
            if (a, b) in looked:
                continue
            looked.add((a, b))
            for x in _in_piece(pattern, text[a:b]):
                s, e = x.start() + a, x.end() + a
                k = bisect_left(taken, (s, e))
                if e > s and not (k and taken[k - 1][1] > s) and not (
                        k < len(taken) and taken[k][0] < e):
                    kept.append(_Shifted(x, a))
                    taken.insert(k, (s, e))
    kept.sort(key=lambda m: (m.start(), m.end()))
    return kept


def _in_piece(pattern: Any, piece: str) -> Iterator[Any]:
    """The pattern's matches in one block: a short text, under the same time budget."""
    if len(piece) > CHUNK:
        return finditer(pattern, piece)
    try:
        return iter(list(pattern.finditer(piece, timeout=TIMEOUT_SECONDS)))
    except TimeoutError:
        raise RuleTimeout(f"pattern timed out after {TIMEOUT_SECONDS:g}s") from None


def user_pattern(
    shared: SharedMatchers, owner: str, compiled: Any, source: str, ignorecase: bool,
    anchored: bool = True, alternatives: Sequence[str] | None = None,
    build: Any = None,
) -> UserFinder:
    """A finder of ``compiled`` (``regex``, MULTILINE, maybe IGNORECASE) from ``source``.
    ``anchored`` False: it scans (a raw rule's source text has no word index). An alternation
    may give its ``alternatives`` and ``build(subset)``, the source of a pattern of some of
    them, in order: where a common word starts, only those it opens on are tried."""
    openers = user_openers(source, ignorecase) if anchored else None
    split = _split(source, ignorecase, alternatives, build) if openers and build else None
    by_word = split_by_opener(*split) if split is not None else None
    return UserFinder(compiled, OpenerAnchors(shared, owner, openers, by_word))


def _split(source: str, ignorecase: bool, alternatives: Sequence[str] | None,
           build: Any) -> Split | None:
    """The alternatives and their opening words, unless one of them opens unknowably or the
    pattern ties them together."""
    if not alternatives or len(alternatives) < 2 or _UNSPLITTABLE.search(source):
        return None
    opens: list[set[str]] = []
    for alternative in alternatives:
        openers = user_openers(build([alternative]), ignorecase)
        if openers is None:
            return None
        opens.append({fold(w) for w in openers[0]})
    return Split(alternatives, opens, lambda subset: compile_user(build(subset), ignorecase))
