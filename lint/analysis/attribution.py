"""Who said it: attribute each quotation to a speaker by the routes of policy reference H3.

Routes, tried in order:
- ``window``: a report verb within ``before`` words ahead of the opening mark or ``after``
  words behind the closing mark, in the quotation's own sentence, with no other quotation in
  between, and a source (a name, a pronoun, a source noun such as "the statement") within
  ``source_window`` words of that verb. "According to X" counts as a verb with its source.
- ``colon``: the quotation opens its sentence or line (a drafting label such as "Quote:" may
  precede it) right after an introduction ending in ":" that holds a report verb and a source:
  the previous sentence (same block, or the block before with no heading between), or the
  clause before the colon in the quotation's own sentence.
- ``blockquote``: the colon route for a quotation inside a block quote.
- ``continuation``: a quotation that carries on an attributed one: the same quotation running
  on across paragraphs (in either direction), a quotation opening the sentence right after an
  attributed quotation's sentence, or one opening the block right after a block that ends with
  an attributed quotation (one block away from the attribution at most).

A source is the nearest name, source noun or pronoun to the verb; "it" and "they" count only
with an antecedent (a name or source noun outside quotations in the previous two sentences),
so "“…,” they say" and "“…,” it is said" stay unattributed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, pairwise

from lint.analysis.blocks import Block
from lint.analysis.lexicon import (
    DRAFT_LABELS,
    NOT_NAMES,
    PRONOUNS,
    REPORT_VERBS,
    SOURCE_NOUNS,
    inflect,
)
from lint.analysis.quotations import WORD, Quote
from lint.matchers import GROUP, START

_LABEL_ALT = "|".join(map(re.escape, DRAFT_LABELS))
# only whitespace (block-quote markers blanked by the reader) and an optional label
_LABEL = re.compile(r"[\s>]*(?:(?:" + _LABEL_ALT + r")\s*:\s*)?$")
# a label at the start of the quotation's line, after an introduction on the line before
_LINE_LABEL = re.compile(r"(?:^|\n)[ \t>]*(?:(?:" + _LABEL_ALT + r")\s*:)?[ \t]*$")
_PHRASAL = {"according": "to", "point": "out", "points": "out", "pointed": "out", "pointing": "out"}
# verb + next word pairs that are not reporting ("hails from Ohio", "added to the list")
_NOT_REPORTING = frozenset(
    {(f, "from") for f in inflect("hail")}
    | {(f, nxt) for f in inflect("add") for nxt in ("to", "up", "that")}
    | {(f, "for") for f in inflect("ask")}
)
# pronouns that can be impersonal ("it is said", "they say") and so need an antecedent
_NEEDS_ANTECEDENT = frozenset({"it", "they"})

Token = tuple[int, str]


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
    if token in NOT_NAMES or token.lower() in PRONOUNS:
        return False
    if token.isupper():
        return len(token) >= 2  # KCNA, BBC; not a lone initial
    return token[:1].isupper()


def _is_name(token: str) -> bool:
    return (
        token[:1].isupper()
        and token not in NOT_NAMES
        and token.lower() not in PRONOUNS
        and not (token.isupper() and len(token) < 2)
    )


class Attributor:
    def __init__(
        self,
        text: str,
        blocks: list[Block],
        sentences: list[tuple[int, int]],
        quotes: list[Quote],
        params: Params = DEFAULT,
    ) -> None:
        self.text = text
        self.blocks = blocks
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.block_starts = [b.start for b in blocks]
        self.quotes = quotes
        self.params = params
        # for the quotations near an offset: their starts, and the furthest end so far (None
        # when they are not in start order, never seen: then every quotation is looked at)
        self.quote_starts = [q.start for q in quotes]
        in_order = all(a <= b for a, b in pairwise(self.quote_starts))
        self.reach = list(accumulate((q.end for q in quotes), max)) if in_order else None

    def sentence_at(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def block_at(self, offset: int) -> int:
        return max(bisect_right(self.block_starts, offset) - 1, 0)

    def run(self) -> None:
        for i, q in enumerate(self.quotes):
            prev = self.quotes[i - 1] if i else None
            nxt = self.quotes[i + 1] if i + 1 < len(self.quotes) else None
            if not self._window(q, prev, nxt) and not self._colon(q):
                self._continuation(q, prev)
        self._backfill()

    # -- sources
    def _speaker(self, tokens: list[Token], k: int) -> str:
        """The source nearest the verb at ``k`` (ahead of it on a tie), as a whole name."""
        w = self.params.source_window
        for d in range(1, w + 1):
            for j in (k - d, k + d):
                if 0 <= j < len(tokens) and self._source_at(tokens, j):
                    return self._name_run(tokens, j)
        return ""

    def _source_at(self, tokens: list[Token], j: int) -> bool:
        pos, tok = tokens[j]
        if not is_source(tok, self.params) and tok.lower() not in PRONOUNS:
            return False
        if tok.lower() in _NEEDS_ANTECEDENT:
            return self._has_antecedent(pos)
        return True

    @staticmethod
    def _name_run(tokens: list[Token], j: int) -> str:
        """Extend a capitalised token to its neighbours ("Ana" -> "Ana Ruiz"); a source noun in
        apposition to a name gives the name ("the novelist Mary Hale" -> "Mary Hale")."""
        if not _is_name(tokens[j][1]):
            if j + 1 < len(tokens) and _is_name(tokens[j + 1][1]):
                j += 1
            else:
                return tokens[j][1]
        lo = hi = j
        while lo > 0 and _is_name(tokens[lo - 1][1]):
            lo -= 1
        while hi + 1 < len(tokens) and _is_name(tokens[hi + 1][1]):
            hi += 1
        return " ".join(t for _, t in tokens[lo : hi + 1])

    def _has_antecedent(self, pos: int) -> bool:
        """A name or source noun outside quotations in this sentence or the two before it."""
        si = self.sentence_at(pos)
        lo = self.sentences[max(si - 2, 0)][0]
        if self.blocks[self.block_at(lo)].heading:  # headings never supply context
            lo = self.sentences[si][0]
        spans = self._quotes_across(lo, pos)
        for m in WORD.finditer(self.text, lo, pos):
            if any(s <= m.start() < e for s, e in spans):
                continue
            tok = m.group()
            if tok.lower() not in PRONOUNS and is_source(tok, self.params):
                return True
        return False

    def _quotes_across(self, lo: int, pos: int) -> list[tuple[int, int]]:
        """(start, end) of the quotations that start before ``pos`` and end after ``lo``, in
        order, read back from ``pos`` (a scan of them all made long documents quadratic)."""
        if self.reach is None:
            return [(q.start, q.end) for q in self.quotes if q.start < pos and q.end > lo]
        out = []
        k = bisect_left(self.quote_starts, pos) - 1
        while k >= 0 and self.reach[k] > lo:
            q = self.quotes[k]
            if q.end > lo:
                out.append((q.start, q.end))
            k -= 1
        out.reverse()
        return out

    # -- route (a)
    def _window(self, q: Quote, prev: Quote | None, nxt: Quote | None) -> bool:
        p = self.params
        s_start = self.sentences[self.sentence_at(q.start)][0]
        lo = max(s_start, prev.end if prev and prev.end <= q.start else s_start)
        before = self._tokens(lo, q.start)[-p.before :]
        s_end = self.sentences[self.sentence_at(max(q.end - 1, q.start))][1]
        hi = min(s_end, nxt.start if nxt and nxt.start >= q.end else s_end)
        after = self._tokens(q.end, max(q.end, hi))[: p.after]
        for side in (after, before):
            for k in range(len(side)):
                if self._is_verb(side, k):
                    speaker = self._speaker(side, k)
                    if speaker:
                        self._set(q, "window", speaker, side[k][0])
                        return True
        return False

    def _tokens(self, start: int, end: int) -> list[Token]:
        found = list(WORD.finditer(self.text, start, end))
        return list(zip(map(START, found), map(GROUP, found), strict=True))

    def _is_verb(self, side: list[Token], k: int) -> bool:
        tok = side[k][1].lower()
        nxt = side[k + 1][1].lower() if k + 1 < len(side) else ""
        if tok in _PHRASAL:  # "pointed out", "according to"
            return nxt == _PHRASAL[tok]
        if tok not in self.params.verbs:
            return False
        return (tok, nxt) not in _NOT_REPORTING

    # -- routes (b) and (d)
    def _colon(self, q: Quote) -> bool:
        intro = self._introduction(q)
        if intro is None or not self.text[intro[0] : intro[1]].rstrip().endswith(":"):
            return False
        tokens = self._tokens(*intro)
        for k in range(len(tokens)):
            if self._is_verb(tokens, k):
                speaker = self._speaker(tokens, k)
                if speaker:
                    route = "blockquote" if self.blocks[q.block].blockquote else "colon"
                    self._set(q, route, speaker, tokens[k][0])
                    return True
        return False

    def _introduction(self, q: Quote) -> tuple[int, int] | None:
        """The span that may introduce ``q`` with a colon, or None."""
        si = self.sentence_at(q.start)
        s_start = self.sentences[si][0]
        if not _LABEL.fullmatch(self.text, s_start, q.start):
            # mid-sentence: the clause before a colon that ends right before the quotation's line
            # or the quotation itself ("… in the cold hall:\nQuote: “…”")
            head = _LINE_LABEL.search(self.text, s_start, q.start)
            end = head.start() if head else q.start
            return (s_start, end) if self.text[s_start:end].rstrip().endswith(":") else None
        if si == 0:
            return None
        ps, pe = self.sentences[si - 1]
        if ps < self.blocks[q.block].start:  # the previous sentence sits in an earlier block
            prev_block = self.blocks[q.block - 1] if q.block else None
            if (
                prev_block is None
                or prev_block.heading
                or not (prev_block.start <= ps < prev_block.end)
            ):
                return None
        return ps, pe

    # -- route (c)
    def _continuation(self, q: Quote, prev: Quote | None) -> None:
        if prev is None or not prev.attributed:
            return
        if q.continues:  # the same quotation running on from the previous block
            self._set(q, "continuation", prev.speaker, prev.attribution_at)
            return
        if not self._opens_sentence(q):
            return
        si, psi = self.sentence_at(q.start), self.sentence_at(max(prev.end - 1, prev.start))
        if prev.block == q.block:
            if psi == si - 1:  # "“We tried,” the coach said. “We really did.”"
                self._set(q, "continuation", prev.speaker, prev.attribution_at)
            return
        anchor = self.block_at(prev.attribution_at)
        last_of_block = psi == si - 1  # the previous block ends with that quotation
        if (
            prev.block == q.block - 1
            and anchor >= q.block - 1
            and last_of_block
            and self._opens_block(q)
        ):
            self._set(q, "continuation", prev.speaker, prev.attribution_at)

    def _backfill(self) -> None:
        """A quotation running on across blocks shares the attribution of any of its parts."""
        for i in range(len(self.quotes) - 1, 0, -1):
            q, prev = self.quotes[i], self.quotes[i - 1]
            if q.continues and q.attributed and not prev.attributed:
                self._set(prev, "continuation", q.speaker, q.attribution_at)

    def _opens_sentence(self, q: Quote) -> bool:
        s_start = self.sentences[self.sentence_at(q.start)][0]
        return bool(_LABEL.fullmatch(self.text, s_start, q.start))

    def _opens_block(self, q: Quote) -> bool:
        return bool(_LABEL.fullmatch(self.text, self.blocks[q.block].start, q.start))

    @staticmethod
    def _set(q: Quote, route: str, speaker: str, at: int) -> None:
        q.attributed, q.route, q.speaker, q.attribution_at = True, route, speaker, at


def attribute(
    text: str,
    blocks: list[Block],
    sentences: list[tuple[int, int]],
    quotes: list[Quote],
    params: Params = DEFAULT,
) -> None:
    Attributor(text, blocks, sentences, quotes, params).run()
