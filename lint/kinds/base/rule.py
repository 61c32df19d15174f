"""The base every kind builds on: a compiled :class:`Rule`, the :class:`Hit` it yields, the
:class:`KindError` its validation raises, and the regex and ``exceptions`` helpers kinds share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ...match.patterns import compile_user

if TYPE_CHECKING:
    from ...analysis.context import Context
    from ...core.rule_spec import RuleSpec


class KindError(Exception):
    def __init__(
        self, message: str, key_path: Sequence[str | int] = (), at_key: bool = False
    ) -> None:
        super().__init__(message)
        self.message = message
        self.key_path = list(key_path)
        self.at_key = at_key  # point at the mapping key (a swap/either regex) not its value


class Hit(NamedTuple):
    """A rule's finding in view coordinates; ``args`` fill the message's %s."""

    start: int
    end: int
    args: tuple[Any, ...]
    replacement: str | None = None
    # Levels to lower this one finding by (a threat reported inside an attributed quotation
    # is a suggestion, not an error); never below suggestion.
    lower: int = 0


class Rule:
    """Compiled form of a RuleSpec. ``raw`` rules read the source text instead of the view.

    A rule's findings are phrases unless its kind says otherwise (``PHRASE = False``): words
    of one block, which the engine never reports across two (lint/text/block_bounds.py). Kinds
    that report a quotation, a sentence or a count over the document set it false."""

    PHRASE = True

    def __init__(self, spec: RuleSpec) -> None:
        self.spec = spec
        self.raw = "raw" in spec.scope
        self.message = spec.message  # a kind may adapt the template (Vale's substitution does)

    def check(self, ctx: Context) -> Iterable[Hit]:  # pragma: no cover - interface
        raise NotImplementedError


def check_regex(
    pattern: str, ignorecase: bool, key_path: Sequence[str | int], at_key: bool = False
) -> Any:
    import regex

    try:
        return compile_user(pattern, ignorecase)
    except regex.error as exc:
        raise KindError(f"bad regular expression {pattern!r}: {exc}", key_path, at_key) from None


class Exceptions:
    """A rule's ``exceptions``: Vale joins them into one word-bounded alternation and drops a
    finding when it matches anywhere in the finding's text (longest entry first)."""

    def __init__(self, entries: Sequence[str], ignorecase: bool) -> None:
        ordered = sorted(entries, key=len, reverse=True)
        body = r"\b(?:" + "|".join(ordered) + r")\b"
        self.pattern = check_regex(body, ignorecase, ["exceptions"]) if ordered else None

    def excludes(self, text: str) -> bool:
        return self.pattern is not None and self.pattern.search(text) is not None


class _AcceptedPhrases:
    """Memo key: where the project's accepted multi-word terms occur in a document."""


def in_accepted_phrase(ctx: Context, shared: Any, start: int, end: int) -> bool:
    """Whether [start, end) lies inside an occurrence of one of the project's accepted terms
    of several words: as in Vale, accepting "flooberg place" excuses its "place" there (and
    only there). ``shared`` is the run's SharedMatchers, whose ``accept`` holds the terms."""
    from ...analysis.context import inside, merge
    from ...match.patterns import finditer  # the project's own regexes: under the time budget

    phrases = [p for p in shared.accept if " " in p.pattern]
    if not phrases:
        return False
    spans = ctx.memo(
        (_AcceptedPhrases, id(shared)),
        lambda: merge([m.span() for p in phrases for m in finditer(p, ctx.text)]),
    )
    return inside(spans, start, end)
