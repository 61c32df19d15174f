"""Shared evidence for the legal kinds: who a sentence names, and whether it states a legal status.

People come from :func:`copydesk.analysis.people.people` (H7), plus a memory of surnames: once
"Mark Ellison" is named, a later bare "Ellison" is the same person. Legal qualifiers (H7) say
what a person is charged with or convicted of; "acquitted" or "found not guilty" flips them,
since a crime label on a cleared person is the worst case.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from ...analysis.context import Context
from ...analysis.people import HONORIFICS, NAME, TOKEN, name_core, people
from ...match.patterns import END, glyph_positions, trie_pattern
from .safety import sentence_facts

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
# Where an allegation comes from (H5 plus the legal sources of reference 3.6).
LEGAL_SOURCE = re.compile(
    r"\b(?:police|prosecutors?|prosecution|indictment|lawsuit|suit|complaint|court\s+(?:papers|"
    r"documents|filings?|records)|charge\s+sheet|charging\s+documents?|affidavit|plaintiffs?|"
    r"accusers?|investigators|regulators?|the\s+(?:FBI|SEC|DOJ|CPS|SFO)|according\s+to|"
    r"(?:alleges?|alleged|claims?|claimed|said|says|told)\s+(?:in\s+)?(?:a\s+)?(?:court|filing|"
    r"lawsuit|statement))\b",
)
_WORD = re.compile(r"\w[\w’'-]*")
# the name token before a space, as copydesk.analysis.people tokenises (read back from the space)
_TOKEN_BEFORE = re.compile(r"[A-Za-z][\w’'.-]*\Z")
_CAPITALISED = re.compile(r"[A-Z][A-Za-z’'-]*")
_CAPITALISED_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz’'-")
# Where a surname can follow, and more (each place is checked): a space before a capital,
# after a token holding a capital, or after one ending in an honorific and full stops. The
# honorific ending is found in the reversed text, where the pattern opens on the space: re then
# jumps from space to space (the same pattern read forwards was tried at every character).
# (a line break of a hard wrap separates two words of a name as a space does: "Dave\nPike";
# an honorific wrapped away from its name, "Dr.\nRoe", is left to the general reading)
_AFTER_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*[ \n](?=[A-Z])")
_HONORIFIC_BEFORE_REVERSED = re.compile(
    r" (?<=[A-Z] )\.*(?i:" + trie_pattern(sorted(h[::-1] for h in HONORIFICS)) + ")"
)
# two possessives in a row ("Roe's's"); it opens on a plain "s" so the scan skips to those
_DOUBLE_POSSESSIVE = re.compile(r"s[’']s(?<=[’']s[’']s)")


def _bare(word: str) -> str:
    """The word without a possessive ("Ellison's" -> "Ellison")."""
    return word[:-2] if word.endswith(("’s", "'s")) else word


def sentence_people(ctx: Context, wanted: Iterable[int]) -> dict[int, list[Span]]:
    """PERSON spans of the sentences numbered ``wanted`` (indices into
    ``ctx.editorial.sentences``), with the surname memory of every earlier sentence.

    The memory is only asked about the capitalised words of the wanted sentences (the
    targets), so an earlier sentence is read only if it can make a target a surname that is
    not one yet: only the answers for the targets matter, and a surname stays one.
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
    facts = _facts(ctx)
    if facts.general:
        return _read_candidates(text, sentences, want, targets)
    sources = facts.surname_sources(sentences, targets, sentences[want[-1]][0])
    wanted_set = set(want)
    surnames: set[str] = set()
    out: dict[int, list[Span]] = {}
    for i in sorted(wanted_set.union(sources)):
        if i not in wanted_set and sources[i] <= surnames:
            continue
        s, e = sentences[i]
        found = list(facts.people_of(i, s, e))
        if i in wanted_set:
            _remember(text, s, e, surnames, found)
            out[i] = sorted(found)
        surnames.update(_bare(text[a:b].split()[-1]) for a, b in found)
    return out


def _remember(text: str, s: int, e: int, surnames: set[str], found: list[Span]) -> None:
    """Add to ``found`` each word of text[s:e] that is a surname met before."""
    if not surnames:
        return
    for m in _WORD.finditer(text, s, e):
        bare = _bare(m.group())
        if bare in surnames and not any(a <= m.start() < b for a, b in found):
            found.append((m.start(), m.start() + len(bare)))


