"""``presumed-guilt``: wording that treats a suspect as guilty: "arrested for murder" (say
"arrested on suspicion of murder"), offered as a fix (policy reference 3.6).

``verbs`` are the arrest verbs and ``crimes`` the offences (nouns and -ing forms) that may
follow "for" (with an optional "the"). A sentence that states a conviction or plea (convicted,
found guilty, pleaded guilty, sentenced) keeps it quiet: the guilt is then established.
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

NAME = "presumed-guilt"
KEYS = {
    "verbs": schema.is_str_list, "crimes": schema.is_str_list, "extra_crimes": schema.is_str_list,
}
_CONVICTED = re.compile(
    r"\b(?:convicted|found\s+guilty|pleaded\s+guilty|pled\s+guilty|sentenced|jailed)\b",
    re.IGNORECASE,
)


def validate(spec: RuleSpec) -> None:
    if not word_list(spec, "crimes", []) or not spec.options.get("verbs"):
        raise KindError("a presumed-guilt rule needs 'verbs' (arrested …) and 'crimes' (murder …)")


class PresumedGuilt(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        verbs = "|".join(re.escape(v) for v in spec.options["verbs"])
        crimes = sorted(word_list(spec, "crimes", []), key=len, reverse=True)
        alts = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in crimes)
        self.pattern = re.compile(
            rf"(?<![\w-])({verbs})\s+for(?=\s+(?:the\s+|an?\s+|alleged\s+)?(?:{alts})(?![\w-]))",
            re.IGNORECASE,
        )
        # tried only where an arrest verb starts, not at every character
        self.finder = finder.by_openers(shared, spec.id, self.pattern)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        claims = ctx.editorial.claims
        sentences = ctx.editorial.sentences
        for m in self.finder.finditer(ctx):
            s, e = sentences[claims.sentence_at(m.start())]
            if _CONVICTED.search(text, s, e):
                continue
            fix = f"{m.group(1)} on suspicion of"
            yield Hit(m.start(), m.end(), (m.group(), fix), replacement=fix)


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return PresumedGuilt(spec, shared)
