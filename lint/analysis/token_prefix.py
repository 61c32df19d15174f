"""A sentence's words read once, asked for the first word passing a test before an offset.

Attribution asks this of every quotation in a sentence (is there a source in the words before
"saying", before the colon of a headline, before an "it" that needs an antecedent?). Reading the
words again for each made a sentence with thousands of quotations (a table, a list with no full
stop) quadratic; here the words are read once and each question is a bisection.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from .speakers import Token


class TokenPrefix:
    """The words of one stretch of text, in order, and the first of them passing ``test``."""

    def __init__(self, tokens: list[Token], test: Callable[[list[Token], int], bool]) -> None:
        self.tokens = tokens
        self.ends = [pos + len(tok) for pos, tok in tokens]
        self.first = next((j for j in range(len(tokens)) if test(tokens, j)), len(tokens))

    def first_before(self, x: int) -> tuple[int, int] | None:
        """For the words that end by ``x`` (what reading the stretch up to ``x`` gives):
        (index of the first passing the test, or -1; how many there are). None when a word
        runs across ``x``: reading up to ``x`` would cut it, so the caller reads that prefix
        itself."""
        k = bisect_right(self.ends, x)
        if k < len(self.tokens) and self.tokens[k][0] < x:
            return None
        return (self.first if self.first < k else -1), k
