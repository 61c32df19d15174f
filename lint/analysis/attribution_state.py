"""What every attribution route reads and writes: a document's speaker look-ups
(:class:`~copydesk.analysis.speaker_search.SpeakerSearch`) plus where its sentences and blocks
open, the transcript turn of each block, and the mark a route leaves on a quotation it
attributes. The routes (:mod:`.verbless`, :mod:`.continuation`, :mod:`.attribution`) take one."""

from __future__ import annotations

import re
from functools import cached_property

from .openings import Openings
from .quote import Quote
from .speaker_search import SpeakerSearch
from .turns import block_turn, turn_label


class AttributionState(SpeakerSearch):
    """A document's look-ups for the routes, and the quotations they attribute."""

    @cached_property
    def openings(self) -> Openings:
        return Openings(self.text)

    @cached_property
    def _turns(self) -> dict[int, tuple[re.Match[str] | None, re.Match[str] | None]]:
        """A block: its transcript label, matched to the block's end (filled as asked)."""
        return {}

    def opens_sentence(self, q: Quote) -> bool:
        return self.openings.label_only(self.sentences[self.sentence_at(q.start)][0], q.start)

    def opens_block(self, q: Quote) -> bool:
        return self.openings.label_only(self.blocks[q.block].start, q.start)

    def turn_of(self, block: int, end: int) -> re.Match[str] | None:
        """``block_turn(text, blocks, block, end)``, matched once per block: a match that ends
        before ``end`` is the one found up to ``end`` (no pattern there looks past its end but
        a lookahead, at the match's end)."""
        found = self._turns.get(block)
        if found is None:
            b = self.blocks[block]
            found = self._turns[block] = (turn_label(self.text, b.start, b.end),
                                          block_turn(self.text, self.blocks, block, b.end))
        label, m = found  # (a label refused, "UPDATE:", must end before ``end`` too)
        if (label is None or label.end() < end) and (m is None or m.end() < end):
            return m
        return block_turn(self.text, self.blocks, block, end)

    @staticmethod
    def set(q: Quote, route: str, speaker: str, at: int) -> None:
        q.attributed, q.route, q.speaker, q.attribution_at = True, route, speaker, at
