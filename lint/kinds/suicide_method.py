"""``suicide-method``: the method of a suicide described next to it (policy reference 3.9,
IPSO clause 5: avoid excessive detail of method).

A suicide cue from ``cues`` ("suicide", "took her own life", "killed himself") and a method
from ``methods`` ("by hanging", "an overdose", "jumped from") in the same sentence or the
sentence before or after it (same paragraph). One finding per sentence, on the method. A
method word used to classify suicides ("gun suicides", "firearm suicide rates") is statistics
and stays quiet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import word_list
from .base.rule import Hit, KindError, Rule
from .base.safety import sentences_holding

NAME = "suicide-method"
KEYS = {
    "cues": schema.is_str_list, "methods": schema.is_str_list, "extra_methods": schema.is_str_list,
}
_CLASSIFIER = re.compile(r"\s+suicides?\b", re.IGNORECASE)


def validate(spec: RuleSpec) -> None:
    if not word_list(spec, "cues", []) or not word_list(spec, "methods", []):
        raise KindError("a suicide-method rule needs 'cues' and 'methods' (regular expressions)")


def _pattern(parts: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


class SuicideMethod(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        self.cue = _pattern(word_list(spec, "cues", []))
        self.method = _pattern(word_list(spec, "methods", []))
        # cues are tried only where a cue's first word starts (when the regexes tell which)
        self.finder = finder.by_openers(shared, spec.id, self.cue)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        sentences = ctx.editorial.sentence_list
        cued = [k for k in sentences_holding(ctx, self.finder)
                if self.finder.search(ctx, sentences[k].start, sentences[k].end)]
        # a sentence is read when it, or its neighbour in the same block, has a cue
        near = {i for k in cued for i in (k - 1, k, k + 1)
                if 0 <= i < len(sentences) and sentences[i].block == sentences[k].block}
        for i in sorted(near):
            s = sentences[i]
            for m in self.method.finditer(text, s.start, s.end):
                if _CLASSIFIER.match(text, m.end()):
                    continue
                yield Hit(m.start(), m.end(), (m.group(),))
                break


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return SuicideMethod(spec, shared)
