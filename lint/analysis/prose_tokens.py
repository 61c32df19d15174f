"""Split a sentence into words the way Vale's ``sequence`` check sees them.

Vale tags the words of prose's tokenizer (jdkato/prose v3, ``tokenize.New``), so a rule's
tokens line up with these: the text is cut at white space, then each piece loses its leading
``$ ( " [ “ ‘``, splits before a contraction ending (``endpoint's`` is ``endpoint`` + ``'s``,
``don't`` is ``do`` + ``n't``) and sheds trailing punctuation (``, ) " ] ! ; . ? : '`` and the
curly closing quotes). A hyphenated word (``meet-up``) stays one token, and so do initialisms
(``U.S.``) and short abbreviations (``Mr.``). Prose also keeps emoticons whole; they are rare
in the documents a sequence rule reads and are split here like any other punctuation.

Each token carries its offset into the sentence (code points), so a match is reported where
its words are, never found again by searching the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_PREFIXES = ("$", "(", '"', "[", "\u201c", "\u2018")
_SUFFIXES = (",", ")", '"', "]", "!", ";", ".", "?", ":", "'", "\u201d", "\u2019")
_CONTRACTIONS = ("'ll", "'s", "'re", "'m", "n't", "\u2019ll", "\u2019s", "\u2019re", "\u2019m",
                 "n\u2019t")
_KEEP_WHOLE = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{1,2}\.")
_PIECES = re.compile(r"\S+")


class Word(NamedTuple):
    text: str
    start: int  # offset of the word in the text that was split


def words(text: str) -> list[Word]:
    """The words of ``text`` in order, each with its offset."""
    out: list[Word] = []
    for piece in _PIECES.finditer(text):
        _split(piece.group(), piece.start(), out)
    return out


def _split(span: str, base: int, out: list[Word]) -> None:
    if span.isalnum():  # most words: nothing to split off
        out.append(Word(span, base))
        return
    tail: list[Word] = []  # suffixes come off the end: collected, then emitted in order
    while span:
        if _KEEP_WHOLE.fullmatch(span):
            break
        cut = _prefix(span)
        if cut:
            out.append(Word(span[:cut], base))
            span, base = span[cut:], base + cut
            continue
        cut = _contraction(span)
        if cut > 0:
            out.append(Word(span[:cut], base))
            span, base = span[cut:], base + cut
            continue
        cut = _suffix(span)
        if cut:
            keep = len(span) - cut
            tail.append(Word(span[keep:], base + keep))
            span = span[:keep]
            continue
        break
    if span:
        out.append(Word(span, base))
    out.extend(reversed(tail))


def _prefix(span: str) -> int:
    for p in _PREFIXES:
        if span.startswith(p) and len(span) > len(p):
            return len(p)
    return 0


def _suffix(span: str) -> int:
    for s in _SUFFIXES:
        if span.endswith(s) and len(span) > len(s):
            return len(s)
    return 0


def _contraction(span: str) -> int:
    """Offset of the earliest contraction ending (ASCII case folded, as prose does), or -1.
    As in prose, an ending counts only where its first occurrence is not at the start."""
    if "'" not in span and "\u2019" not in span:
        return -1
    folded = "".join(c.lower() if c.isascii() else c for c in span)
    found = [i for i in (folded.find(c) for c in _CONTRACTIONS) if i > 0]
    return min(found) if found else -1
