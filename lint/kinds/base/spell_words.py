"""The words a ``spelling`` rule checks, found the way Vale finds them, and Vale's default filters.

Vale does not split text on word boundaries: it takes each run of non-space characters, turns
curly quotes into straight ones, strips opening ``$ ( " [`` and closing ``, ) " ] ! ; . ? : '``
one character at a time, and keeps what is left whole ("don't", "human-friendly", "e.g.") if it
holds a letter. A word is therefore an exact span of the text, found without searching.

The default filters (off with ``custom: true``) skip a word that holds anything but letters,
``_`` and ``'`` (numbers, hyphens, URLs, e-mail addresses), one that ends in a capital letter
("TODO", "iOS") and one in mixed case that starts with a capital ("MongoDB", "JavaScript").
"Myproduct" and "hasChildren" are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# runs of non-space characters: what Vale splits a block into before trimming punctuation
RUNS = re.compile(r"\S+")
# the same length before and after, so that offsets into the run stay offsets into the text
_STRAIGHTEN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_OPENERS = frozenset('$("[')
_CLOSERS = frozenset(',)"]!;.?:\'')
# abbreviations Vale keeps with their dots: "e.g.", "U.S.", "Mr."
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{1,2}\.")
# Vale's `[A-Z]{1}[a-z]+[A-Z]+\w+` (ASCII): a capital, small letters, a capital, a word character
_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z]\w", re.ASCII)
# scripts written without spaces between words (Han, kana, Hangul): a "word" here is a phrase,
# which no Hunspell dictionary can judge, and Vale reports none
_UNSPACED = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
                       r"\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]")


def straighten(run: str) -> str:
    return run.translate(_STRAIGHTEN)


def split_run(run: str) -> list[tuple[int, int, str]]:
    """The words of one run of non-space text: (start, end, word) with offsets into ``run``.

    ``run`` is the text as written; the word is its straightened form (Vale reports that)."""
    flat = straighten(run)
    a, b = 0, len(flat)
    while a < b:
        piece = flat[a:b]
        if _ABBREVIATION.fullmatch(piece):
            break
        if b - a > 1 and flat[a] in _OPENERS:
            a += 1
        elif b - a > 1 and flat[b - 1] in _CLOSERS:
            b -= 1
        else:
            break
    piece = flat[a:b]
    if not any(c.isalpha() for c in piece) or _UNSPACED.search(piece):
        return []
    return [(a, b, piece)]


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """Every word of ``text``: (start, end, word), offsets into ``text``."""
    for m in RUNS.finditer(text):
        base = m.start()
        for a, b, word in split_run(m.group()):
            yield base + a, base + b, word


def skipped_by_default(word: str) -> bool:
    """Would one of Vale's three default filters skip ``word``?"""
    if not all(c.isalpha() or c == "_" or c == "'" for c in word):
        return True
    if word[-1].isupper():
        return True
    return _CAMEL.search(word) is not None
