"""``crime-label``: a crime or wrongdoing label pinned on a named person in the writer's voice
("Mark Ellison is a fraudster", "Councillor Jane Roe, a known liar, …", "the murderer John
Smith"), with no legal status in the sentence (policy reference 3.6, H7).

Only three shapes count, so that a label merely near a name stays quiet: PERSON + copula +
label, PERSON + appositive label, and label directly before a PERSON. A legal qualifier in
the sentence (convicted, pleaded guilty, charged with …) keeps it quiet, unless the sentence
says the person was acquitted or cleared. Negated ("is not a fraudster"), plural and hedged
("alleged fraudster", left to the allegation rules) labels are not reported.
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
from .base.editorial import word_list
from .base.legal import qualified, sentence_people
from .base.rule import Hit, KindError, Rule

NAME = "crime-label"
KEYS = {"labels": schema.is_str_list, "extra_labels": schema.is_str_list}
# Words that may stand between the copula or comma and the label ("is a known fraudster").
_STOP = (
    "of|to|for|by|with|from|and|or|than|like|against|about|on|in|at|not|no|never|called|"
    "alleged|accused|suspected|convicted|former|ex"
)
_FILLER = r"(?:(?!(?:" + _STOP + r")\b)[\w’'-]+\s+){0,2}"
_COPULA = re.compile(
    r"(?:\s+|’s\s+|'s\s+)(?:is|was|remains|became|has\s+been|had\s+been|is\s+just|is\s+nothing\s+but|"
    r"is\s+simply|was\s+always|is\s+also)\s+(?:(?:a|an|the)\s+)?" + _FILLER + r"$"
    r"|(?:’s|'s)\s+(?:a|an)\s+" + _FILLER + r"$",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+" + _FILLER + r"$", re.IGNORECASE)
_BEFORE_NAME = re.compile(
    r"(?:^|\b(?:the|a|an|known|notorious|serial|self-confessed|infamous|disgraced)\s+|[,;:(]\s*)$",
    re.IGNORECASE,
)
_HEDGED = re.compile(
    r"\b(?:alleged|accused|suspected|convicted|former|ex-|would-be|so-called)\s+$", re.IGNORECASE
)
_WORD_NEXT = re.compile(r"[\w-]")
_APPOSITIVE_END = re.compile(r"\s*(?:[,.;)]|who\b|—)")


def validate(spec: RuleSpec) -> None:
    if not word_list(spec, "labels", []):
        raise KindError("a crime-label rule needs 'labels' (fraudster, liar, thief …)")


class CrimeLabel(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        labels = sorted(word_list(spec, "labels", []), key=len, reverse=True)
        alts = ordered_alternation(labels, ignorecase=True)  # = the flat longest-first one
        self.pattern = re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])", re.IGNORECASE)
        # tried only where a label's first word starts, not at every character
        self.finder = finder.by_openers(shared, spec.id, self.pattern)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        claims = ctx.editorial.claims
        sentences = ctx.editorial.sentences
        matches = list(self.finder.finditer(ctx))
        if not matches:  # finding people is the costly part: only when a label occurs
            return
        located = []
        for m in matches:
            i = claims.sentence_at(m.start())
            s_start, s_end = sentences[i]
            if not s_start <= m.start() < s_end:
                continue
            if qualified(text, s_start, s_end):  # False when the person was cleared
                continue
            if _HEDGED.search(text[s_start : m.start()]) or _WORD_NEXT.match(text, m.end()):
                continue
            located.append((m, i))
        persons = sentence_people(ctx, (i for _, i in located))
        for m, i in located:
            if self._applies(text, m, sentences[i][0], persons[i]):
                yield Hit(m.start(), m.end(), (m.group(),))

    def _applies(
        self, text: str, m: re.Match[str], s_start: int, spans: list[tuple[int, int]]
    ) -> bool:
        before = text[s_start : m.start()]
        for a, b in spans:
            gap = text[b : m.start()] if b <= m.start() else ""
            if b <= m.start() and (_COPULA.fullmatch(gap) or _APPOSITIVE.fullmatch(gap)):
                if _APPOSITIVE.fullmatch(gap) and not _APPOSITIVE_END.match(text, m.end()):
                    continue
                return True
            if a == m.end() + 1 and text[m.end()] == " " and _BEFORE_NAME.search(before):
                return True
            # "Fraudster Mark Ellison" opening a sentence: the label heads the detected name
            if a == m.start() and len(text[m.end() : b].split()) >= 2 and text[a].isupper():
                return True
        return False


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return CrimeLabel(spec, shared)
