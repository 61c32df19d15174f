"""Claims and their sourcing across a document: which sentences carry a cue, which figures
need a source, and the memory of values already sourced earlier in the document."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .blocks import Block
from .figure_anchors import figure_anchors
from .figures import Figure, find_figures
from .quote import Quote
from .sources import ACT_WORDS, cue_strength, has_citation


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int


class Claims:
    def __init__(self, text: str, blocks: list[Block], sentences: list[Sentence],
                 quotes: list[Quote], links: list[tuple[int, int]],
                 turns: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.blocks = blocks
        self.sentences = sentences
        self.quotes = quotes
        self.link_starts = [s for s, _ in links]
        self.links = links
        self._cues = [-1] * len(sentences)
        self._starts = [s.start for s in sentences]
        self._quote_starts = [q.start for q in quotes]
        self.turns = turns or []  # transcript turns: speech, as quotations are
        self._turn_starts = [s for s, _ in self.turns]

    def _has_link(self, s: Sentence) -> bool:
        i = bisect_right(self.link_starts, s.end) - 1
        while i >= 0 and self.links[i][1] > s.start:
            if self.links[i][0] < s.end:
                return True
            i -= 1
        return False

    def cue(self, i: int) -> int:
        if self._cues[i] < 0:
            s = self.sentences[i]
            self._cues[i] = cue_strength(self.text, s.start, s.end, self._has_link(s))
        return self._cues[i]

    def act(self, i: int) -> bool:
        """Whether sentence i states an official act by a named body (voted, approved, fined,
        charged …): a matter of record for its own figures only."""
        s = self.sentences[i]
        if not ACT_WORDS.search(self.text, s.start, s.end):
            return False  # (no act verb: the usual case, found with one search)
        return cue_strength(self.text, s.start, s.end, False, acts=True) == 2

    def cited(self, i: int) -> bool:
        s = self.sentences[i]
        return has_citation(self.text, s.start, s.end, self._has_link(s))

    def sentence_at(self, offset: int) -> int:
        starts = self._starts
        return max(bisect_right(starts, offset) - 1, 0)

    def window_cue(self, i: int) -> int:
        """Strongest cue for sentence i: itself, the previous sentence of its block, or the
        last sentence of the previous block when i opens its block after no heading."""
        best = self.cue(i)
        if best == 2 or i == 0:
            return best
        prev = self.sentences[i - 1]
        here = self.sentences[i]
        follows = prev.block == here.block - 1 and not self.blocks[prev.block].heading
        if prev.block == here.block or follows:
            best = max(best, self.cue(i - 1))
        return best

    def in_quote(self, start: int, end: int, attributed_only: bool = False) -> bool:
        """Is [start, end) inside a quotation (quotations never overlap each other), or inside
        a transcript turn (a speaker's words, attributed by its label)?"""
        t = bisect_right(self._turn_starts, start) - 1
        if t >= 0 and self.turns[t][0] <= start and end <= self.turns[t][1]:
            return True
        i = bisect_right(self._quote_starts, start) - 1
        if i < 0:
            return False
        q = self.quotes[i]
        return q.start <= start and end <= q.end and (q.attributed or not attributed_only)

    def unsourced_figures(
        self, min_cue: int = 1, words: list[int] | None = None, lowered: str | None = None
    ) -> list[tuple[int, Figure]]:
        """(sentence index, first unsourced statistic) — at most one per sentence. ``words``:
        where the document's FIGURE_WORDS start, when a word index has found them;
        ``lowered``: the text's ``lower()``, when the caller has it."""
        memory: set[str] = set()
        out: list[tuple[int, Figure]] = []
        anchors = figure_anchors(self.text, words=words, lowered=lowered)
        # A block "sources figures" when one of its sentences holds a statistic under a strong
        # cue ("A survey by the city found 41% …", "Sales rose 8 pct, the company said."): its
        # other figures, and the next block's, are sourced (sources travel through a story).
        # A block's findings wait until its end, since the source may come last (wire copy).
        pending: list[tuple[int, Figure]] = []
        block, block_sources, sourcing_block = -1, False, -2
        for i, s in enumerate(self.sentences):
            if s.block != block:
                out += [] if block_sources else pending
                pending, block, block_sources = [], s.block, False
            if self.blocks[s.block].heading:
                continue
            k = bisect_left(anchors, s.start)
            if k == len(anchors) or anchors[k] >= s.end:
                continue  # no figure can start in this sentence
            figures = [f for f in find_figures(self.text, s.start, s.end, anchors)
                       if f.statistic and not self.in_quote(f.start, f.end)]
            if not figures:
                continue
            values = {v for f in figures for v in f.value.split()}
            if self.cue(i) == 2:
                block_sources, sourcing_block = True, s.block
            carried = sourcing_block == s.block - 1 and not self.blocks[s.block - 1].heading
            if block_sources or carried or self.window_cue(i) >= min_cue or self.act(i):
                memory |= values
                continue
            fresh = [f for f in figures if not (set(f.value.split()) & memory)]
            if fresh:
                pending.append((i, fresh[0]))
        return out + ([] if block_sources else pending)
