"""``incitement``: a call for, or wish of, violence against someone (policy reference 3.9):
"someone should shoot the judge", "traitors deserve to hang", "he should be shot", "death to
the dictator".

A call needs a person as target (you, him, them, the judge, a name, a group); a wish ("deserve
to die", "should be shot") needs a person as subject. Negated or questioning sentences ("no
one deserves to die", "whether killers deserve to die?") and passive sentences with a legal
frame ("sentenced to be hanged") stay quiet. Inside an attributed quotation, or after "X said
that", the finding is lowered one level: the writer reports the call.
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
from .base.rule import Hit, Rule
from .base.safety import NEGATION, ROLES, TARGET, reported, sentence_of

NAME = "incitement"
KEYS = {"verbs": schema.is_str_list, "extra_verbs": schema.is_str_list}
VERBS = [
    "kill", "shoot", "hang", "lynch", "stab", "murder", "behead", "burn", "bomb", "torch",
    "string up", "assassinate", "gas", "exterminate", "execute",
]
_CALLERS = (
    r"(?:someone|somebody|people|we|they|you|everyone|everybody|anyone|anybody|y['’]all|"
    r"all\s+of\s+you|someone\s+needs\s+to|patriots)"
)
_MODALS = r"(?:should|must|ought\s+to|need\s+to|needs\s+to|has\s+to|have\s+to|gotta|got\s+to)"
_WISH = re.compile(
    r"\b(?=[ds])(?:(?:deserves?|deserved)\s+to\s+(?:die|hang|burn|be\s+(?:shot|killed|hanged|hung|"
    r"lynched|"
    r"executed|murdered|raped|beheaded|burned|burnt|gassed|exterminated))\b"
    r"|should\s+(?:all\s+)?be\s+(?:shot|hanged|hung|lynched|strung\s+up|killed|gassed|beheaded|"
    r"burned\s+alive|burnt\s+alive|exterminated|put\s+against\s+a\s+wall)\b)",
    re.IGNORECASE,
)
_WISH_SUBJECT = re.compile(
    r"(?:\b(?:he|she|they|you|them|all|these|those|every|such)\s+(?:[\w-]+\s+)?"
    r"|\b(?:" + ROLES + r"|[a-z]+ers|[a-z]+ists|[a-z]+ors)\s+(?:all\s+)?"
    r"|\b[A-Z][a-z][\w’'-]*\s+)$"
)
_DEATH_TO = re.compile(r"\b[Dd]eath\s+to\s+(?:the\s+|all\s+)?[\w’'-]+")
_LEGAL_FRAME = re.compile(r"\b(?:put|sentenced|condemned|stoned|beaten|starved)\s+$")
_DOUBT = re.compile(r"\bwhether\b|\?")


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class Incitement(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        verbs = sorted(word_list(spec, "verbs", VERBS), key=len, reverse=True)
        alts = ordered_alternation(verbs, ignorecase=True)
        self.call = re.compile(
            # the look-ahead (the callers' first letters) rejects most word starts at once
            r"(?<![\w’'-])(?=[aepstwy])" + _CALLERS + r"\s+(?:just\s+|really\s+|all\s+)?" + _MODALS
            + r"\s+(?:just\s+|go\s+(?:and\s+)?|really\s+)?(?:" + alts + r")(?![\w-])",
            re.IGNORECASE,
        )
        # each pattern is tried only where one of its first words starts
        self.calls = finder.by_openers(shared, spec.id + " call", self.call)
        self.wishes = finder.by_openers(shared, spec.id + " wish", _WISH)
        self.deaths = finder.by_openers(shared, spec.id + " death", _DEATH_TO)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        found: list[tuple[int, int]] = []
        for m in self.calls.finditer(ctx):
            if TARGET.match(text, m.end()):
                found.append((m.start(), m.end()))
        for m in self.wishes.finditer(ctx):
            s, _ = sentence_of(ctx, m.start())
            if _WISH_SUBJECT.search(text[max(s, m.start() - 40) : m.start()]):
                found.append((m.start(), m.end()))
        for m in self.deaths.finditer(ctx):
            if not _LEGAL_FRAME.search(text[max(0, m.start() - 15) : m.start()]):
                found.append((m.start(), m.end()))
        for start, end in sorted(found):
            s, e = sentence_of(ctx, start)
            if NEGATION.search(text, s, start) or _DOUBT.search(text, s, e):
                continue
            yield Hit(start, end, (text[start:end],), lower=reported(ctx, start, end))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Incitement(spec, shared)
