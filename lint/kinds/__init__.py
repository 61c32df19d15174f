"""Rule kinds (the ``extends:`` values): one module each, registered here.

A kind module provides ``KEYS`` (its YAML keys and their checks), ``validate(spec)`` (raise
KindError for a bad value, e.g. a regex that does not compile) and ``compile(spec, shared)``
returning a :class:`Rule`. Term-list kinds register their literal terms with
:class:`SharedMatchers` so that all rules share one matcher per (case mode, word mode).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, NamedTuple

from lint.context import Context
from lint.matchers import TermIndex, compile_user
from lint.packs.spec import RuleSpec


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
    """Compiled form of a RuleSpec. ``raw`` rules read the source text instead of the view."""

    def __init__(self, spec: RuleSpec) -> None:
        self.spec = spec
        self.raw = "raw" in spec.scope
        self.message = spec.message  # a kind may adapt the template (Vale's substitution does)

    def check(self, ctx: Context) -> Iterable[Hit]:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass
class SharedMatchers:
    """Matchers shared by every rule of a run, plus the project's accepted vocabulary."""

    indexes: dict[tuple[bool, bool], TermIndex] = field(default_factory=dict)
    accept: list[Any] = field(default_factory=list)  # compiled vocabulary patterns

    def terms(self, ignorecase: bool, words: bool) -> TermIndex:
        key = (ignorecase, words)
        if key not in self.indexes:
            self.indexes[key] = TermIndex(ignorecase, words)
        return self.indexes[key]

    def accepted(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.accept)


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


def _kinds() -> dict[str, ModuleType]:
    from lint.kinds import (
        conditional,
        consistency,
        existence,
        occurrence,
        repetition,
        substitution,
    )

    mods = [existence, substitution, occurrence, repetition, consistency, conditional]
    mods += _editorial_kinds()
    return {getattr(m, "NAME", m.__name__.rsplit(".", 1)[1]): m for m in mods}


def _editorial_kinds() -> list[ModuleType]:
    """Kinds that read the editorial analysis (quotations, speakers, figures, sources)."""
    import importlib

    names = [
        "quote_attribution",
        "late_attribution",
        "unbalanced_quotes",
        "unsourced_figure",
        "vague_quantity",
        "unsourced_superlative",
        "anonymous_source",
        "vague_source",
        "scare_quotes",
        "loaded_verb",
        "manner_adverb",
        "term_list",
        "contentious_label",
        "rhetorical_question",
        "profanity",
        "crime_label",
        "unsourced_allegation",
        "presumed_guilt",
        "threat",
        "incitement",
        "dehumanising",
        "graphic_warning",
        "suicide_method",
        "pii_email",
        "pii_phone",
        "pii_card",
        "pii_iban",
        "pii_government_id",
        "pii_address",
    ]
    return [importlib.import_module(f"lint.kinds.{n}") for n in names]


KINDS: dict[str, ModuleType] = _kinds()
