"""``unsourced-allegation``: "allegedly" or "the alleged …" about a named person with no source
of the allegation nearby (policy reference 3.6, H5, H7).

"Allegedly" is no defence when nobody is named as making the allegation. The rule is quiet
when the sentence or the one before it (same paragraph) has a strong H5 cue (a link, "according
to", a source with a report verb) or a legal source (police, prosecutors, an indictment, a
lawsuit, a complaint, court papers). It fires only when the sentence names a person (H7) or
"allegedly" follows a capitalised name ("Roe allegedly took bribes"); "alleged" as a verb
("prosecutors alleged that") is the source itself and never fires.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..analysis.lexicon import NOT_NAMES
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.legal import LEGAL_SOURCE, sentence_people
from .base.rule import Hit, Rule

NAME = "unsourced-allegation"
KEYS: dict[str, schema.Check] = {}
_ALLEGED = re.compile(r"(?<![\w-])(?:allegedly|alleged)(?![\w-])", re.IGNORECASE)
# "alleged" is an adjective after one of these (or at the start of a sentence)
_ADJ_BEFORE = re.compile(
    r"(?:^|\b(?:the|a|an|his|her|their|its|this|that|these|those|of|for|over|in|on|with|about|"
    r"and|two|three|several|her|our|my)\s+)$",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z][\w’'-]*)\s+$")


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class UnsourcedAllegation(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        # tried only where "alleged" or "allegedly" starts, not at every character
        self.finder = finder.by_openers(shared, spec.id, _ALLEGED)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        ed = ctx.editorial
        claims = ed.claims
        sentences = ed.sentence_list
        matches = list(self.finder.finditer(ctx))
        if not matches:  # finding people is the costly part: only when "alleged" occurs
            return
        located = [(m, claims.sentence_at(m.start())) for m in matches]
        persons = sentence_people(ctx, (i for _, i in located))
        for m, i in located:
            s = sentences[i]
            if not s.start <= m.start() < s.end:
                continue
            before = text[s.start : m.start()]
            adverb = m.group().lower() == "allegedly"
            if not adverb and not _ADJ_BEFORE.search(before):
                continue  # a reporting verb: its subject is the source
            named = bool(persons[i])
            if adverb and not named:
                n = _NAME_BEFORE.search(before)
                named = n is not None and n.group(1) not in NOT_NAMES
            if not named or self._sourced(ctx, i):
                continue
            yield Hit(m.start(), m.end(), (m.group(),))

    @staticmethod
    def _sourced(ctx: Context, i: int) -> bool:
        text = ctx.text
        claims = ctx.editorial.claims
        sentences = ctx.editorial.sentence_list
        window = [i] + ([i - 1] if i and sentences[i - 1].block == sentences[i].block else [])
        for k in window:
            s = sentences[k]
            if claims.cue(k) >= 2 or LEGAL_SOURCE.search(text, s.start, s.end):
                return True
        return False


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return UnsourcedAllegation(spec, shared)
