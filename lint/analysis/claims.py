"""Claims and their sourcing across a document: which sentences carry a cue, which figures
need a source, and the memory of values already sourced earlier in the document."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from lint.analysis.blocks import Block
from lint.analysis.figure_anchors import figure_anchors
from lint.analysis.figures import Figure, find_figures
from lint.analysis.quotations import Quote
from lint.analysis.sources import cue_strength, has_citation


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
        self._blocks_of = [s.block for s in sentences]  # sentence -> block, in order
        self._sourcing_blocks: dict[int, bool] = {}
        self._anchors: list[int] | None = None  # where figures can start (figure_anchors)

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

    def cited(self, i: int) -> bool:
        s = self.sentences[i]
        return has_citation(self.text, s.start, s.end, self._has_link(s))

    def sentence_at(self, offset: int) -> int:
        starts = self._starts
        return max(bisect_right(starts, offset) - 1, 0)

    def window_cue(self, i: int) -> int:
        """Strongest cue for sentence i: itself, the previous sentence of its block, or the
        last sentence of the previous block when i opens its block after no heading; and a
        source of figures named anywhere in its paragraph or in the paragraph before
        (``sources_figures``): sources travel through a story, and wire copy names one at a
        paragraph's end ("Net profit rose 12 pct to 48 mln dlrs, the company said.")."""
        best = self.cue(i)
        if best == 2 or i == 0:
            return best
        prev = self.sentences[i - 1]
        here = self.sentences[i]
        follows = prev.block == here.block - 1 and not self.blocks[prev.block].heading
        if prev.block == here.block or follows:
            best = max(best, self.cue(i - 1))
        if best == 2 or self.sources_figures(here.block):
            return 2
        before = here.block - 1
        if before >= 0 and not self.blocks[before].heading and self.sources_figures(before):
            return 2
        return best

    def sources_figures(self, b: int) -> bool:
        """Whether block ``b`` names the source of figures: a sentence with a strong cue that
        holds a statistic itself ("A survey by the city found 41% …", "Sales rose 8 pct, the
        company said."). A source speaking of something else ("A senior official said it
        planned more inspections") sources none of the paragraph's other figures."""
        found = self._sourcing_blocks.get(b)
        if found is None:
            lo = bisect_left(self._blocks_of, b)
            hi = bisect_right(self._blocks_of, b)
            found = any(self.cue(i) == 2 and self._holds_statistic(i) for i in range(lo, hi))
            self._sourcing_blocks[b] = found
        return found

    def _holds_statistic(self, i: int) -> bool:
        s = self.sentences[i]
        if self._anchors is None:
            self._anchors = figure_anchors(self.text)
        return any(f.statistic for f in find_figures(self.text, s.start, s.end, self._anchors))

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
        self, min_cue: int = 1, words: list[int] | None = None
    ) -> list[tuple[int, Figure]]:
        """(sentence index, first unsourced statistic) — at most one per sentence. ``words``:
        where the document's FIGURE_WORDS start, when a word index has found them."""
        memory: set[str] = set()
        out: list[tuple[int, Figure]] = []
        anchors = self._anchors = figure_anchors(self.text, words=words)
        for i, s in enumerate(self.sentences):
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
            if self.window_cue(i) >= min_cue:
                memory |= values
                continue
            fresh = [f for f in figures if not (set(f.value.split()) & memory)]
            if fresh:
                out.append((i, fresh[0]))
        return out
