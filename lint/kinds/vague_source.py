"""``vague-source``: an unnamed collective as the source of a claim ("critics say", "Western
intelligence has been whispering", "reports surfaced", "studies show").

Quiet when the group is made specific: a nationality, institution or name before it ("South
Korean officials", "Ukraine’s officials", "company officials", "state emergency management
officials") or after it ("analysts at the IISS"), or when one of them is named in the next
sentence ("Analysts said demand was weak. … said Linda Oyelaran, grain analyst at …").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache

from ..analysis.context import Context
from ..analysis.lexicon import inflect
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import EditorialRule, phrase_first_words, phrase_pattern, word_list
from .base.rule import Hit, Rule

NAME = "vague-source"
KEYS = {
    "sources": schema.is_str_list, "extra_sources": schema.is_str_list,
    "verbs": schema.is_str_list, "extra_verbs": schema.is_str_list, "window": schema.is_int,
}
SOURCES = [
    "critics", "experts", "analysts", "observers", "commentators", "insiders", "officials",
    "western intelligence", "foreign intelligence", "allied intelligence", "intelligence sources",
    "reports", "studies", "research", "some people", "many people", "most people", "scientists",
    "economists", "historians", "scholars", "many", "some", "others", "people", "officers",
    "union leaders", "union officials",
]
VERBS = [
    "say", "claim", "believe", "think", "suggest", "point", "warn", "whisper", "surface", "show",
    "indicate", "report", "know", "argue", "fear", "contend", "insist", "agree", "feel", "note",
    "allege", "maintain", "speculate", "consider", "predict", "estimate", "regard", "accuse",
    "assume", "doubt", "question", "dispute",
]
_VAGUE_MODIFIERS = frozenset("western foreign allied some many most other several various".split())
# A single generic word ("some", "many", "people") needs its verb right after it.
_NEEDS_ADJACENT = frozenset("many some others people".split())
# What may stand between the group and its verb: auxiliaries and adverbs ("have long argued").
_BETWEEN = frozenset(
    "have has had also now often long been will would may might could can do does did still "
    "generally widely further repeatedly however even".split()
)
# a lowercase word before the group that says whose they are ("company officials said")
_INSTITUTIONS = frozenset(
    """company firm state federal county city municipal government ministry police
    pentagon school hospital airport port party campaign administration agency
    department council prison court bank club league team church university college mine
    airline railway management emergency health fire election""".split()
)
# a group of people and one of them, who may be named after it
_MEMBERS = {group: group[:-1] for group in (
    "critics experts analysts observers commentators insiders officials scientists economists "
    "historians scholars officers leaders".split())}
_SPECIFIC_AFTER = re.compile(r"\s+(?:at|from|with|for|of|in)\s+(?:the\s+)?[A-Z]")
_TOKEN = re.compile(r"\w[\w’'-]*")
_SENTENCE_END = re.compile(r"[.!?;:]")
_SENTENCE_LEAD = re.compile(r"(?:^|[.!?:“\"\n])\s*$")
_CLAUSE_BREAK = re.compile(r"[.!?;,]")


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class VagueSource(EditorialRule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        sources = sorted(word_list(spec, "sources", SOURCES), key=len, reverse=True)
        self.pattern = phrase_pattern(sources)
        # tried only where one of the phrases' first words starts
        self.finder = finder.by_words(
            shared, spec.id, self.pattern, phrase_first_words(sources), folded=True)
        verbs = word_list(spec, "verbs", VERBS)
        self.verbs = frozenset(f for v in verbs for f in inflect(v))
        # "critics claims" is not English: a plural group takes no third-person -s verb
        self.singular_forms = frozenset(inflect(v)[1] for v in verbs)
        self.window = int(spec.options.get("window", 4))

    def _specific_before(self, text: str, start: int, block_start: int) -> bool:
        """A proper-noun modifier (Ukrainian, IISS, Ukraine’s) just before the group, in its
        paragraph (a hard wrap may stand between: "state emergency management\nofficials
        said"; a headline above may not)."""
        before = list(_TOKEN.finditer(text, max(block_start, start - 40), start))
        if not before:
            return False
        prev = before[-1]
        if _SENTENCE_END.search(text, prev.end(), start):
            return False  # "He asked Nora Baptiste. Experts say": the previous sentence's word
        word = prev.group()
        if word.lower() in _VAGUE_MODIFIERS or word.lower() in ("the", "a", "an", "these", "those"):
            return False
        if word.endswith(("’s", "'s")) or word.lower() in _INSTITUTIONS:
            return True
        lead = text[max(0, prev.start() - 3) : prev.start()]
        sentence_initial = prev.start() == 0 or bool(_SENTENCE_LEAD.search(lead))
        return word[:1].isupper() and not sentence_initial

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        named: dict[tuple[str, int], list[int]] = {}  # read once per group and sentence
        for m in self.finder.finditer(ctx):
            noun = m.group()
            block_start = ctx.editorial.block_of(m.start()).start
            if self._specific_before(text, m.start(), block_start) or _SPECIFIC_AFTER.match(
                text, m.end()
            ):
                continue
            window = 1 if noun.split()[-1] in _NEEDS_ADJACENT else self.window
            plural = noun.endswith("s") or noun.split()[-1] in _NEEDS_ADJACENT
            for k, t in enumerate(_TOKEN.finditer(text, m.end(), min(len(text), m.end() + 80))):
                word = t.group().lower()
                if k >= window or _CLAUSE_BREAK.search(text[m.end() : t.start()]):
                    break
                if word in self.verbs and not (plural and word in self.singular_forms):
                    if _one_named_next(ctx, noun, t.end(), named):
                        break
                    yield Hit(m.start(), t.end(), (text[m.start() : t.end()],))
                    break
                if word not in _BETWEEN and not word.endswith("ly"):
                    break


def _one_named_next(
    ctx: Context, noun: str, end: int, named: dict[tuple[str, int], list[int]]
) -> bool:
    """Is one of the group named in its sentence or the next ("Analysts said …. “…,” Linda
    Oyelaran, grain analyst at Stratton, said")? The group's singular with a capitalised name
    in the three words before it or right after it.

    What ``_member_named(member).search(text, end, limit)`` says, from where the pattern
    matches in the two sentences, found once for all the groups in them (a search for each,
    to the next sentence's end, made a sentence of thousands of "experts say" quadratic)."""
    member = _MEMBERS.get(noun.split()[-1].lower())
    if member is None:
        return False  # "reports", "studies", "many": no one of them to name
    claims = ctx.editorial.claims
    i = claims.sentence_at(end)
    places = named.get((member, i))
    if places is None:
        limit = claims.sentences[min(i + 1, len(claims.sentences) - 1)].end
        places = named[(member, i)] = _named_at(ctx.text, member, claims.sentences[i].start, limit)
    return bisect_left(places, end) < len(places)


def _named_at(text: str, member: str, start: int, limit: int) -> list[int]:
    """Where ``_member_named(member)`` matches in text[start:limit] (ending by ``limit``), in
    order: tried at each "member" word and at the first capital of each word (a capital later
    in a word matches only if the first one does: the name runs through the word either way,
    so those add no place in a word of their own)."""
    pattern = _member_named(member)
    tries = [m.start(1) for m in _FIRST_CAPITAL.finditer(text, start, limit)]
    tries += [m.start() for m in _member_word(member).finditer(text, start, limit)]
    return sorted(p for p in tries if pattern.match(text, p, limit))


# the first capital of each word (a word: what the name pattern reads as one)
_FIRST_CAPITAL = re.compile(r"(?<![\w’'-])(?:(?![A-Z])[\w’'-])*([A-Z])")


@cache
def _member_word(member: str) -> re.Pattern[str]:
    return re.compile(rf"\b{member}")


@cache
def _member_named(member: str) -> re.Pattern[str]:
    """A name with one of the group ("Linda Oyelaran, grain analyst", "analyst Linda O…")."""
    return re.compile(
        rf"[A-Z][\w’'-]+,?\s+(?:[\w’'-]+\s+){{0,2}}{member}\b|\b{member}\s+[A-Z][\w’'-]+\s+[A-Z]"
    )


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return VagueSource(spec, shared)
