"""``dehumanising-group``: an identity group equated with or likened to vermin, disease or
beasts ("migrants are vermin", "they breed like rats, these …"), policy reference 3.9.

A group noun from ``groups`` (optionally after these/those/all/illegal …) is linked by a
copula ("are", "were", "are nothing but", "are no better than", "are like") or by "breed /
multiply / swarm like" to a term from ``terms``. Negated links ("are not vermin") do not
match, and neither do the terms on their own ("rats spread disease"). Reported in a
named speaker's words, or after "X said that", the finding is lowered one level.
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
from .base.rule import Hit, KindError, Rule
from .base.safety import reported

NAME = "dehumanising-group"
KEYS = {
    "groups": schema.is_str_list, "extra_groups": schema.is_str_list,
    "terms": schema.is_str_list, "extra_terms": schema.is_str_list,
}
_LINK = (
    r"\s+(?:(?:are|were|’re|'re)(?:\s+(?:all|just|simply|basically|really|nothing\s+but|no\s+better"
    r"\s+than|little\s+more\s+than|like|worse\s+than))*|(?:breed|multiply|swarm|spread)\s+like)"
    r"\s+(?:(?:a|an|the|dirty|filthy|disgusting|diseased|vile|human|sub-human)\s+){0,2}"
)
# A term used as a modifier is not a predicate ("animal lovers", "rat poison").
_NOT_AFTER = re.compile(
    r"\s*(?:lovers|rights|welfare|shelters?|control|poison|catchers?|ward)\b", re.IGNORECASE
)


def validate(spec: RuleSpec) -> None:
    if not word_list(spec, "groups", []) or not word_list(spec, "terms", []):
        raise KindError("a dehumanising-group rule needs 'groups' and 'terms'")


def _alts(words: list[str]) -> str:
    """Longest first, as a prefix trie (same matches as the flat alternation, much faster)."""
    return ordered_alternation(sorted(words, key=len, reverse=True), ignorecase=True)


class Dehumanising(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        group_list = word_list(spec, "groups", [])
        groups = _alts(group_list)
        terms = _alts(word_list(spec, "terms", []))
        self.pattern = re.compile(
            r"(?<![\w-])(?:" + groups + r")" + _LINK + r"(?:" + terms + r")(?![\w-])", re.IGNORECASE
        )
        # tried only where a group's first word starts, not at every character
        # tried only where a whole group phrase occurs ("the disabled", not every "the")
        self.finder = finder.by_phrases(shared, spec.id, self.pattern, group_list)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        for m in self.finder.finditer(ctx):
            if _NOT_AFTER.match(text, m.end()):
                continue
            yield Hit(m.start(), m.end(), (m.group(),), lower=reported(ctx, m.start(), m.end()))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Dehumanising(spec, shared)
