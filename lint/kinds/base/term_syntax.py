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

from ...analysis.alternation import longest_first
from ...analysis.lexicon import inflect
from ...match.patterns import CASE_TRAPS, fold

SEP = r"(?:\s*[-‐‑]\s*|\s+)"
_FORBIDDEN = re.compile(r"[\\^$.*?{}\[\]]")
# From this length a list's pattern is compiled through the on-disk program cache: ``re``'s
# parser is pure Python, and the built-in lists' patterns cost ~30 ms of every startup.
CACHED_LENGTH = 500


class TermSyntaxError(ValueError):
    """A term uses characters the phrase syntax does not allow."""


def _forms(word: str, inflected: bool) -> list[str]:
    """Every spelling one word slot stands for (alternatives, inflections), hyphens kept."""
    forms: list[str] = []
    for alt in word.split("/"):
        plus = alt.endswith("+") or inflected
        alt = alt.rstrip("+")
        if not alt:
            raise TermSyntaxError(f"empty alternative in {word!r}")
        forms.extend(inflect(alt) if plus and alt.isalpha() else [alt])
    return forms


def _word(word: str, inflected: bool) -> str:
    """Regex for one word slot (alternatives separated by '/')."""
    alts = [SEP.join(_literal(p) for p in form.split("-")) for form in _forms(word, inflected)]
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
    for word, optional, inflected in _slots(term, inflect_last):
        body = _word(word, inflected)
        if optional:
            out += f"(?:{SEP}{body})?" if started else f"(?:{body}{SEP})?"
        else:
            out += SEP + body if started else body
            started = True
    if not started:
        raise TermSyntaxError(f"term {term!r} has only optional words")
    return out


def _slots(term: str, inflect_last: bool) -> list[tuple[str, bool, bool]]:
    """(word, optional, inflected) for each word slot of a term, in order."""
    words = term.split()
    out = []
    for i, word in enumerate(words):
        optional = word.startswith("(") and word.endswith(")")
        inflected = inflect_last and i == len(words) - 1 and not optional
        out.append((word.strip("()"), optional, inflected))
    return out


_RUN = re.compile(r"\w+")


def opening_runs(terms: Iterable[str], inflect_last: bool = False) -> list[set[str]] | None:
    """For each term, the lower-cased first word runs (maximal runs of word characters) of
    the spellings a match of it can open on: its leading optional words and its first required
    one. None when some spelling does not start with a word character or holds a case trap.

    A match of :func:`compile_terms` always starts where such a word starts in the text (its
    left boundary forbids a word character before it), so these words are the only places a
    match can begin: a caller can look them up in a word index instead of scanning the text."""
    out: list[set[str]] = []
    for term in terms:
        runs: set[str] = set()
        for word, optional, inflected in _slots(term, inflect_last):
            for form in _forms(word, inflected):
                run = _RUN.match(form)
                if run is None or CASE_TRAPS.search(run.group()):
                    return None
                runs.add(fold(run.group()))
            if not optional:
                break
        out.append(runs)
    return out


def compile_terms(
    terms: Iterable[str], inflect_last: bool = False, ignorecase: bool = True
) -> re.Pattern[str]:
    """One whole-word alternation of all terms, longest first."""
    # longest first; ties by text, so the pattern is the same in every process (a set's order
    # follows the per-process string hash) and its compiled program can be cached
    bodies = sorted({term_regex(t, inflect_last) for t in terms}, key=longest_first)
    flags = re.IGNORECASE if ignorecase else 0
    pattern = r"(?<![\w‐‑-])(?:" + "|".join(bodies) + r")(?![\w‐‑]|-\w)"
    if len(pattern) < CACHED_LENGTH:
        return re.compile(pattern, flags)
    from ...match.re_programs import compile_cached

    # keyed on the pattern text itself, so a change to the syntax or to inflect() misses
    compiled: re.Pattern[str] = compile_cached(pattern, lambda: pattern, flags)
    return compiled


def normalise(matched: str) -> str:
    """The key a match is counted under: lower case, separators folded to one space."""
    return re.sub(SEP, " ", matched.lower()).replace("’", "'")
