"""Who can speak and which words report speech: the vocabulary attribution routes share.

A *source* is a capitalised name (not a sentence opener or function word), an acronym of two
or more letters, a source noun ("the report", "a spokeswoman", "the authors") or a pronoun. A
*report verb* is one of the quotation verbs (said, told, wrote, added …) unless the word after it
makes it something else ("hails from", "added to", "asked for"); "according to" and "pointed
out" count as one verb; "read" and "follows" count only with a document as their subject ("the
statement read:", "The full text follows:"), since a sign or a banner also reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..match.patterns import trie_pattern
from .lexicon import (
    DOCUMENT_NOUNS,
    NOT_NAMES,
    PRONOUNS,
    REPORT_VERBS,
    SOURCE_NOUNS,
    inflect,
)

Token = tuple[int, str]

PHRASAL = {"according": "to", "point": "out", "points": "out", "pointed": "out",
           "pointing": "out", "put": "it", "puts": "it", "putting": "it"}
# verb + next word pairs that are not reporting ("hails from Ohio", "added to the list")
NOT_REPORTING = frozenset(
    {(f, "from") for f in inflect("hail")}
    | {(f, nxt) for f in inflect("add") for nxt in ("to", "up")}
    | {(f, "for") for f in inflect("ask")}
    | {(f, nxt) for f in inflect("call") for nxt in ("for", "off", "in", "up", "on", "out")}
)
# verbs that report only a document's words ("the statement read", "the text follows")
DOCUMENT_VERBS = frozenset({"read", "reads", "follows", "follow", "states", "stated",
                            "requires", "required", "provides", "provided", "stipulates",
                            "stipulated", "specifies", "specified", "exempts", "defines",
                            "bans", "allows", "permits", "prohibits", "forbids"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "our",
                         "your", "my", "every", "each", "any", "no"})
# words before a report verb that deny the speech ("did not respond", "declined to say")
NEGATIONS = frozenset({"not", "never", "declined", "refused", "didn't", "won't", "wouldn't",
                       "couldn't", "hasn't", "haven't", "didn’t", "won’t", "wouldn’t",
                       "couldn’t", "hasn’t", "haven’t", "without"})
# participles that hang a quotation on the sentence's subject ("…, saying, “…”")
PARTICIPLES = frozenset({"saying", "adding", "asking", "telling", "writing", "declaring",
                         "warning", "noting", "insisting", "arguing", "explaining", "calling"})
# pronouns that can be impersonal ("it is said", "they say") and so need an antecedent
NEEDS_ANTECEDENT = frozenset({"it", "they"})


@dataclass(frozen=True)
class Params:
    before: int = 15
    after: int = 6
    source_window: int = 6
    verbs: frozenset[str] = REPORT_VERBS
    sources: frozenset[str] = SOURCE_NOUNS


DEFAULT = Params()


def is_source(token: str, params: Params = DEFAULT) -> bool:
    lower = token.lower()
    if lower in params.sources or (lower.endswith(("’s", "'s")) and lower[:-2] in params.sources):
        return True
    if token in NOT_NAMES or token.lower() in PRONOUNS:
        return False
    if token.isupper():
        return len(token) >= 2  # KCNA, BBC; not a lone initial
    return token[:1].isupper()


def is_name(token: str) -> bool:
    return (
        token[:1].isupper()
        and token not in NOT_NAMES
        and token.lower() not in PRONOUNS
        and not (token.isupper() and len(token) < 2)
    )


def name_run(tokens: list[Token], j: int, stop: int | None = None) -> str:
    """Extend a capitalised token to its neighbours ("Ana" -> "Ana Ruiz"); a source noun in
    apposition to a name gives the name ("the novelist Mary Hale" -> "Mary Hale"). With
    ``stop``, as if the list ended there (a sentence's words read once, asked of a prefix)."""
    n = len(tokens) if stop is None else stop
    if not is_name(tokens[j][1]):
        if j + 1 < n and is_name(tokens[j + 1][1]):
            j += 1
        else:
            return tokens[j][1]
    lo = hi = j
    while lo > 0 and is_name(tokens[lo - 1][1]):
        lo -= 1
    while hi + 1 < n and is_name(tokens[hi + 1][1]):
        hi += 1
    return " ".join(t for _, t in tokens[lo : hi + 1])


def is_verb(tokens: list[Token], k: int, params: Params = DEFAULT) -> bool:
    """Does tokens[k] report speech (see the module docstring)?"""
    word = tokens[k][1]
    tok = word.lower()
    if tok not in params.verbs and tok not in PHRASAL and tok not in DOCUMENT_VERBS:
        return False  # most words: one set look-up each
    if word[:1].isupper() and tok != "according":
        return False  # "State records show …", "Note the …": a verb in running text is lower case
    nxt = tokens[k + 1][1].lower() if k + 1 < len(tokens) else ""
    if tok in PHRASAL:  # "pointed out", "according to"
        return nxt == PHRASAL[tok]
    if tok in DOCUMENT_VERBS and tok not in params.verbs:
        prev = {t.lower() for _, t in tokens[max(0, k - 3) : k]}
        return not prev.isdisjoint(DOCUMENT_NOUNS)
    if tok not in params.verbs:
        return False
    if not NEGATIONS.isdisjoint(t.lower() for _, t in tokens[max(0, k - 3) : k]):
        return False
    if k and tokens[k - 1][1].lower() in DETERMINERS:
        return False  # "the state department", "a report": a noun, not a verb
    return (tok, nxt) not in NOT_REPORTING


@cache
def reporting_words(params: Params = DEFAULT) -> re.Pattern[str]:
    """Any word that can report speech, as one pattern (a quick test before tokenising)."""
    words = sorted(params.verbs | set(PHRASAL) | DOCUMENT_VERBS | {"According"})
    return re.compile(r"\b(?:" + trie_pattern(words) + r")\b")


reporting_words(DEFAULT)  # compiled on import, so a warm start finds it (copydesk.match.re_warm)
