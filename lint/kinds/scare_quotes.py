"""``scare-quotes``: one to three words in quotation marks that signal the writer's doubt
rather than report speech (policy reference H4).

A short quotation fires when a doubt cue sits just before it ("so-called “experts”"), when the
same word appears unquoted in its sentence (an “elite” unit … elite, of course), or when no
speaker is named in its own sentence (a speaker anywhere in it, "Analysts said …, and called
the move “overdue,”" makes the words theirs). Titles and mentions ("the word “woke”") stay quiet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..analysis.lexicon import DOUBT_CUES
from ..analysis.quotations import WORD
from ..analysis.sentence_words import SentenceWords
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import CASE_TRAPS, fold
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule, word_list
from .base.rule import Hit, Rule


def _is_mode(value: object) -> str | None:
    ok = value in (True, False, "curly", "always", "never")
    return None if ok else "must be curly, always (true) or never (false)"


_WORD_CHAR = re.compile(r"\w")
# what folding cannot vouch for: a case trap, a dotted capital I, the dot lower() gives it
_UNFOLDABLE = re.compile(CASE_TRAPS.pattern + "|[\u0130\u0307]")


def _echoed(words: set[str], outside: str) -> bool:
    """Does one of the lower-cased ``words`` stand whole in ``outside``, case ignored?

    Searched with ``str.find`` in the folded text: a pattern per word (words differ from
    quote to quote) was compiled anew each time, the most of this rule's cost. Folding finds
    what IGNORECASE finds unless a case trap (ſ is an s to ``re``) or a dotted İ is about;
    then each word's pattern decides."""
    if _UNFOLDABLE.search(outside) or any(_UNFOLDABLE.search(w) for w in words):
        return any(
            re.search(rf"(?<!\w){re.escape(w)}(?!\w)", outside, re.IGNORECASE) for w in words
        )
    low = fold(outside)
    is_word = _WORD_CHAR.match
    for w in words:
        at = low.find(w)
        while at >= 0:
            if not (at and is_word(low, at - 1)) and not is_word(low, at + len(w)):
                return True
            at = low.find(w, at + 1)
    return False


NAME = "scare-quotes"
KEYS = {
    "max_words": schema.is_int,
    "unattributed": _is_mode,
    "cues": schema.is_str_list,
    "extra_cues": schema.is_str_list,
}


def _looks_like_a_name(inner: str) -> bool:
    """Title Case ("The Toyota Way", "Enterprise"): a title or a name, not a doubted word."""
    words = WORD.findall(inner)
    significant = [w for i, w in enumerate(words) if i == 0 or len(w) > 3]
    return bool(significant) and all(w[:1].isupper() for w in significant)


def _parenthetical(text: str, start: int, end: int) -> bool:
    """("Balaenoptera musculus"): a gloss or translation in brackets."""
    return text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")"


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class ScareQuotes(EditorialRule):
    PHRASE = False  # a quotation, not a phrase (lint/kinds/__init__.py)

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.max_words = int(spec.options.get("max_words", 3))
        # H4(c): a short quotation with no speaker in its sentence fires on its own
        mode = spec.options.get("unattributed", "curly")
        self.unattributed = {True: "always", False: "never"}.get(mode, mode)
        self.cues = [c.lower() for c in word_list(spec, "cues", DOUBT_CUES)]

    def _no_speaker_counts(self, text: str, start: int) -> bool:
        """H4(c) on its own: with ``curly`` (default) only for typographic quotation marks.
        Copy typed with straight quotes (wiki markup, plain-text sources) uses them for titles,
        terms and glosses far more often than for doubt."""
        if self.unattributed == "always":
            return True
        return self.unattributed == "curly" and text[start] == "“"

    def check(self, ctx: Context) -> Iterable[Hit]:
        ed = ctx.editorial
        claims = ed.claims
        text = ctx.text
        read: dict[int, SentenceWords] = {}
        for q in ed.quotes:
            if not 1 <= q.words <= self.max_words or q.is_title or q.is_mention or not q.closed:
                continue
            s, e = q.inner
            inner = text[s:e].strip(" ,.;:!?")
            if _looks_like_a_name(inner) or _parenthetical(text, q.start, q.end):
                continue
            at = claims.sentence_at(q.start)
            sentence = claims.sentences[at]
            # the sentence's words are read once for all its quotations (a table of quoted
            # cells is one sentence of thousands)
            here = read.get(at)
            if here is None:
                here = read[at] = SentenceWords(text, sentence.start, sentence.end)
            before = " ".join(here.last_words(q.start, 4)).lower()
            doubt = any(before.endswith(c) or f"{c} " in before[-len(c) - 12 :] for c in self.cues)
            words = {w.lower() for w in WORD.findall(inner) if len(w) > 3}
            echo = bool(words) and here.echoed(words, q.start, q.end)
            if echo is None:  # (a mark the index cannot vouch for: ask the text itself)
                outside = text[sentence.start : q.start] + " " + text[q.end : sentence.end]
                echo = _echoed(words, outside)
            # a speaker found next to the quotation ("window"), or reporting earlier in its
            # sentence ("Analysts said …, and called the move “overdue.”"), makes the words
            # theirs (H4(c) fires only with no speaker); a doubt cue or an echo still fires
            spoken = q.route == "window" or (q.route == "sentence" and q.attribution_at < q.start)
            if doubt or echo or (not spoken and self._no_speaker_counts(text, q.start)):
                yield Hit(q.start, q.end, (inner,))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return ScareQuotes(spec)
