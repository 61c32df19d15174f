"""Shared plumbing for rule kinds that read the editorial analysis.

Each such kind declares ``NAME``, ``KEYS`` (parameter checks) and a Rule class; parameters with
word lists accept either a replacement list or, under ``extra_<name>``, additions to the
built-in list, so an editor can tune a rule without Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...analysis.context import Context
from ...core.rule_spec import RuleSpec
from ...match.patterns import normalise_term, trie_pattern
from .rule import Hit, KindError, Rule


def word_list(spec: RuleSpec, key: str, default: Iterable[str]) -> list[str]:
    words = list(spec.options.get(key, default))
    return words + list(spec.options.get(f"extra_{key}", []))


def phrase_pattern(phrases: Iterable[str], suffix: str = "") -> re.Pattern[str]:
    """One prefix-trie regex for the phrases, whole words, spaces matching any whitespace.

    It is case-insensitive by construction: run it on ``ctx.folded`` (the lower-cased view,
    same length and offsets) and read the matched text from ``ctx.text``.
    """
    body = trie_pattern(sorted({normalise_term(p, True) for p in phrases}))
    return re.compile(r"(?<![\w-])(?:" + body + r")" + suffix + r"(?![\w-])")


def phrase_first_words(phrases: Iterable[str]) -> list[str] | None:
    """The first word of each phrase, for :func:`copydesk.match.finder.by_words` (a match of
    :func:`phrase_pattern` starts where one of them starts), or None if a phrase starts with
    a non-word character."""
    words = []
    for phrase in phrases:
        run = _FIRST_WORD.match(normalise_term(phrase, True))
        if run is None:
            return None
        words.append(run.group())
    return words


_FIRST_WORD = re.compile(r"\w+")


def require_positive(spec: RuleSpec, key: str) -> None:
    value = spec.options.get(key)
    if value is not None and value <= 0:
        raise KindError(f"'{key}' must be at least 1", [key])


class EditorialRule(Rule):
    """A rule over the analysis; subclasses implement ``check``."""

    def check(self, ctx: Context) -> Iterable[Hit]:  # pragma: no cover - interface
        raise NotImplementedError