class _Facts:
    """What both legal kinds ask of one document's text, found once."""

    def __init__(self, ctx: Context) -> None:
        self.text = ctx.text
        order = sentence_facts(ctx)
        # a "Roe's's" can make a surname end in a possessive; sentences out of order (never
        # seen) would defeat the look-up by offset: both take the general reading
        self.general = _DOUBLE_POSSESSIVE.search(self.text) is not None or not order.ordered
        self.starts = order.starts
        self._possessed: set[str] | None = None
        self._people: dict[int, list[Span]] = {}
        self._places: list[int] | None = None  # where a surname may start
        self._checked: dict[int, tuple[int, str] | None] = {}  # place -> (sentence, surname)

    def people_of(self, i: int, s: int, e: int) -> list[Span]:
        """people() of sentence ``i`` (text[s:e]), read once (callers copy before changing)."""
        found = self._people.get(i)
        if found is None:
            found = self._people[i] = people(self.text, s, e)
        return found

    def surname_sources(
        self, sentences: list[Span], targets: set[str], end: int
    ) -> dict[int, set[str]]:
        """The targets each sentence before ``end`` may make surnames.

        A surname is the last token of a mention, bare of a possessive, and that token
        follows a space and a token that is a name (so capitalised) or an honorific ("Jane
        Roe", "judge Roe"). The memory's own additions are never new words: with no "Roe's's"
        in the text, no surname ends in a possessive, so a remembered word adds itself.

        The places such a token may start are found once per document, whatever the
        targets; each is checked (once) only if its first characters are a target's: a
        surname is a prefix of the token there, so its first three characters (or all of a
        shorter one) are the text's at that place.
        """
        targets = {t for t in targets if self.may_be_surname(t)}
        out: dict[int, set[str]] = {}
        if not targets:
            return out
        text, checked = self.text, self._checked
        heads = {t[:3] for t in targets}
        if self._places is None:
            self._places = _name_may_follow(text)
        places = self._places
        for at in places[: bisect_left(places, end)]:
            if (text[at : at + 3] not in heads and text[at : at + 2] not in heads
                    and text[at : at + 1] not in heads):
                continue
            if at in checked:
                found = checked[at]
            else:
                found = checked[at] = _follower(text, self.starts, sentences, at)
            if found is not None and found[1] in targets:
                out.setdefault(found[0], set()).add(found[1])
        return out

    def may_be_surname(self, word: str) -> bool:
        """Can ``word`` be a name token's core (people's NAME), or one bare of its possessive?
        ("I" only if the text holds "I's")"""
        if NAME.fullmatch(word):
            return True
        return _CAPITALISED.fullmatch(word) is not None and word in self.possessed()

    def possessed(self) -> set[str]:
        """Every capitalised run of _CAPITALISED's letters the text holds right before a "’s"
        or "'s": one pass over the text, where asking ``word + "’s" in text`` for each word
        cost a pass per word, and a long document has more of both."""
        if self._possessed is None:
            text, found = self.text, set[str]()
            for q, _ in glyph_positions(text, ("’s", "'s")):
                i = q
                while i > 0 and text[i - 1] in _CAPITALISED_CHARS:
                    i -= 1
                found.update(text[j:q] for j in range(i, q) if "A" <= text[j] <= "Z")
            self._possessed = found
        return self._possessed


def _facts(ctx: Context) -> _Facts:
    """The document's :class:`_Facts`, found once for both legal kinds."""
    return ctx.memo(_Facts, lambda: _Facts(ctx))


def _follower(
    text: str, starts: list[int], sentences: list[Span], at: int
) -> tuple[int, str] | None:
    """(sentence index, surname) of the token at ``at`` when its sentence may make it a
    surname (see :meth:`_Facts.surname_sources`), else None."""
    i = bisect_right(starts, at) - 1
    if i < 0 or at >= sentences[i][1]:
        return None
    s, e = sentences[i]
    if at - 2 < s:  # no room for a token before the space (a sentence opener)
        return None
    # the token holds no space: read it from after the last one
    before = _TOKEN_BEFORE.search(text, max(s, text.rfind(" ", s, at - 1) + 1), at - 1)
    if before is None or not _may_precede_name(before.group()):
        return None
    token = TOKEN.match(text, at, e)
    return (i, _bare(name_core(token.group()))) if token else None


def _name_may_follow(text: str) -> list[int]:
    """Sorted offsets after a space where a surname may start: every one whose token before
    holds a capital or ends in an honorific (and full stops), and some others."""
    found = set(map(END, _AFTER_CAPITALISED.finditer(text)))
    last = len(text) - 1
    # a space at r in the reversed text is the space at last - r; the name starts after it
    found.update(last - m.start() + 1 for m in _HONORIFIC_BEFORE_REVERSED.finditer(text[::-1]))
    return sorted(found)


def _may_precede_name(token: str) -> bool:
    return "A" <= token[0] <= "Z" or token.lower().rstrip(".") in HONORIFICS


def _read_candidates(
    text: str, sentences: list[Span], want: list[int], targets: set[str]
) -> dict[int, list[Span]]:
    """The general reading: every sentence holding " Roe" or "Roe's" for a target "Roe" (a
    surname follows a space, or loses a possessive from a remembered "Roe's")."""
    alts = "|".join(re.escape(t) for t in sorted(targets, key=len, reverse=True))
    finder = re.compile(f"[ \n](?:{alts})|(?:{alts})(?:’s|'s)") if targets else None
    wanted_set = set(want)
    surnames: set[str] = set()
    out: dict[int, list[Span]] = {}
    for i in range(want[-1] + 1):
        s, e = sentences[i]
        if i not in wanted_set and (finder is None or not finder.search(text, s, e)):
            continue
        found = people(text, s, e)
        _remember(text, s, e, surnames, found)
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
