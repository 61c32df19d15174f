"""A finder of a pack author's pattern (compiled by ``regex``): tried only where its matches
can open, as CPython's parser reads it, and stopped by a time budget so that a catastrophic
pattern cannot hang a run (:class:`~copydesk.match.patterns.RuleTimeout`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from .anchors import OpenerAnchors, split_by_opener
from .finder import Finder, Split
from .openers import user_openers
from .patterns import compile_user, finditer, fold, matches_user_at
from .scan import Scanned
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
        if text is None:
            scan = ctx.scan
            text = scan.text
            plan = None if self.places is None else self.places.plan(scan)
        else:
            plan = None
        if plan is None:
            return finditer(self.pattern, text)
        return iter(matches_user_at(self.pattern, text, *plan))


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
