"""``anonymous-source``: unnamed-source formulas ("sources said", "a person familiar with").

Quiet when a name stands in apposition ("a senior official, Jane Roe," or "Jane Roe, a senior
official at the ministry,"), and when the sentence says why anonymity was granted ("who asked
not to be named because he was not authorised to speak to the press"), as style books require.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule, phrase_first_words, phrase_pattern, word_list
from .base.rule import Hit, Rule

NAME = "anonymous-source"
KEYS = {"phrases": schema.is_str_list, "extra_phrases": schema.is_str_list}
PHRASES = [
    "a source said", "a source told", "sources said", "sources say", "sources told",
    "sources close to", "a source close to", "people familiar with", "a person familiar with",
    "people with knowledge of", "a person with knowledge of", "someone familiar with",
    "insiders say", "insiders said", "an insider said", "a senior official",
    "a senior government official", "a senior administration official", "senior officials said",
    "an official who", "on condition of anonymity",
    "who asked not to be named", "who declined to be named", "speaking anonymously",
    "who spoke on condition of anonymity", "unnamed sources", "an unnamed official",
]
_APPOSITION = re.compile(r"\s*,\s*(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+\s*,")
# the reason for anonymity, given in the same sentence
_REASON = re.compile(
    r"\b(?:because|not\s+(?:authori[sz]ed|allowed|permitted|cleared)\s+to|for\s+fear\s+of|"
    r"to\s+protect|fearing|citing\s+(?:the\s+)?(?:sensitivity|security|safety))\b",
    re.IGNORECASE,
)
_NAMED_BEFORE = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+\s*,\s*$")


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class AnonymousSource(EditorialRule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        phrases = word_list(spec, "phrases", PHRASES)
        self.pattern = phrase_pattern(phrases)
        # tried only where one of the phrases' first words starts
        self.finder = finder.by_words(
            shared, spec.id, self.pattern, phrase_first_words(phrases), folded=True)

    def check(self, ctx: Context) -> Iterable[Hit]:
        for m in self.finder.finditer(ctx):
            if _APPOSITION.match(ctx.text, m.end()):
                continue
            if _NAMED_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):
                continue
            claims = ctx.editorial.claims
            sentence = claims.sentences[claims.sentence_at(m.start())]
            if _REASON.search(ctx.text, sentence.start, sentence.end):
                continue  # the sentence says why anonymity was granted
            yield Hit(m.start(), m.end(), (ctx.text[m.start() : m.end()],))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return AnonymousSource(spec, shared)
