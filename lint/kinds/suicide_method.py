"""``suicide-method``: the method of a suicide described next to it (policy reference §3.9,
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

from lint.context import Context
from lint.kinds import Hit, KindError, Rule, SharedMatchers
from lint.kinds.editorial_base import word_list
from lint.packs import schema
from lint.packs.spec import RuleSpec

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
    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.cue = _pattern(word_list(spec, "cues", []))
        self.method = _pattern(word_list(spec, "methods", []))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        sentences = ctx.editorial.sentence_list
        cued = [bool(self.cue.search(text, s.start, s.end)) for s in sentences]
        for i, s in enumerate(sentences):
            near = [k for k in (i - 1, i, i + 1)
                    if 0 <= k < len(sentences) and sentences[k].block == s.block]
            if not any(cued[k] for k in near):
                continue
            for m in self.method.finditer(text, s.start, s.end):
                if _CLASSIFIER.match(text, m.end()):
                    continue
                yield Hit(m.start(), m.end(), (m.group(),))
                break


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return SuicideMethod(spec)
