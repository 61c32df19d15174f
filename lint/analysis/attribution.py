"""Who said it: attribute each quotation to a speaker by the routes of policy reference H3.

Routes, tried in order:
- ``window``: a report verb within ``before`` words ahead of the opening mark or ``after``
  words behind the closing mark, in the quotation's own sentence, with no other quotation in
  between, and a source (a name, a pronoun, a source noun such as "the statement") within
  ``source_window`` words of that verb. "According to X" counts as a verb with its source.
- ``colon``: the quotation opens its sentence (a drafting label such as "Quote:" may precede it)
  and the previous sentence, in the same block or the block before with no heading between,
  ends in ":" and holds a report verb and a source.
- ``continuation``: the quotation opens a block right after a block whose last quotation is
  attributed (one block at most), or continues a quotation from the previous block.
- ``blockquote``: a quotation inside a block quote takes the attribution of the line
  introducing it (a colon introduction before the block quote).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lint.analysis.blocks import Block
from lint.analysis.lexicon import DRAFT_LABELS, NOT_NAMES, REPORT_VERBS, SOURCE_NOUNS, inflect
from lint.analysis.quotations import WORD, Quote

_LABEL = re.compile(r"\s*(?:(?:" + "|".join(map(re.escape, DRAFT_LABELS)) + r")\s*:\s*)?$")
_PHRASAL = {"according": "to", "point": "out", "points": "out", "pointed": "out", "pointing": "out"}
# verb + next word pairs that are not reporting ("hails from Ohio", "added to the list")
_NOT_REPORTING = frozenset(
    {(f, "from") for f in inflect("hail")}
    | {(f, nxt) for f in inflect("add") for nxt in ("to", "up", "that")}
    | {(f, "for") for f in inflect("ask")}
)


@dataclass(frozen=True)
class Params:
    before: int = 15
    after: int = 6
    source_window: int = 6
    verbs: frozenset[str] = REPORT_VERBS
    sources: frozenset[str] = SOURCE_NOUNS


DEFAULT = Params()


def is_source(token: str, params: Params) -> bool:
    if token.lower() in params.sources:
        return True
    return token[:1].isupper() and token not in NOT_NAMES and not token.isupper() or (
        token.isupper() and len(token) >= 2 and token not in NOT_NAMES  # KCNA, BBC
    )


class Attributor:
    def __init__(self, text: str, blocks: list[Block], sentences: list[tuple[int, int]],
                 quotes: list[Quote], params: Params = DEFAULT) -> None:
        self.text = text
        self.blocks = blocks
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.quotes = quotes
        self.params = params

    def sentence_at(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def run(self) -> None:
        previous: Quote | None = None
        for i, q in enumerate(self.quotes):
            neighbours = (self.quotes[i - 1] if i else None, self.quotes[i + 1] if i + 1 < len(self.quotes) else None)
            if not self._window(q, *neighbours) and not self._colon(q):
                self._continuation(q, previous)
            previous = q

    # -- route (a)
    def _window(self, q: Quote, prev: Quote | None, nxt: Quote | None) -> bool:
        p = self.params
        s_start = self.sentences[self.sentence_at(q.start)][0]
        lo = max(s_start, prev.end if prev and prev.end <= q.start else s_start)
        before = [(m.start(), m.group()) for m in WORD.finditer(self.text, lo, q.start)][-p.before :]
        s_end = self.sentences[self.sentence_at(max(q.end - 1, q.start))][1]
        hi = min(s_end, nxt.start if nxt and nxt.start >= q.end else s_end)
        after = [(m.start(), m.group()) for m in WORD.finditer(self.text, q.end, max(q.end, hi))][: p.after]
        for side in (after, before):
            for k, (pos, tok) in enumerate(side):
                if not self._is_verb(side, k):
                    continue
                near = side[max(0, k - p.source_window) : k] + side[k + 1 : k + 1 + p.source_window]
                speaker = next((t for _, t in near if is_source(t, p)), "")
                if speaker:
                    self._set(q, "window", speaker, pos)
                    return True
        return False

    def _is_verb(self, side: list[tuple[int, str]], k: int) -> bool:
        tok = side[k][1].lower()
        nxt = side[k + 1][1].lower() if k + 1 < len(side) else ""
        if tok in _PHRASAL:  # "pointed out", "according to"
            return nxt == _PHRASAL[tok]
        if tok not in self.params.verbs:
            return False
        return (tok, nxt) not in _NOT_REPORTING

    # -- route (b)
    def _colon(self, q: Quote) -> bool:
        si = self.sentence_at(q.start)
        s_start, _ = self.sentences[si]
        if not _LABEL.fullmatch(self.text, s_start, q.start) and s_start < q.start:
            return False
        block_start = self.blocks[q.block].start
        if si == 0:
            return False
        ps, pe = self.sentences[si - 1]
        if ps < block_start:  # the previous sentence sits in an earlier block
            prev_block = self.blocks[q.block - 1] if q.block else None
            if prev_block is None or prev_block.heading or not (prev_block.start <= ps < prev_block.end):
                return False
        if not self.text[ps:pe].rstrip().endswith(":"):
            return False
        tokens = [(m.start(), m.group()) for m in WORD.finditer(self.text, ps, pe)]
        verbs = [k for k in range(len(tokens)) if self._is_verb(tokens, k)]
        for k in verbs:
            near = tokens[: k] + tokens[k + 1 :]
            speaker = next((t for _, t in near if is_source(t, self.params)), "")
            if speaker:
                self._set(q, "colon", speaker, tokens[k][0])
                return True
        return False

    # -- route (c)
    def _continuation(self, q: Quote, previous: Quote | None) -> None:
        if previous is None or not previous.attributed:
            return
        if q.continues or (previous.block == q.block - 1 and self._opens_block(q)):
            self._set(q, "continuation", previous.speaker, previous.attribution_at)
        elif previous.block == q.block and previous.route in ("window", "colon", "continuation") \
                and self.blocks[q.block].blockquote:
            self._set(q, "blockquote", previous.speaker, previous.attribution_at)

    def _opens_block(self, q: Quote) -> bool:
        b = self.blocks[q.block]
        return not self.text[b.start : q.start].strip() or bool(_LABEL.fullmatch(self.text, b.start, q.start))

    @staticmethod
    def _set(q: Quote, route: str, speaker: str, at: int) -> None:
        q.attributed, q.route, q.speaker, q.attribution_at = True, route, speaker, at


def attribute(text: str, blocks: list[Block], sentences: list[tuple[int, int]], quotes: list[Quote],
              params: Params = DEFAULT) -> None:
    Attributor(text, blocks, sentences, quotes, params).run()
