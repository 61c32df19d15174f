"""``loaded-verb``: a said-synonym that judges the speaker or presumes the claim true
("boasted", "admitted", "gushed"), used as a reporting verb.

The verb counts as reporting when it introduces an attributed quotation, or when "that",
"about", a quotation mark or a colon follows it within ``window`` words ("admitted that sales
fell"). A determiner before it marks a noun ("the claim that …") and keeps it quiet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.alternation import longest_first
from ..analysis.context import Context
from ..analysis.lexicon import PRONOUNS, SOURCE_NOUNS, inflect
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import phrase_first_words, phrase_pattern
from .base.rule import Hit, KindError, Rule

NAME = "loaded-verb"
KEYS = {"verbs": schema.is_str_list, "window": schema.is_int}
_DETERMINERS = frozenset("the a an this that his her their its our my your no any each".split())
# Words after which a bare lemma ("claim", "admit") is a verb: "to claim", "they claim".
_VERB_LEAD = frozenset(
    "to will would could should can may might must did does do not never i we they you "
    "often also still".split()
)
# Lemmas that are also nouns: their -s form is a plural ("misconduct claims that lawyers
# raised", "his boasts") unless a subject stands right before it ("Smith claims", "she
# claims", "but claims the team …").
_NOUN_LEMMAS = frozenset("claim boast rant whine slam blast gush".split())
_SUBJECT_BEFORE = PRONOUNS | SOURCE_NOUNS | frozenset(
    "who which also still now but and often repeatedly falsely wrongly openly".split()
)
# "insisted on a recount", "insists upon": a demand, not a report of speech
_DEMAND_AFTER = re.compile(r"\s+(?:on|upon)\b", re.IGNORECASE)
_LABEL = re.compile(r"\s*:")
_LINE_LEAD = re.compile(r"[ \t*#>-]*")  # what may open a line before a label
_FOLLOW = re.compile(r"\b(?:that|about)\b|[“\"]|:", re.IGNORECASE)
_TOKEN = re.compile(r"\w[\w’'-]*")


def validate(spec: RuleSpec) -> None:
    if not spec.options.get("verbs"):
        raise KindError("a loaded-verb rule needs 'verbs' (lemmas such as boast, admit)")


class LoadedVerb(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        forms = sorted(
            {f for v in spec.options["verbs"] for f in inflect(v)}, key=longest_first
        )
        self.pattern = phrase_pattern(forms)
        # tried only where one of the phrases' first words starts
        self.finder = finder.by_words(
            shared, spec.id, self.pattern, phrase_first_words(forms), folded=True)
        self.window = int(spec.options.get("window", 8))
        self.lemmas = frozenset(v.lower() for v in spec.options["verbs"])

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        ed = ctx.editorial
        verb_at = {q.attribution_at for q in ed.quotes if q.attributed}
        claims = ed.claims
        for m in self.finder.finditer(ctx):
            before = _TOKEN.findall(text, max(0, m.start() - 40), m.start())
            if before and before[-1].lower() in _DETERMINERS:
                continue
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            if _LABEL.match(text, m.end()) and _LINE_LEAD.fullmatch(line):
                continue  # "NOTES:", "Note:" heading a line: a label, not a verb
            if m.group() in self.lemmas and not (before and before[-1].lower() in _VERB_LEAD):
                continue  # a bare "claim" is a noun ("an absurd claim that") unless "to claim"
            if self._plural_noun(m.group(), before):
                continue
            if m.group().lower().startswith("insist") and _DEMAND_AFTER.match(text, m.end()):
                continue
            if m.start() not in verb_at and not self._followed(
                text, m.end(), claims.sentences[claims.sentence_at(m.start())].end
            ):
                continue
            yield Hit(m.start(), m.end(), (text[m.start() : m.end()],))

    @staticmethod
    def _plural_noun(word: str, before: list[str]) -> bool:
        """Is this -s form of a noun lemma a plural noun? Only a subject just before it makes
        it a verb: a pronoun, a source noun, a name (capitalised, not possessive)."""
        low = word.lower()
        lemma = low[:-2] if low.endswith("hes") else low[:-1]
        if lemma not in _NOUN_LEMMAS or not low.endswith("s"):
            return False
        prev = before[-1] if before else ""
        named = prev[:1].isupper() and not prev.endswith(("’s", "'s"))
        return not (named or prev.lower() in _SUBJECT_BEFORE)

    def _followed(self, text: str, pos: int, limit: int) -> bool:
        tokens = list(_TOKEN.finditer(text, pos, limit))[: self.window]
        end = tokens[-1].end() if tokens else min(limit, pos + 2)
        return _FOLLOW.search(text, pos, min(limit, end + 2)) is not None


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return LoadedVerb(spec, shared)
