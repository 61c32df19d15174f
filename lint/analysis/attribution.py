"""Who said it: attribute each quotation to a speaker by the routes of policy reference H3.

Routes, tried in order (lint/analysis/speakers.py says what a source and a report verb are):
- ``transcript``, then later ``inscription``, ``headline``, ``signature`` and ``post``: the
  layout names the speaker, with no report verb (lint/analysis/verbless.py).
- ``window``: a report verb within ``before`` words ahead of the opening mark or ``after``
  words behind the closing mark, in the quotation's own sentence, with no other quotation in
  between, and a source within ``source_window`` words of that verb. After the quotation the
  speaker may come first with a long description before the verb ("“…,” Dana Ruiz, chief
  economist at a Lisbon bank, said in a note"). "According to X" counts as a verb with its
  source; "…, saying, “…”" hangs the quotation on the sentence's subject. A quotation that
  closes mid-sentence with no punctuation of its own is partial: the words before it come
  first ("He said he was ready “to pay” if the court asked").
- ``colon``: the quotation opens its sentence or line (a drafting label such as "Quote:" may
  precede it) right after an introduction ending in ":" that holds a report verb and a source.
- ``blockquote``: the colon route for a quotation inside a block quote.
- ``sentence``: a partial quotation inside reported speech: the quotation's sentence holds, out
  of quotation marks, a report verb with a source near it or as its subject.
- ``continuation``: the speaker named before carries on (lint/analysis/continuation.py).

A source is the nearest name, source noun or pronoun to the verb; "it" and "they" count only
with an antecedent (a name or source noun outside quotations in the previous two sentences),
so "“…,” they say" and "“…,” it is said" stay unattributed.
"""

from __future__ import annotations

import re

from .attribution_state import AttributionState
from .blocks import Block
from .continuation import Continuation
from .lexicon import DOCUMENT_NOUNS, INSCRIPTION_NOUNS
from .people import HONORIFICS
from .quote import Quote
from .speaker_search import PREPOSITIONS, ends_with_colon
from .speakers import (
    DEFAULT,
    DETERMINERS,
    PARTICIPLES,
    Params,
    Token,
    is_name,
    is_verb,
    name_run,
)
from .verbless import (
    headline,
    inscription,
    post,
    signature,
    transcript,
)

# characters of an introduction read for its speaker and verb: the last 1,000 before its colon
# (the longest in the speed corpus, the real-copy suite and the dev news set is 412)
_INTRO_REACH = 1000
_WORD_TAIL = re.compile(r"(?:(?<=[\w’'-])[\w’'-]*)?")  # the rest of a word cut there
_PHRASE_OPENERS = frozenset("a an the one another some several two three four many".split())
_PHRASE_MAX = 12
# a lower-case title opening a speaker phrase ("chairman and chief executive Conrad Roe told")
_TITLES = frozenset(
    """chairman chairwoman chair president chief executive director secretary minister
    spokesman spokeswoman spokesperson commissioner governor senator mayor manager founder
    economist analyst attorney lawyer prosecutor judge general deputy vice senior""".split()
)
_CLAUSE_BREAK = re.compile(r"[,;:!?]|\.\s+[a-z]")
_APPOSITION_MAX = 30  # words of description between a speaker named after a quotation and verb
_AFTER_REACH = 16 * _APPOSITION_MAX  # characters after a quotation that can hold its speaker


def _names_document(tokens: list[Token], i: int) -> bool:
    """"the forum rules", "its charter", "Section 3": a particular document, not "plan" in
    "according to plan" or a "Note:" label."""
    word = tokens[i][1]
    if word.lower() not in DOCUMENT_NOUNS:
        return False
    if word[:1].isupper():
        return i + 1 < len(tokens) and tokens[i + 1][1][:1].isdigit()
    before = tokens[i - 2 : i] if i >= 2 else tokens[:i]
    return any(t.lower() in DETERMINERS or t.endswith(("’s", "'s")) for _, t in before)


