"""Shared evidence for the legal kinds: who a sentence names, and whether it states a legal status.

People come from :func:`lint.analysis.people.people` (H7), plus a memory of surnames: once
"Mark Ellison" is named, a later bare "Ellison" is the same person. Legal qualifiers (H7) say
what a person is charged with or convicted of; "acquitted" or "found not guilty" flips them,
since a crime label on a cleared person is the worst case.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from lint.analysis.people import people
from lint.context import Context

Span = tuple[int, int]

QUALIFIER = re.compile(
    r"\b(?:convicted|convictions?|found\s+guilty|pleaded\s+guilty|pled\s+guilty|admitted|"
    r"guilty\s+plea|sentenced|jailed|imprisoned|serving\s+(?:a\s+)?(?:\w+\s+)?sentence|"
    r"charged\s+with|indicted|accused\s+of|suspected\s+of|on\s+suspicion\s+of|on\s+trial|"
    r"stands?\s+trial|faces?\s+charges?)\b",
    re.IGNORECASE,
)
CLEARED = re.compile(
    r"\b(?:acquitted|found\s+not\s+guilty|cleared\s+of|exonerated|charges\s+(?:were\s+)?dropped)\b",
    re.IGNORECASE,
)
# Where an allegation comes from (H5 plus the legal sources of reference §3.6).
LEGAL_SOURCE = re.compile(
    r"\b(?:police|prosecutors?|prosecution|indictment|lawsuit|suit|complaint|court\s+(?:papers|"
    r"documents|filings?|records)|charge\s+sheet|charging\s+documents?|affidavit|plaintiffs?|"
    r"accusers?|investigators|regulators?|the\s+(?:FBI|SEC|DOJ|CPS|SFO)|according\s+to|"
    r"(?:alleges?|alleged|claims?|claimed|said|says|told)\s+(?:in\s+)?(?:a\s+)?(?:court|filing|"
    r"lawsuit|statement))\b",
)
_WORD = re.compile(r"\w[\w’'-]*")
_CACHE: WeakKeyDictionary[Context, list[list[Span]]] = WeakKeyDictionary()


def sentence_people(ctx: Context) -> list[list[Span]]:
    """PERSON spans of each of ctx's sentences (same order as ``ctx.editorial.sentences``)."""
    if ctx in _CACHE:
        return _CACHE[ctx]
    text = ctx.text
    surnames: set[str] = set()
    out: list[list[Span]] = []
    for s, e in ctx.editorial.sentences:
        found = people(text, s, e)
        for m in _WORD.finditer(text, s, e):
            word = m.group()
            bare = re.sub(r"(?:’s|'s)$", "", word)
            if bare in surnames and not any(a <= m.start() < b for a, b in found):
                found.append((m.start(), m.start() + len(bare)))
        for a, b in found:
            surnames.add(re.sub(r"(?:’s|'s)$", "", text[a:b].split()[-1]))
        out.append(sorted(found))
    _CACHE[ctx] = out
    return out


def sentence_index(ctx: Context, offset: int) -> int:
    return ctx.editorial.claims.sentence_at(offset)


def qualified(text: str, start: int, end: int) -> bool:
    """The sentence states a legal status (and does not say the person was cleared)."""
    return bool(QUALIFIER.search(text, start, end)) and not CLEARED.search(text, start, end)
