"""Attribution cues for claims (policy reference H5): is a sentence's claim sourced?

Strong cues: "according to" a named or source-noun object (not "according to plan"), a report
verb (or estimate/find/show/count) with a source as subject, "data from", "a survey by", a link,
a footnote marker or a parenthetical source label such as "(BBC report)". Weak cues:
"reportedly", "reports surfaced", "… media", unnamed sources, analysts or officials — enough to
keep sourcing rules quiet because the weasel rules already flag the cue itself. Placeholders
such as "(source)" never count. A cue counts for the same sentence, the previous sentence of
the block, or the last sentence of the previous block when the claim opens its block and no
heading comes between.
"""

from __future__ import annotations

import re

from ..match.patterns import trie_pattern
from .lexicon import inflect
from .speakers import DEFAULT, is_source

_WORD = re.compile(r"\w[\w’'-]*")
_POSSESSIVE = re.compile(r"[’']s$")
_NOT_SUBJECTS = frozenset("i we you it they he she".split())  # opinion in the first person
# Verbs that put a claim in a source's mouth. Narrower than the quotation verbs: "added",
# "continued" or "posted" next to a name say nothing about where a figure came from.
EVIDENCE_VERBS = frozenset(
    f
    for lemma in (
        "say",
        "tell",
        "state",
        "announce",
        "report",
        "estimate",
        "confirm",
        "find",
        "show",
        "publish",
        "disclose",
        "testify",
        "write",
        "cite",
        "calculate",
        "forecast",
        "predict",
        "reveal",
        "acknowledge",
        "claim",
        "warn",
        "tally",
        "count",
        "record",
        "survey",
    )
    for f in inflect(lemma)
) - {"counting", "recording", "showing", "finding", "writing"}
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?!(?:the\s+)?(?:plan|schedule|tradition|legend|custom|script|rumou?r|"
    r"most|some|many|me|him|her|them|us|you|it)\b)(?:the\s+|a\s+|an\s+)?(\w[\w’'-]*(?:\s+\w[\w’'-]*){0,4})",
    re.IGNORECASE,
)
_SOURCE_PHRASE = re.compile(
    r"\b(?:data|figures|statistics|numbers|estimates?|records?|research|polling)\s+"
    r"(?:from|by|published\s+by|compiled\s+by)\b"
    r"|\b(?:a|an|the)\s+(?:survey|study|report|poll|census|analysis|review|audit|investigation)\s+"
    r"(?:by|from|of|published)\b"
    r"|\b(?:census|polls?|surveys?|studies|data)\s+"
    r"(?:show|shows|showed|found|suggest|suggests|indicate)",
    re.IGNORECASE,
)
_CITATION = re.compile(
    r"\[\^?\w{1,6}\]|<ref\b|\((?!\s*(?:sources?|references?|citations?|cite|link|url)\s*\))"
    r"(?:[^()]{0,80}\b(?:report|statement|study|survey|data|article|interview|press\s+release|"
    r"poll|figures|census|estimates?|filing|records?|analysis|according)\b[^()]{0,40}"
    r"|[^()]{2,60},\s*(?:19|20)\d\d\b[^()]{0,20}|\s*source:[^()]+)\)",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"\b(?:reportedly|allegedly|supposedly|"
    r"reports?\s+(?:surfaced|say|said|suggest(?:s|ed)?|indicate[sd]?)|"
    r"\w+\s+media|sources?\s+(?:say|said|told|close\s+to)|analysts|officials|experts|observers|insiders|"
    r"intelligence)\b",
    re.IGNORECASE,
)


# Official acts are matters of record for the figures of their own sentence: "The City Council
# voted 9-6 to lend 42 million dollars", "a judge fined the company $2 million", "he is charged
# with importing 11 tons". They source nothing beyond it: the vote to build a bridge does not
# say where the next paragraph's cost comes from.
ACT_VERBS = frozenset(
    f
    for lemma in ("vote", "approve", "adopt", "award", "allocate", "authorize", "authorise",
                  "appropriate", "fine", "charge", "sentence", "order", "settle")
    for f in inflect(lemma)
) - {"voting", "ordering", "charging", "settling"}


_EVIDENCE_AND_ACTS = EVIDENCE_VERBS | ACT_VERBS
ACT_WORDS = re.compile(r"(?i:\b(?:" + trie_pattern(sorted(ACT_VERBS)) + r")\b)")


def cue_strength(
    text: str, start: int, end: int, links: bool, acts: bool = False
) -> int:
    """2 for a strong cue in text[start:end], 1 for a weak one, 0 for none; with ``acts``,
    an official act by a named body counts as strong too (for the figures of that sentence)."""
    verbs = _EVIDENCE_AND_ACTS if acts else EVIDENCE_VERBS
    if links or _CITATION.search(text, start, end) or _SOURCE_PHRASE.search(text, start, end):
        return 2
    for m in _ACCORDING.finditer(text, start, end):
        if _names_a_source(m.group(1)):
            return 2
    tokens = _WORD.findall(text, start, end)  # (no groups: whole matches)
    for k, tok in enumerate(tokens):
        if tok.lower() in verbs:
            subject = tokens[max(0, k - 4) : k] + tokens[k + 1 : k + 3]
            if any(is_source(t, DEFAULT) for t in subject if t.lower() not in _NOT_SUBJECTS):
                return 2
    return 1 if _WEAK.search(text, start, end) else 0


def has_citation(text: str, start: int, end: int, links: bool) -> bool:
    """An explicit citation in text[start:end]: a link, footnote, source label or "according to"."""
    if links or _CITATION.search(text, start, end):
        return True
    return any(_names_a_source(m.group(1)) for m in _ACCORDING.finditer(text, start, end))


def _names_a_source(words: str) -> bool:
    """The object of "according to": a name, or a source noun among its first words
    ("the council's survey", "Ofcom", "police figures", "fare tables issued by BR")."""
    tokens = [_POSSESSIVE.sub("", w) for w in words.split()]
    return any(t[:1].isupper() or is_source(t, DEFAULT) for t in tokens)
