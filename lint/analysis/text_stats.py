"""Count a document's statistics for the ``metric`` and ``readability`` kinds.

The counts follow Vale, which hands the text it summarises to jdkato/prose's ``summarize``
package: a word is a run of letters, digits and apostrophes (or an initialism such as
``U.S.A.``); ``characters`` counts its letters and digits; a long word has more than six bytes
(prose measures Go strings; a byte is a character in English); a polysyllabic word has three
or more syllables, and a complex word is one still polysyllabic after one syllable is taken off
an ``-es``, ``-ed`` or ``-ing`` ending. Vale's summary holds the text of paragraphs, list items
and block quotations: not headings, tables or code. The element counts (``heading_h1`` …
``heading_h6``, ``list``, ``pre``, ``blockquote``) count those blocks of the document.

Sentences are copydesk's (lint/analysis/sentences.py), split one block at a time; prose uses a
Punkt tokenizer, which can differ on abbreviations and on a sentence that starts in lower case.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import regex

from ..text.regions import Region
from .context import inside, merge
from .sentences import split
from .syllables import syllables

# an initialism first, as prose's word tokenizer tries it first
_WORD = regex.compile(r"(?:[A-Z]\.){2,}|[\p{N}\p{L}']+")
_LETTER_OR_DIGIT = regex.compile(r"[\p{N}\p{L}]")
_COMPLEX_ENDINGS = ("es", "ed", "ing")
# blocks whose text Vale summarises; a list item or quotation holds paragraphs in our regions
SUMMARISED = ("paragraph",)
CONTAINERS = ("list", "blockquote")
# where a paragraph region is not prose Vale summarises
NOT_SUMMARISED = ("heading", "table")
_INLINE_HOSTS = ("paragraph", "heading", "table")  # a code region inside one is a code span
ELEMENTS = (
    "heading_h1", "heading_h2", "heading_h3", "heading_h4", "heading_h5", "heading_h6",
    "list", "pre", "blockquote",
)
STATISTICS = (
    "words", "sentences", "characters", "syllables", "complex_words", "long_words",
    "polysyllabic_words", "paragraphs",
)
VARIABLES = frozenset(STATISTICS + ELEMENTS)


@dataclass
class TextStats:
    """The counts a readability formula reads."""

    words: int = 0
    sentences: int = 0
    characters: int = 0
    syllables: int = 0
    complex_words: int = 0
    long_words: int = 0
    polysyllabic_words: int = 0
    paragraphs: int = 0

    def add_block(self, text: str) -> None:
        """Count one block (a paragraph): its sentences, and the words of each."""
        self.paragraphs += 1
        for start, end in split(text, 0, len(text)):
            self.sentences += 1
            for m in _WORD.finditer(text, start, end):
                self.add_word(m.group())

    def add_word(self, word: str) -> None:
        n = syllables(word)
        self.words += 1
        self.characters += len(_LETTER_OR_DIGIT.findall(word))
        self.syllables += n
        if len(word.encode("utf-8")) > 6:
            self.long_words += 1
        if n > 2:
            self.polysyllabic_words += 1
        if n - (1 if word.endswith(_COMPLEX_ENDINGS) else 0) > 2:
            self.complex_words += 1

    def as_floats(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items()}


def count_text(blocks: Iterable[str]) -> TextStats:
    """The statistics of blocks of text (one paragraph each)."""
    stats = TextStats()
    for block in blocks:
        stats.add_block(block)
    return stats


def summary_regions(regions: list[Region]) -> list[Region]:
    """The blocks Vale summarises: paragraphs (in list items and quotations too) that are not
    headings or table cells, and the list items and quotations that hold no paragraph."""
    outside = merge([(r.start, r.end) for r in regions if r.kind in NOT_SUMMARISED])
    blocks = [r for r in regions if r.kind in SUMMARISED]
    starts = [b.start for b in blocks]  # regions come sorted by start
    kept = [b for b in blocks if not inside(outside, b.start, b.end)]
    for box in (r for r in regions if r.kind in CONTAINERS):
        i = bisect_left(starts, box.start)
        if i == len(blocks) or blocks[i].start >= box.end:  # no paragraph of its own
            kept.append(box)
    kept.sort(key=lambda r: (r.start, -r.end))
    # a list item inside a list item (or a quotation) is one block: the outer's text, once
    out: list[Region] = []
    for r in kept:
        if not out or r.end > out[-1].end or r.start >= out[-1].end:
            out.append(r)
    return out


class ElementIndex:
    """The document's element counts, for the whole of it or any stretch (source offsets)."""

    def __init__(self, regions: list[Region]) -> None:
        hosts = merge([(r.start, r.end) for r in regions if r.kind in _INLINE_HOSTS])
        self.elements: list[tuple[int, int, str]] = []
        for r in sorted(regions, key=lambda r: r.start):
            name = _element(r, hosts)
            if name:
                self.elements.append((r.start, r.end, name))
        self.starts = [start for start, _, _ in self.elements]

    def counts(self, start: int, end: int) -> dict[str, float]:
        """How many headings of each level, list items, code blocks and quotations lie within
        [start, end)."""
        counts = dict.fromkeys(ELEMENTS, 0.0)
        for i in range(bisect_left(self.starts, start), bisect_left(self.starts, end)):
            _, stop, name = self.elements[i]
            if stop <= end:
                counts[name] += 1
        return counts


def element_counts(regions: list[Region], start: int, end: int) -> dict[str, float]:
    """The element counts of source offsets [start, end) (see :class:`ElementIndex`)."""
    return ElementIndex(regions).counts(start, end)


def _element(r: Region, inline_hosts: list[tuple[int, int]]) -> str | None:
    if r.kind == "heading" and 1 <= r.level <= 6:
        return f"heading_h{r.level}"
    if r.kind in ("list", "blockquote"):
        return r.kind
    if r.kind == "code" and not inside(inline_hosts, r.start, r.end):
        return "pre"  # a code block, not a code span inside a line of prose
    return None
