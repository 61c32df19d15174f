"""Rule-based sentence splitting over the prose view (policy reference H1).

A boundary is ``[.!?]+`` plus optional closing quotes/brackets, whitespace, then an upper-case
letter, digit or opening quote/bracket, except after known abbreviations, single initials,
decimals and ellipses. A question or exclamation closing a quotation and followed by its
attribution ("“Why now?” Ruiz asked.") is not a boundary either: the speaker and verb belong
to the quotation's sentence. Blocks (paragraphs, headings, list items …) are hard boundaries,
applied by the caller, which splits one block at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import REPORT_VERBS

ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt sgt st no vs jan feb aug sept oct nov dec inc ltd co jr sr "
    "u.s u.k a.m p.m e.g i.e etc prof rep sen gov capt cmdr maj adm rev fig approx".split()
)
# A run of marks is taken whole and tried once, from its first mark: giving marks or closers
# back cannot help (the lookahead wants whitespace next), and a start inside the run ends where
# the run's own start does, so trying each (as a plain ``[.!?]+`` is) made 100 KB of dots
# quadratic. (A mark first, then the look-behind: the scan skips to marks at C speed.)
_BOUNDARY = re.compile(
    r"[.!?](?<![.!?][.!?])[.!?]*+[”\"’')\]]*+(?=\s++[\"“‘(\[]?[A-Z0-9\u00C0-\u024F])"
)
_BOUNDARY_HERE = re.compile(_BOUNDARY.pattern.replace("(?<![.!?][.!?])", "", 1))
_MARK_PAIRS = frozenset(a + b for a in ".!?" for b in ".!?")
_LAST_WORD = re.compile(r"([\w.]+)\.*$")
_SPAN = re.compile(r"\S(?:.*\S)?", re.S)
_WORDS_AHEAD = re.compile(r"[\w’'-]+")
# ``[\w.]`` is the loop's test below (``\w`` is isalnum() or "_"); a run shorter than
# _TAIL characters is found by one search of the tail
_RUN_TO_END = re.compile(r"[\w.]*\Z")
_CLAUSE_END = re.compile(r"[,.;:!?“”\"()]")
_TAIL = 12


def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _boundaries(text, start, end):
        if not _is_boundary(text, cursor, m, end):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        trimmed = _SPAN.search(text, s, e)
        if trimmed:
            out.append((trimmed.start(), trimmed.end()))
    return out


def _boundaries(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_BOUNDARY``'s matches in text[start:end]; a block opening inside a run of marks
    (its look-behind sees the marks before the block) is tried from its start as well."""
    if start and text[start - 1 : start + 1] in _MARK_PAIRS:
        first = _BOUNDARY_HERE.match(text, start, end)
        if first is not None:
            yield first
            start = first.end()
    yield from _BOUNDARY.finditer(text, start, end)


def _is_boundary(text: str, cursor: int, m: re.Match[str], end: int) -> bool:
    punct = m.group()
    if punct.startswith(".."):  # an ellipsis trails off; it does not end the sentence
        return False
    if punct.startswith("."):
        w = _last_word(text, cursor, m.start() + 1).rstrip(".").lower()
        if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
            return False
    elif punct[-1] in "”\"’'" and _attribution_follows(text, m.end(), end):
        return False
    return True


def _last_word(text: str, cursor: int, end: int) -> str:
    """The run of word characters and full stops that ends at ``end`` (not before ``cursor``).

    What ``_LAST_WORD.search(text, cursor, end).group(1)`` finds, read backwards from the end
    instead of tried at every position of the sentence (which made splitting quadratic): in
    the last few characters by one search, and only a longer run a character at a time.
    """
    lo = end - _TAIL
    if lo > cursor:
        run = _RUN_TO_END.search(text, lo, end)
        if run is not None and run.start() > lo:  # the run starts inside the tail
            return run.group()
    start = end
    while start > cursor and (text[start - 1] == "." or text[start - 1] == "_"
                              or text[start - 1].isalnum()):
        start -= 1
    return text[start:end]


def _attribution_follows(text: str, at: int, end: int) -> bool:
    """A report verb among the next five words, before any punctuation ("“Why?” Ruiz asked")."""
    clause = _CLAUSE_END.split(text[at : min(end, at + 80)], maxsplit=1)[0]
    words = [w.lower() for w in _WORDS_AHEAD.findall(clause)[:5]]
    return any(w in REPORT_VERBS for w in words)
