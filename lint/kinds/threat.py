"""``threat``: a first-person statement of intent to do violence to someone ("I will find you
and kill you", "we’re going to burn his house down"), policy reference 3.9.

Three parts must line up in one sentence: I/we + an intent (will, ’ll, shall, am/are going to,
gonna, intend to, swear to), a violence verb from ``verbs`` at most ``window`` words later, and
a person as target right after it (you, him, them, his family, the judge, a name). A negation
between subject and verb ("I would never", "we won’t") keeps it quiet, and so do targets that
are not people ("kill it on stage", "kill the bill"). Inside an attributed quotation the
finding is lowered one level: a reported threat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.alternation import ordered_alternation
from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import require_positive, word_list
from .base.rule import Hit, Rule
from .base.safety import (
    NEGATION,
    TARGET,
    in_attributed_quote,
    sentences_holding,
)

NAME = "threat"
KEYS = {"verbs": schema.is_str_list, "extra_verbs": schema.is_str_list, "window": schema.is_int}
VERBS = [
    "kill", "murder", "shoot", "stab", "strangle", "behead", "decapitate", "hang", "lynch",
    "burn", "torch", "bomb", "blow up", "slit", "slaughter", "butcher", "rape", "hurt", "maim",
    "gut", "execute", "shoot up", "beat up", "bury alive",
]
_INTENT = re.compile(
    r"(?<![\w’'])(?:I|[Ww]e)(?:\s+(?:will|shall|am\s+going\s+to|are\s+going\s+to|am\s+gonna|"
    r"are\s+gonna|gonna|intend\s+to|plan\s+to|swear\s+to|promise\s+to|(?:swear|promise)\s+(?:I|we)\s+will)"
    r"|[’'](?:ll|m\s+going\s+to|re\s+going\s+to|m\s+gonna|re\s+gonna))(?![\w’'])"
)
_WORD = re.compile(r"[\w’'-]+")
_STOP = re.compile(r"[.;!?]")


def validate(spec: RuleSpec) -> None:
    require_positive(spec, "window")


class Threat(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        verbs = sorted(word_list(spec, "verbs", VERBS), key=len, reverse=True)
        self.verb = re.compile(
            r"(?<![\w-])(?:" + ordered_alternation(verbs, ignorecase=True) + r")(?![\w-])",
            re.IGNORECASE,
        )
        self.window = int(spec.options.get("window", 6))
        # an intent is tried only where "I" or "we" starts
        self.finder = finder.by_openers(shared, spec.id, _INTENT)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        sentences = ctx.editorial.sentences
        # only sentences where "I" or "we" can open an intent are read (same findings)
        for i in sentences_holding(ctx, self.finder):
            s, e = sentences[i]
            for m in self.finder.finditer(ctx, s, e):
                hit = self._verb_after(text, m.end(), e)
                if hit is None:
                    continue
                vs, ve = hit
                if NEGATION.search(text, m.start(), vs):
                    continue
                lower = 1 if in_attributed_quote(ctx, m.start(), ve) else 0
                yield Hit(m.start(), ve, (text[m.start() : ve],), lower=lower)
                break  # one threat per sentence is enough

    def _verb_after(self, text: str, pos: int, end: int) -> tuple[int, int] | None:
        for k, w in enumerate(_WORD.finditer(text, pos, end)):
            if k > self.window:
                return None
            v = self.verb.match(text, w.start(), end)
            if v and TARGET.match(text, v.end(), end):
                return v.start(), v.end()
            if _STOP.search(text[pos : w.start()]):
                return None
        return None


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Threat(spec, shared)
