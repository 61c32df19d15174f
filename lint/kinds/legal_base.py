"""Shared evidence for the legal kinds: who a sentence names, and whether it states a legal status.

People come from :func:`lint.analysis.people.people` (H7), plus a memory of surnames: once
"Mark Ellison" is named, a later bare "Ellison" is the same person. Legal qualifiers (H7) say
what a person is charged with or convicted of; "acquitted" or "found not guilty" flips them,
since a crime label on a cleared person is the worst case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def _bare(word: str) -> str:
    """The word without a possessive ("Ellison's" -> "Ellison")."""
    return word[:-2] if word.endswith(("’s", "'s")) else word


def sentence_people(ctx: Context, wanted: Iterable[int]) -> dict[int, list[Span]]:
    """PERSON spans of the sentences numbered ``wanted`` (indices into
    ``ctx.editorial.sentences``), with the surname memory of every earlier sentence.

    The memory is only asked about the capitalised words of the wanted sentences. Such a word
    becomes a surname only as the last token of a mention, which always follows a space
    ("Mark Ellison", "Dr Roe"), or by dropping a possessive from a remembered "Roe's" (itself
    remembered the same way); so only sentences holding " Roe" or "Roe's" for one of those
    words are read, which gives the same answer as reading them all.
    """
    want = sorted(set(wanted))
    if not want:
        return {}
    text = ctx.text
    sentences = ctx.editorial.sentences
    targets: set[str] = set()
    for i in want:
        s, e = sentences[i]
        targets.update(b for b in map(_bare, _WORD.findall(text, s, e)) if "A" <= b[0] <= "Z")
    alts = "|".join(re.escape(t) for t in sorted(targets, key=len, reverse=True))
    finder = re.compile(f" (?:{alts})|(?:{alts})(?:’s|'s)") if targets else None
    wanted_set = set(want)
    surnames: set[str] = set()
    out: dict[int, list[Span]] = {}
    for i in range(want[-1] + 1):
        s, e = sentences[i]
        if i not in wanted_set and (finder is None or not finder.search(text, s, e)):
            continue
        found = people(text, s, e)
        if surnames:
            for m in _WORD.finditer(text, s, e):
                bare = _bare(m.group())
                if bare in surnames and not any(a <= m.start() < b for a, b in found):
                    found.append((m.start(), m.start() + len(bare)))
        for a, b in found:
            surnames.add(_bare(text[a:b].split()[-1]))
        if i in wanted_set:
            out[i] = sorted(found)
    return out


def sentence_index(ctx: Context, offset: int) -> int:
    return ctx.editorial.claims.sentence_at(offset)


def qualified(text: str, start: int, end: int) -> bool:
    """The sentence states a legal status (and does not say the person was cleared)."""
    return bool(QUALIFIER.search(text, start, end)) and not CLEARED.search(text, start, end)
