"""Pairing start and end tags, so that an element with a class attribute becomes a region
(``classed``, its classes as the key: a Vale project's IgnoredClasses leaves them out).

Shared by the HTML reader and the Markdown reader's inline HTML. An end tag closes the
innermost open element of its name and every element still open inside it, as a browser
does. Linear in the tags: an end tag that closes nothing is not searched for (a count per
name says so), and a search that finds its element closes everything it passed.
"""

from __future__ import annotations

from collections import Counter

# elements with no content: a class on one of them covers no text
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())


class ClassedTags:
    """The open elements, innermost last, and the [start, end, classes) spans of the closed
    ones that had a class."""

    def __init__(self) -> None:
        self.open: list[tuple[str, int, str]] = []  # (tag, where it starts, its classes)
        self.counts: Counter[str] = Counter()  # open elements of each name
        self.spans: list[tuple[int, int, str]] = []

    def start(self, tag: str, at: int, classes: str = "") -> None:
        """An element opens at ``at``; ``classes`` as written (white space is normalised)."""
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, at, " ".join(classes.split())))
            self.counts[tag] += 1

    def end(self, tag: str, at: int) -> None:
        """``</tag>`` at ``at``: the innermost open ``tag``, and all open inside it, end there."""
        if not self.counts[tag]:
            return
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                self._close(i, at)
                return

    def end_all(self, at: int) -> None:
        """Every open element ends at ``at`` (the end of the file)."""
        self._close(0, at)

    def forget(self) -> None:
        """Drop the open elements without a span (a paragraph's inline HTML left open)."""
        self.open.clear()
        self.counts.clear()

    def _close(self, index: int, at: int) -> None:
        for tag, start, classes in self.open[index:]:
            self.counts[tag] -= 1
            if classes:
                self.spans.append((start, at, classes))
        del self.open[index:]
