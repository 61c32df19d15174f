"""Where a figure (:data:`copydesk.analysis.figures.FIGURE`) can start in a text: the offsets at
which the figure pattern is tried, so that it is not tried at every character.

A superset is enough and exactness is tested: FIGURE tried at these offsets finds what
``FIGURE.finditer`` finds (tests/test_analysis_equivalence.py).
"""

from __future__ import annotations

import re

from ..match.patterns import START
from .alternation import ordered_alternation

# Where a figure can start: a number, a currency sign or one of the words FIGURE can begin
# with (each followed by a non-word character in FIGURE). Found in one pass over the lower-
# cased document; FIGURE itself is then tried only at these positions, which yields exactly
# the matches of FIGURE.finditer (a match never starts anywhere else).
FIGURE_WORDS = (
    "about around roughly nearly almost some over approximately between half one ones two twos "
    "three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety doubled "
    "tripled quadrupled tenfold twofold threefold twice"
).split()
# Words that open a figure only with the words after them: the first word is consumed and the
# rest looked at, so that no other anchor ("over" after "just") is swallowed.
_ANCHOR_PHRASES = (
    r"more(?=\s+than)|at(?=\s+(?:least|most))|up(?=\s+to)|as(?=\s+many\s+as)|fewer(?=\s+than)|"
    r"less(?=\s+than)|an(?=\s+estimated)|upwards(?=\s+of)|just(?=\s+(?:over|under))|"
    r"close(?=\s+to)|a(?=\s+(?:dozen|hundred|thousand|million|billion|third|quarter))"
)
# A figure opens on a currency sign or on the first digit of a run: FIGURE's lookbehind
# refuses a start after a word character, which a digit is ("(?<!\w\d)" there is that test
# one character late, so re can skip between the signs and digits).
_NUMBER_ANCHOR = r"[$€£¥₩₽\d](?<!\w\d)"
# (the words as a prefix trie: which word matches at a position does not depend on order)
_WORD_TRIE = ordered_alternation(sorted(FIGURE_WORDS, key=len, reverse=True), ignorecase=False)
_ANCHOR = _NUMBER_ANCHOR + rf"|\b(?:{_WORD_TRIE})\b|\b(?:{_ANCHOR_PHRASES})"
_ANCHOR_SIGN = re.compile(_NUMBER_ANCHOR)
_ANCHOR_WORD_LOWER = re.compile(rf"(?:{_WORD_TRIE})\b")
_ANCHOR_PHRASE_LOWER = re.compile(_ANCHOR_PHRASES)
_ANCHOR_ANY_CASE = re.compile(_ANCHOR, re.IGNORECASE)
# Non-ASCII letters that IGNORECASE matches to ASCII ones (İ ı ſ K): lower() misses them.
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")
_WORD_CHAR = re.compile(r"\w")


def figure_anchors(
    text: str,
    start: int = 0,
    end: int | None = None,
    words: list[int] | None = None,
    lowered: str | None = None,
) -> list[int]:
    """Sorted offsets in text[start:end] where a FIGURE match may start (a superset).

    ``words``, for the whole text only, are the sorted starts of the words in
    :data:`FIGURE_WORDS` (whole words, case folded, and any word holding a case trap), as a
    shared word index finds them: they replace this function's own scan for those words.

    The trailing ``\\b`` of a word sees the character after ``end``, so these anchors serve
    a sentence of text[start:end] only if the sentence ends at ``end`` or before a non-word
    character (see :func:`anchors_for`)."""
    piece = text[start:end]
    # (the whole text's lower-case copy, when the caller holds one: a second one of a long
    # document costs as much as a scan)
    low = lowered if lowered is not None and not start and end is None else piece.lower()
    if len(low) == len(piece) and not any(c in piece for c in _CASE_TRAPS):
        # Three scans, each opening on a literal or a set so that re skips between its
        # candidates (one alternation opening on \b tries every position, ~20% slower). The
        # word scans test their \b here instead: a match inside a word lies within that word,
        # so dropping it hides no anchor (every word anchor opens a word).
        is_word = _WORD_CHAR.match
        found = list(map(START, _ANCHOR_SIGN.finditer(low)))
        scans: tuple[re.Pattern[str], ...] = (_ANCHOR_WORD_LOWER, _ANCHOR_PHRASE_LOWER)
        if words is not None and not start and end is None:
            found += words
            scans = (_ANCHOR_PHRASE_LOWER,)
        for scan in scans:
            found += [
                at for m in scan.finditer(low) if not ((at := m.start()) and is_word(low, at - 1))
            ]
        found = sorted(set(found))  # (a case-trap word among ``words`` may open a phrase)
        return [start + at for at in found] if start else found
    return [start + m.start() for m in _ANCHOR_ANY_CASE.finditer(piece)]


def anchors_for(text: str, start: int, end: int, anchors: list[int]) -> list[int]:
    """The document's anchors, or the sentence's own when a word runs on past its end."""
    if end < len(text) and _WORD_CHAR.match(text, end):
        return figure_anchors(text, start, end)
    return anchors
