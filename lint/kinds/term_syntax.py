"""The phrase syntax of curated term lists, compiled to one regular expression (reference H9).

A term is words separated by spaces. Within a term:

- ``a/b``     one of the alternatives (``grim/stark reminder``);
- ``(a/b)``   an optional insert (``when the dust (finally/eventually) settles``);
- ``word+``   the word's -s/-es/-ed/-ing forms as well (``wring+/wrung its/their hands``);
- ``-``       a hyphen, spaced or not, or a space (``so-called`` = ``so called`` = ``so - called``);
- ``’``/``'`` either apostrophe.

Spaces match any run of whitespace or a hyphen, so ``game changer`` also finds ``game-changer``.
Matching is whole-word: a term never starts or ends inside a word or a hyphenated compound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint.analysis.lexicon import inflect

SEP = r"(?:\s*[-‐‑]\s*|\s+)"
_FORBIDDEN = re.compile(r"[\\^$.*?{}\[\]]")
# From this length a list's pattern is compiled through the on-disk program cache: ``re``'s
# parser is pure Python, and the built-in lists' patterns cost ~30 ms of every startup.
CACHED_LENGTH = 500


class TermSyntaxError(ValueError):
    """A term uses characters the phrase syntax does not allow."""


def _word(word: str, inflected: bool) -> str:
    """Regex for one word slot (alternatives separated by '/')."""
    alts: list[str] = []
    for alt in word.split("/"):
        plus = alt.endswith("+") or inflected
        alt = alt.rstrip("+")
        if not alt:
            raise TermSyntaxError(f"empty alternative in {word!r}")
        forms = inflect(alt) if plus and alt.isalpha() else [alt]
        for form in forms:
            parts = re.split(r"-", form)
            alts.append(SEP.join(_literal(p) for p in parts))
    alts.sort(key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")"


def _literal(piece: str) -> str:
    return re.sub(r"['’]", "['’]", re.escape(piece))


def term_regex(term: str, inflect_last: bool = False) -> str:
    """The regex body (no boundaries) for one term of the phrase syntax."""
    if _FORBIDDEN.search(term.replace("(", "").replace(")", "")) or "|" in term:
        raise TermSyntaxError(
            f"term {term!r}: use '/' for alternatives and '(…)' for optional words"
        )
    words = term.split()
    if not words:
        raise TermSyntaxError("empty term")
    out = ""
    started = (
        False  # has a required word been placed yet? (leading optional words carry their own gap)
    )
    for i, word in enumerate(words):
        optional = word.startswith("(") and word.endswith(")")
        body = _word(word.strip("()"), inflect_last and i == len(words) - 1 and not optional)
        if optional:
            out += f"(?:{SEP}{body})?" if started else f"(?:{body}{SEP})?"
        else:
            out += SEP + body if started else body
            started = True
    if not started:
        raise TermSyntaxError(f"term {term!r} has only optional words")
    return out


def compile_terms(
    terms: Iterable[str], inflect_last: bool = False, ignorecase: bool = True
) -> re.Pattern[str]:
    """One whole-word alternation of all terms, longest first."""
    # longest first; ties by text, so the pattern is the same in every process (a set's order
    # follows the per-process string hash) and its compiled program can be cached
    bodies = sorted({term_regex(t, inflect_last) for t in terms}, key=lambda b: (-len(b), b))
    flags = re.IGNORECASE if ignorecase else 0
    pattern = r"(?<![\w‐‑-])(?:" + "|".join(bodies) + r")(?![\w‐‑]|-\w)"
    if len(pattern) < CACHED_LENGTH:
        return re.compile(pattern, flags)
    from lint.packs.cache import compile_cached

    # keyed on the pattern text itself, so a change to the syntax or to inflect() misses
    compiled: re.Pattern[str] = compile_cached(pattern, lambda: pattern, flags)
    return compiled


def normalise(matched: str) -> str:
    """The key a match is counted under: lower case, separators folded to one space."""
    return re.sub(SEP, " ", matched.lower()).replace("’", "'")
