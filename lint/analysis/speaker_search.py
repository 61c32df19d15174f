"""Where speakers and report verbs are, near an offset: the look-ups attribution routes share.

:class:`SpeakerSearch` holds a document's text, blocks, sentences and quotations and answers:
the words of a stretch (with or without the quotations in it), whether a stretch holds a word
that can report speech, the source nearest a report verb (a name after a preposition only if
no one else is near: "Armitage of California said"), the object of "according to", whether
"it" or "they" has an antecedent, and the first report verb with a source in a list of words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, pairwise

from ..match.patterns import GROUP, START
from .blocks import Block
from .lexicon import PRONOUNS
from .quotations import WORD
from .quote import Quote
from .speakers import (
    DEFAULT,
    DETERMINERS,
    NEEDS_ANTECEDENT,
    Params,
    Token,
    is_name,
    is_source,
    is_verb,
    name_run,
    reporting_words,
)
from .token_prefix import TokenPrefix

PREPOSITIONS = frozenset("of in from at for to with by on near outside inside".split())
_POSSESSIVE = re.compile(r"[’']s$")


class SpeakerSearch:
    """The text of one document with its blocks, sentences and quotations, for look-ups."""

    def __init__(
        self,
        text: str,
        blocks: list[Block],
        sentences: list[tuple[int, int]],
        quotes: list[Quote],
        params: Params = DEFAULT,
        posts: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.posts = sorted(posts or [])  # a comment thread's posts: the readers' own words
        self.post_starts = [s for s, _ in self.posts]
        self.post_reach = list(accumulate((e for _, e in self.posts), max))
        self.block_tails: dict[int, int] = {}  # a block's start: where its closing marks begin
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
        self._reporting = reporting_words(params)
        # what each sentence answers whatever quotation asks (read once: a sentence may hold
        # thousands of quotations)
        self._reports: dict[int, bool] = {}
        self._outside: dict[int, list[Token]] = {}
        self._antecedents: dict[int, tuple[int, TokenPrefix]] = {}
        self._sources: dict[int, TokenPrefix] = {}
        self._block_sources: dict[int, TokenPrefix] = {}

    def sentence_at(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def block_at(self, offset: int) -> int:
        return max(bisect_right(self.block_starts, offset) - 1, 0)

    def speaker_near(self, tokens: list[Token], k: int) -> str:
        """The source nearest the verb at ``k`` (ahead of it on a tie), as a whole name."""
        w = self.params.source_window
        if tokens[k][1].lower() == "according":  # its source is its object
            return self._according_to(tokens, k + 2)
        # a name after a preposition is where the speaker is from or works ("Armitage of
        # California said", "a spokesman for the ministry said"): the speaker only if no one
        # else is near
        for strict in (True, False):
            for d in range(1, w + 1):
                for j in (k - d, k + d):
                    if not 0 <= j < len(tokens) or not self.source_at(tokens, j):
                        continue
                    lead = self._name_start(tokens, j)
                    if strict and lead and tokens[lead - 1][1].lower() in PREPOSITIONS:
                        continue
                    return name_run(tokens, j)
        return ""

    @staticmethod
    def _name_start(tokens: list[Token], j: int) -> int:
        """Where the phrase holding tokens[j] starts (past its name run and a determiner)."""
        while j > 0 and is_name(tokens[j - 1][1]) and is_name(tokens[j][1]):
            j -= 1
        if j > 0 and tokens[j - 1][1].lower() in DETERMINERS:
            j -= 1
        return j

    def _according_to(self, tokens: list[Token], j: int) -> str:
        """The object of "according to": "the ministry", "Ana Ruiz", "the ministry's spokesman";
        not "the ministry's schedule" or "plan"."""
        start = j
        while j < len(tokens) and tokens[j][1].lower() in ("the", "a", "an", "this", "its"):
            j += 1
        if j >= len(tokens) or not self.source_at(tokens, j):
            return ""
        if j == start and tokens[j][1].islower():
            return ""  # "according to plan", "according to law": no one in particular
        if _POSSESSIVE.search(tokens[j][1]):
            nxt = j + 1
            if nxt >= len(tokens) or not self.source_at(tokens, nxt):
                return ""
            j = nxt
        return name_run(tokens, j)

    def source_at(self, tokens: list[Token], j: int) -> bool:
        pos, tok = tokens[j]
        if not is_source(tok, self.params) and tok.lower() not in PRONOUNS:
            return False
        if tok.lower() in NEEDS_ANTECEDENT:
            return self._has_antecedent(pos)
        return True

    def _has_antecedent(self, pos: int) -> bool:
        """A name or source noun outside quotations in this sentence or the two before it."""
        si = self.sentence_at(pos)
        lo = self.sentences[max(si - 2, 0)][0]
        if self.blocks[self.block_at(lo)].heading:  # headings never supply context
            lo = self.sentences[si][0]
        read = self._antecedents.get(si)
        if read is None:  # (the words from there to the sentence's end, read once)
            end = max(self.sentences[si][1], pos)
            read = self._antecedents[si] = (
                end, TokenPrefix(self.tokens_outside_quotes(lo, end), self._antecedent_at))
        found = read[1].first_before(pos) if pos <= read[0] else None
        if found is not None:
            return found[0] >= 0
        return any(self._antecedent_at([t], 0) for t in self.tokens_outside_quotes(lo, pos))

    def _antecedent_at(self, tokens: list[Token], j: int) -> bool:
        tok = tokens[j][1]
        return tok.lower() not in PRONOUNS and is_source(tok, self.params)

    def sentence_reports(self, si: int) -> bool:
        """:meth:`may_report` of sentence ``si`` (asked once)."""
        found = self._reports.get(si)
        if found is None:
            found = self._reports[si] = self.may_report(*self.sentences[si])
        return found

    def outside_quotes(self, si: int) -> list[Token]:
        """:meth:`tokens_outside_quotes` of sentence ``si`` (read once)."""
        found = self._outside.get(si)
        if found is None:
            found = self._outside[si] = self.tokens_outside_quotes(*self.sentences[si])
        return found

    def block_source_before(self, block: int, x: int) -> tuple[str, int] | None:
        """The first source (a name run, and where its word starts) among block ``block``'s
        words, quotations and all, up to ``x``; ("", -1) if none; None if ``x`` cuts a word.
        The block's words are read once (a heading of thousands of "Name: “…”" pairs)."""
        words = self._block_sources.get(block)
        if words is None:
            b = self.blocks[block]
            words = self._block_sources[block] = TokenPrefix(self.tokens(b.start, b.end),
                                                             self.source_at)
        found = words.first_before(x)
        if found is None:
            return None
        first, stop = found
        if first < 0:
            return "", -1
        return name_run(words.tokens, first, stop), words.tokens[first][0]

    def source_before(self, si: int, x: int) -> str | None:
        """The first source (a name run) among sentence ``si``'s words outside quotations
        from its start up to ``x``; "" if none, None if ``x`` cuts a word (ask the words up to
        it, :meth:`tokens_outside_quotes`, then)."""
        words = self._sources.get(si)
        if words is None:
            words = self._sources[si] = TokenPrefix(self.outside_quotes(si), self.source_at)
        found = words.first_before(x)
        if found is None:
            return None
        first, stop = found
        return name_run(words.tokens, first, stop) if first >= 0 else ""

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

    def may_report(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a word that can report speech (one regex search, so
        that the many sentences with none are not tokenised)."""
        return self._reporting.search(self.text, start, end) is not None

    def tokens(self, start: int, end: int) -> list[Token]:
        found = list(WORD.finditer(self.text, start, end))
        return list(zip(map(START, found), map(GROUP, found), strict=True))

    def tokens_outside_quotes(self, start: int, end: int) -> list[Token]:
        spans = self._quotes_across(start, end)
        if not spans:
            return self.tokens(start, end)
        out: list[Token] = []
        for s, e in [(start, start), *spans, (end, end)]:  # the gaps between quotations
            if s > start:
                out += self.tokens(start, min(s, end))
            start = max(start, e)
        return out

    def speaker_in(self, tokens: list[Token], subject: bool = False) -> tuple[str, int]:
        """The speaker and verb offset of the first report verb with a source near it; with
        ``subject``, a source anywhere before the verb also counts (the sentence's subject,
        far ahead of its verb: "The governor, who …, told a radio station that …")."""
        first = -1  # the first source, found once (not again for every verb after it)
        for k in range(len(tokens)):
            if is_verb(tokens, k, self.params):
                speaker = self.speaker_near(tokens, k)
                if not speaker and subject and tokens[k][1].lower() != "according":
                    if first < 0:
                        first = next((j for j in range(len(tokens))
                                      if self.source_at(tokens, j)), len(tokens))
                    speaker = name_run(tokens, first) if first < k else ""
                if speaker:
                    return speaker, tokens[k][0]
        return "", -1


def ends_with_colon(text: str, start: int, end: int) -> bool:
    """``text[start:end].rstrip().endswith(":")``, reading back over the blanks only."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == ":"