class Attributor(AttributionState):
    """Runs every route on every quotation of a document (see the module docstring)."""

    def run(self) -> None:
        self._subjects: dict[int, tuple[str, int]] = {}  # sentence: its speaker, for _sentence
        carry = Continuation(self)
        for i, q in enumerate(self.quotes):
            if q.is_title or q.is_mention:
                continue  # names and mentions are not speech: nobody needs to have said them
            prev = self.quotes[i - 1] if i else None
            nxt = self.quotes[i + 1] if i + 1 < len(self.quotes) else None
            if not (
                transcript(self, q)
                or self._window(q, prev, nxt)
                or self._colon(q)
                or inscription(self, q)
                or self._sentence(q)
                or headline(self, q)
                or signature(self, q)
                or post(self, q)
            ):
                carry.attribute(q, i)
        carry.backfill()

    # -- the quotation's own sentence
    def _window(self, q: Quote, prev: Quote | None, nxt: Quote | None) -> bool:
        p = self.params
        s_start = self.sentences[self.sentence_at(q.start)][0]
        lo = max(s_start, prev.end if prev and prev.end <= q.start else s_start)
        # (words are rarely longer than 16 characters: the window's words lie within reach)
        lo = max(lo, q.start - 16 * p.before)
        s_end = self.sentences[self.sentence_at(max(q.end - 1, q.start))][1]
        hi = min(s_end, nxt.start if nxt and nxt.start >= q.end else s_end, q.end + _AFTER_REACH)
        if not self.may_report(lo, q.start) and not self.may_report(q.end, hi):
            return False  # no word near the quotation can report speech
        before = self.tokens(lo, q.start)[-p.before :]
        after_all = self.tokens(q.end, max(q.end, hi))
        if self._participle(q, before, s_start):
            return True
        sides = [after_all[: p.after], before]
        if not self._closes_on_punctuation(q):
            sides.reverse()  # a partial quotation: its sentence's speaker comes first
        for side in sides:
            speaker, at = self.speaker_in(side)
            if speaker:
                self.set(q, "window", speaker, at)
                return True
        return self._described_speaker(q, after_all) or self._phrase_then_verb(q, after_all)

    def _phrase_then_verb(self, q: Quote, after: list[Token]) -> bool:
        """“…,” one senior delegate said / an economist at one of the embassies said /
        Junior Finance Minister Ana Roe told Reuters: a speaker phrase of any words, with no
        punctuation before its verb, opening with a determiner or a run of capitalised words."""
        if (len(after) > 2 and after[1][1].lower() in _PHRASE_OPENERS
                and after[2][1].lower() not in INSCRIPTION_NOUNS
                and is_verb(after, 0, self.params) and not after[0][1].endswith("ing")):
            self.set(q, "window", after[2][1], after[0][0])  # “…,” said one commuter, …
            return True
        if not after or not (after[0][1].lower() in _PHRASE_OPENERS or is_name(after[0][1])
                             or after[0][1] in _TITLES):
            return False
        for k in range(1, min(len(after), _PHRASE_MAX)):
            if _CLAUSE_BREAK.search(self.text, q.end, after[k][0]):
                return False
            if is_verb(after, k, self.params) and not after[k][1].endswith("ing"):
                head = [t for t in after[:k] if t[1].lower() not in _PHRASE_OPENERS]
                cut = next((i for i, t in enumerate(head) if t[1].lower() in PREPOSITIONS),
                           len(head))
                if not head[:cut]:
                    return False
                self.set(q, "window", " ".join(t for _, t in head[:cut]), after[k][0])
                return True
            if not is_name(after[0][1]) or is_name(after[k][1]):
                continue
            return False  # a run of capitalised words ends before any verb
        return False

    def _closes_on_punctuation(self, q: Quote) -> bool:
        """“…,” / “…?” hand over to an attribution after them; “…” mid-sentence does not."""
        s, e = q.inner
        return not q.closed or e == s or self.text[e - 1] in ",.!?…:;—–-"

    def _described_speaker(self, q: Quote, after: list[Token]) -> bool:
        """“…,” Dana Ruiz, chief economist at a Lisbon bank, the country's largest, said."""
        j = 0  # past a determiner, or an honorific before a name ("the", "Dr. Ana Roe")
        while j < min(len(after) - 1, 3) and (
            after[j][1].lower() in ("the", "a", "an")
            or (after[j][1].lower().rstrip(".") in HONORIFICS and is_name(after[j + 1][1]))
        ):
            j += 1
        if j >= len(after) - 1 or not self.source_at(after, j):
            return False
        if "," not in self.text[after[j][0] : after[-1][0]]:
            return False
        for k in range(j + 1, min(len(after), _APPOSITION_MAX)):
            if is_verb(after, k, self.params):
                # a name first ("Dana Ruiz, chief economist …"); a title first names the person
                # just before the verb ("the union's secretary, Ana Costa, said")
                speaker = name_run(after, j) if is_name(after[j][1]) else ""
                near = "" if speaker else self.speaker_near(after[: k + 1], k)
                self.set(q, "window", speaker or near or name_run(after, j), after[k][0])
                return True
        return False

    def _participle(self, q: Quote, before: list[Token], s_start: int) -> bool:
        """“The senator defended the bill on Tuesday, saying, “…”: the subject speaks."""
        if before and before[-1][1].lower() == "that":
            before = before[:-1]  # "adding that “…”"
        if not before or before[-1][1].lower() not in PARTICIPLES:
            return False
        # the sentence's words are read once for all its quotations
        speaker = self.source_before(self.sentence_at(s_start), before[-1][0])
        if speaker is None:  # (a word cut at the participle: read the words up to it)
            tokens = self.tokens_outside_quotes(s_start, before[-1][0])
            first = next((j for j in range(len(tokens)) if self.source_at(tokens, j)), -1)
            speaker = name_run(tokens, first) if first >= 0 else ""
        if speaker:
            self.set(q, "window", speaker, before[-1][0])
            return True
        return False

    def _sentence(self, q: Quote) -> bool:
        """A partial quotation inside reported speech: a speaker anywhere in its sentence."""
        si = self.sentence_at(q.start)
        if not self.sentence_reports(si) or self.opens_sentence(q):
            return False
        if si not in self._subjects:  # (one search per sentence, however many quotations)
            self._subjects[si] = self.speaker_in(self.outside_quotes(si), subject=True)
        speaker, at = self._subjects[si]
        if speaker:
            self.set(q, "sentence", speaker, at)
        return bool(speaker)

    # -- introductions and signatures
    def _colon(self, q: Quote) -> bool:
        intro = self._introduction(q)
        if intro is None or not ends_with_colon(self.text, *intro):
            return False
        # its last _INTRO_REACH characters (from a word's start): in a sentence of thousands of
        # "name: “…”" pairs each read all the pairs before it, quadratic
        lo, hi = intro
        if hi - lo > _INTRO_REACH:  # (not from inside a word)
            tail = _WORD_TAIL.match(self.text, hi - _INTRO_REACH, hi)
            lo = tail.end() if tail else hi - _INTRO_REACH
        tokens = self.tokens(lo, hi)
        speaker, at = self.speaker_in(tokens)
        if not speaker:  # "Section 3:", "From the forum rules, pinned at the top:": a document
            document = [t for i, t in enumerate(tokens) if _names_document(tokens, i)]
            speaker, at = document[-1][1] if document else "", document[-1][0] if document else -1
        if speaker:
            route = "blockquote" if self.blocks[q.block].blockquote else "colon"
            self.set(q, route, speaker, at)
        return bool(speaker)

    def _introduction(self, q: Quote) -> tuple[int, int] | None:
        """The span that may introduce ``q`` with a colon, or None."""
        si = self.sentence_at(q.start)
        s_start = self.sentences[si][0]
        if not self.openings.label_only(s_start, q.start):
            # mid-sentence: the clause before a colon that ends right before the quotation's line
            # or the quotation itself ("… in the cold hall:\nQuote: “…”")
            head = self.openings.line_label(s_start, q.start)
            end = head if head >= 0 else q.start
            return (s_start, end) if ends_with_colon(self.text, s_start, end) else None
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


def attribute(
    text: str,
    blocks: list[Block],
    sentences: list[tuple[int, int]],
    quotes: list[Quote],
    params: Params = DEFAULT,
    posts: list[tuple[int, int]] | None = None,
) -> None:
    """Attribute every quotation; ``posts``: the spans of a comment thread's posts."""
    Attributor(text, blocks, sentences, quotes, params, posts).run()
