"""The words of one sentence, indexed once, for questions asked of every quotation in it.

``scare-quotes`` asks of each short quotation which words come just before it in its sentence
and whether one of its words stands whole elsewhere in the sentence. Asked by scanning the
sentence, that is quadratic where one "sentence" holds thousands of quotations (a 10,000-row
table of quoted cells, a list without full stops). Here each sentence is read once: its word
starts (for the words before an offset, found by bisection) and every word form that can stand
whole in it, with its first and last place (for an echo outside a quotation).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..match.patterns import case_classes, fold, has_case_trap
from .quotations import WORD

_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_SEPARATORS = "’'-"  # what WORD allows between the runs of word characters of one word
# characters: a sentence this short is searched for each quotation (cheaper than indexing it)
SHORT = 2000
# How long a word form is indexed: a longer word (no word an editor doubts is longer) is
# looked for with a search of the sentence, once per sentence
LONGEST = 64
# where folding and IGNORECASE's word boundaries part: a combining mark that ``re`` equates
# with a letter (ypogegrammeni with iota) and the dot lower() adds to a capital İ
_NOT_INDEXED = re.compile("[\u0345\u0307]")


def comparable(text: str) -> str:
    """``text`` folded, case-trap letters mapped to their class (same length)."""
    low = fold(text)
    if has_case_trap(low):
        low = low.translate(case_classes() or {})
    return low


class SentenceWords:
    """One sentence, ``text[start:end]``, read once."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._starts: list[int] | None = None
        self._forms: dict[str, tuple[int, int]] | None = None
        self._low = ""
        self._odd: list[int] = []
        self._long: dict[str, list[int]] = {}

    def last_words(self, at: int, n: int) -> list[str]:
        """``WORD.findall(text, start, at)[-n:]``, reading only the last n + 1 words."""
        if self.end - self.start <= SHORT:
            return WORD.findall(self.text, self.start, at)[-n:] if n else []
        if self._starts is None:
            self._starts = [m.start() for m in WORD.finditer(self.text, self.start, self.end)]
        j = bisect_left(self._starts, at)  # the words starting before ``at``
        # from the start of the (n + 1)th word back, the scan finds what it found from the
        # sentence's start (the last word may be cut at ``at``, as there)
        frm = self._starts[j - n - 1] if j > n else self.start
        return WORD.findall(self.text, frm, max(at, frm))[-n:] if n else []

    def echoed(self, words: set[str], lo: int, hi: int) -> bool | None:
        """Does one of the lower-cased ``words`` stand whole (no word character either side) in
        the sentence outside ``[lo, hi)``, case ignored? None where the index cannot say (a
        combining mark that IGNORECASE reads as a letter outside the span, or in a word), and
        for a short sentence, where a search of it costs less than the index."""
        if self.end - self.start <= SHORT:
            return None
        if self._forms is None:
            self._index()
        s = self.start
        lo, hi = lo - s, hi - s
        if any(p < lo or p >= hi for p in self._odd):
            return None
        if case_classes() is None and (
            has_case_trap(self._low) or any(has_case_trap(fold(w)) for w in words)
        ):
            return None  # (re's case classes unknown: the index cannot vouch for a trap)
        for w in words:
            if _NOT_INDEXED.search(w) or not _is_word(w):
                return None
            w = comparable(w)
            if len(w) > LONGEST:
                places = self._long.get(w)
                if places is None:
                    places = self._long[w] = self._search(w)
                first, last = (places[0], places[-1]) if places else (-1, -1)
            else:
                first, last = self._forms.get(w, (-1, -1))  # type: ignore[union-attr]
            # every place of the form is inside the span unless the first ends before it or
            # the last starts after it
            if first >= 0 and (first + len(w) <= lo or last >= hi):
                return True
        return False

    def _index(self) -> None:
        """Every form that stands whole here: from each run of word characters, that run and
        each longer stretch through separators ending at a run's end (al-Qaeda gives "al",
        "al-qaeda" and "qaeda"), up to LONGEST characters, with its first and last start."""
        low = self._low = comparable(self.text[self.start : self.end])
        self._odd = [m.start() for m in _NOT_INDEXED.finditer(low)]
        runs = [m.span() for m in _RUN.finditer(low)]
        forms: dict[str, tuple[int, int]] = {}
        n = len(runs)
        for i, (p, e) in enumerate(runs):
            k = i
            while True:
                form = low[p:e]
                seen = forms.get(form)
                forms[form] = (p, p) if seen is None else (seen[0], p)
                k += 1
                if k == n:
                    break
                gap_from, next_end = e, runs[k][1]
                if next_end - p > LONGEST or not _joins(low, gap_from, runs[k][0]):
                    break
                e = next_end
        self._forms = forms

    def _search(self, w: str) -> list[int]:
        """Where a form too long for the index stands whole (a search, once per form)."""
        low, out, at = self._low, [], self._low.find(w)
        while at >= 0:
            if not (at and _WORD_CHAR.match(low, at - 1)) and not _WORD_CHAR.match(
                low, at + len(w)
            ):
                out.append(at)
            at = low.find(w, at + 1)
        return out


def _joins(low: str, gap_from: int, gap_to: int) -> bool:
    """Are the characters between two runs all separators a word may hold?"""
    return all(c in _SEPARATORS for c in low[gap_from:gap_to])


def _is_word(w: str) -> bool:
    """A word form the index holds: word characters and separators, a word character at each
    end (what WORD finds, lower-cased)."""
    return bool(w) and _WORD_CHAR.match(w) is not None and _WORD_CHAR.match(w, len(w) - 1) \
        is not None and all(c in _SEPARATORS or _WORD_CHAR.match(c) for c in w)
