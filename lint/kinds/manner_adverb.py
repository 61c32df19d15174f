"""``manner-adverb``: an emotive adverb on a reporting verb ("stating proudly", "she said
smugly"), which editorialises about the speaker."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..analysis.lexicon import REPORT_VERBS
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import phrase_first_words, phrase_pattern, word_list
from .base.rule import Hit, Rule

NAME = "manner-adverb"
KEYS = {"adverbs": schema.is_str_list, "extra_adverbs": schema.is_str_list, "window": schema.is_int}
ADVERBS = [
    "proudly", "angrily", "smugly", "gleefully", "desperately", "defiantly", "bitterly",
    "triumphantly", "sheepishly", "sarcastically", "tearfully", "furiously", "boastfully",
    "dismissively", "indignantly", "arrogantly", "nervously", "grudgingly", "mockingly",
    "condescendingly", "petulantly", "shrilly", "haughtily", "snidely", "gloatingly",
]
_TOKEN = re.compile(r"\w[\w’'-]*")


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class MannerAdverb(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        adverbs = word_list(spec, "adverbs", ADVERBS)
        self.pattern = phrase_pattern(adverbs)
        # tried only where one of the phrases' first words starts
        self.finder = finder.by_words(
            shared, spec.id, self.pattern, phrase_first_words(adverbs), folded=True)
        self.window = int(spec.options.get("window", 2))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        for m in self.finder.finditer(ctx):
            before = _TOKEN.findall(text, max(0, m.start() - 40), m.start())[-self.window :]
            after = _TOKEN.findall(text, m.end(), min(len(text), m.end() + 40))[: self.window]
            if any(t.lower() in REPORT_VERBS for t in before + after):
                yield Hit(m.start(), m.end(), (text[m.start() : m.end()],))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return MannerAdverb(spec, shared)
