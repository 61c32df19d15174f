"""``loaded-verb``: a said-synonym that judges the speaker or presumes the claim true
("boasted", "admitted", "gushed"), used as a reporting verb.

The verb counts as reporting when it introduces an attributed quotation, or when "that",
"about", a quotation mark or a colon follows it within ``window`` words ("admitted that sales
fell"). A determiner before it marks a noun ("the claim that …") and keeps it quiet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint.analysis.alternation import longest_first
from lint.analysis.lexicon import inflect
from lint.anchors import WordAnchors
from lint.context import Context
from lint.kinds import Hit, KindError, Rule, SharedMatchers
from lint.kinds.editorial_base import phrase_first_words, phrase_pattern
from lint.packs import schema
from lint.packs.spec import RuleSpec

NAME = "loaded-verb"
KEYS = {"verbs": schema.is_str_list, "window": schema.is_int}
_DETERMINERS = frozenset("the a an this that his her their its our my your no any each".split())
# Words after which a bare lemma ("claim", "admit") is a verb: "to claim", "they claim".
_VERB_LEAD = frozenset(
    "to will would could should can may might must did does do not never i we they you "
    "often also still".split()
)
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
        # tried only where one of the phrases' first words starts (lint/anchors.py)
        self.anchors = WordAnchors(shared, spec.id, phrase_first_words(forms))
        self.window = int(spec.options.get("window", 8))
        self.lemmas = frozenset(v.lower() for v in spec.options["verbs"])

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        ed = ctx.editorial
        verb_at = {q.attribution_at for q in ed.quotes if q.attributed}
        claims = ed.claims
        for m in self.anchors.finditer(self.pattern, ctx, ctx.folded):
            before = _TOKEN.findall(text, max(0, m.start() - 40), m.start())
            if before and before[-1].lower() in _DETERMINERS:
                continue
            if m.group() in self.lemmas and not (before and before[-1].lower() in _VERB_LEAD):
                continue  # a bare "claim" is a noun ("an absurd claim that") unless "to claim"
            if m.start() not in verb_at and not self._followed(
                text, m.end(), claims.sentences[claims.sentence_at(m.start())].end
            ):
                continue
            yield Hit(m.start(), m.end(), (text[m.start() : m.end()],))

    def _followed(self, text: str, pos: int, limit: int) -> bool:
        tokens = list(_TOKEN.finditer(text, pos, limit))[: self.window]
        end = tokens[-1].end() if tokens else min(limit, pos + 2)
        return _FOLLOW.search(text, pos, min(limit, end + 2)) is not None


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return LoadedVerb(spec, shared)
