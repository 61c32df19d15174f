"""The continuation route: a speaker named once carries on until someone else appears (H3).

Copy names a speaker once and then lets them talk: a second quotation later in the paragraph,
a quotation opening the sentence after "Ruiz said the plan was sound.", a paragraph that is only
a quotation right after one whose speaker is named, and the next such paragraph after that, and
every paragraph of a quotation that runs on over several (each opening with a quotation mark).

Reading back from the quotation, sentence by sentence: a sentence holding an attributed
quotation or reported speech (a report verb with a source, "Okafor said.") gives the speaker; a
sentence naming someone else without a report verb ("Her neighbour Tom Hale remembers it
differently.") ends the search, since the reader no longer knows who speaks; a sentence with no
source at all ("He paused.") is passed over. The search goes back to the start of the
quotation's paragraph and, when the quotation opens it, through the paragraph before (never a
heading), no further. A quotation whose own sentence names another voice ("“…,” a sign read")
does not continue anyone.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ..text.draft_labels import DRAFT_LABELS
from .lexicon import PRONOUNS
from .quote import Quote
from .speakers import DOCUMENT_VERBS

if TYPE_CHECKING:
    from .attribution_state import AttributionState as Attributor

_SEARCH_ENDED = ("", -2)
_LABEL_WORDS = frozenset(w.lower() for label in DRAFT_LABELS for w in label.split())


class Continuation:
    def __init__(self, att: Attributor) -> None:
        self.att = att
        # what each sentence says of its speaker: read once, since every quotation earlier in
        # the text is attributed before a later one asks
        self._known: dict[int, tuple[str, int]] = {}
        self._ends: dict[tuple[int, int], tuple[str, int]] = {}  # (sentence, block start): found
        self._voiced: dict[int, bool] = {}  # a sentence: does it name a voice of its own

    def attribute(self, q: Quote, i: int) -> None:
        att = self.att
        prev = self._previous_of_kind(q, i)
        if q.continues:  # the same quotation running on from the previous block
            if prev is not None and prev.attributed:
                att.set(q, "continuation", prev.speaker, prev.attribution_at)
            return
        if not att.opens_sentence(q) or self._own_sentence_names_a_voice(q):
            return
        si = att.sentence_at(q.start)
        speaker, at = self._search_block(si - 1, q.block)
        if speaker == "" and at == -1 and att.opens_block(q) and q.block > 0:
            prev_block = att.blocks[q.block - 1]
            if not prev_block.heading and not att.blocks[q.block].heading:
                last = att.sentence_at(max(att.blocks[q.block].start - 1, 0))
                speaker, at = self._search_block(last, q.block - 1)
        if speaker:
            att.set(q, "continuation", speaker, at)

    def backfill(self) -> None:
        """A quotation running on across blocks shares the attribution of any of its parts."""
        for single in (False, True):
            same = [q for q in self.att.quotes if q.single == single]
            for k in range(len(same) - 1, 0, -1):
                q, prev = same[k], same[k - 1]
                if q.continues and q.attributed and not prev.attributed:
                    self.att.set(prev, "continuation", q.speaker, q.attribution_at)

    def _previous_of_kind(self, q: Quote, i: int) -> Quote | None:
        """The quotation before ``q`` in the same kind of marks (a continued quotation carries
        on one in its own marks)."""
        for k in range(i - 1, -1, -1):
            if self.att.quotes[k].single == q.single:
                return self.att.quotes[k]
        return None

    def _own_sentence_names_a_voice(self, q: Quote) -> bool:
        att = self.att
        si = att.sentence_at(q.start)
        voiced = self._voiced.get(si)
        if voiced is None:  # (once per sentence, however many quotations it holds)
            words = {t.lower() for _, t in att.outside_quotes(si)} - _LABEL_WORDS
            voiced = self._voiced[si] = (
                not words.isdisjoint(att.params.verbs) or not words.isdisjoint(DOCUMENT_VERBS))
        return voiced

    def _search_block(self, si: int, block: int) -> tuple[str, int]:
        """Read back from sentence ``si`` to the start of ``block``: (speaker, verb offset), or
        ("", -1) when nobody was named, or ("", -2) when someone else appeared. Where a search
        from a sentence ends is kept for each sentence it passed (a paragraph of thousands of
        unattributed quotations would read back over all of them each time)."""
        att = self.att
        start = att.blocks[block].start
        passed = []
        result = ("", -1)
        while si >= 0:
            s, e = att.sentences[si]
            if s < start:
                break
            ended = self._ends.get((si, start))
            if ended is not None:
                result = ended
                break
            passed.append(si)
            found = self._known.get(si)
            if found is None:
                found = self._known[si] = self._speaker_of_sentence(s, e)
            if found != ("", -1):
                result = found
                break
            si -= 1
        for k in passed:
            self._ends[(k, start)] = result
        return result

    def _speaker_of_sentence(self, s: int, e: int) -> tuple[str, int]:
        att = self.att
        # the quotations starting in the sentence (found by their starts, not a scan of all)
        lo, hi = bisect_left(att.quote_starts, s), bisect_left(att.quote_starts, e)
        attributed = [q for q in att.quotes[lo:hi] if q.attributed]
        if attributed:
            return attributed[-1].speaker, attributed[-1].attribution_at
        tokens = att.tokens_outside_quotes(s, e)
        speaker, at = att.speaker_in(tokens)
        if speaker:
            return speaker, at
        for j, (_, tok) in enumerate(tokens):
            if tok.lower() not in PRONOUNS and att.source_at(tokens, j):
                return _SEARCH_ENDED
        return "", -1
