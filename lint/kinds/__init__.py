"""Rule kinds (the ``extends:`` values): one module each, registered here.

A kind module provides ``KEYS`` (its YAML keys and their checks), ``validate(spec)`` (raise
KindError for a bad value, e.g. a regex that does not compile) and ``compile(spec, shared)``
returning a :class:`Rule`. Term-list kinds register their literal terms with
:class:`SharedMatchers` so that all rules share one matcher per (case mode, word mode).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from lint.match.patterns import compile_user
from lint.match.term_index import TermIndex

if TYPE_CHECKING:
    from lint.analysis.context import Context
    from lint.core.rule_spec import RuleSpec


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
    of one block, which the engine never reports across two (lint/block_bounds.py). Kinds
    that report a quotation, a sentence or a count over the document set it false."""

    PHRASE = True

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
        from lint.match.patterns import TIMEOUT_SECONDS, RuleTimeout

        for p in self.accept:  # a project's own regexes: bounded like a pack's
            try:
                if p.fullmatch(text, timeout=TIMEOUT_SECONDS):
                    return True
            except TimeoutError:
                raise RuleTimeout(
                    f"vocabulary.accept pattern '{p.pattern}' timed out after {TIMEOUT_SECONDS:g}s"
                ) from None
        return False

    def prepare(self) -> None:
        """Compile each index's pattern now, before any document: every document needs it, and
        the warm start (:mod:`lint.match.re_warm`) records only what is compiled before the first."""
        for index in self.indexes.values():
            if index.owners:
                index.pattern  # noqa: B018 (a property that compiles)


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


# ``extends:`` value -> module under lint.kinds. Modules are imported on first use, so a run
# pays only for the kinds its packs use (a module's import compiles its regexes).
_MODULES: dict[str, str] = {
    "existence": "existence",
    "substitution": "substitution",
    "occurrence": "occurrence",
    "repetition": "repetition",
    "consistency": "consistency",
    "conditional": "conditional",
    # kinds that read the editorial analysis (quotations, speakers, figures, sources)
    "quote-attribution": "quote_attribution",
    "late-attribution": "late_attribution",
    "unbalanced-quotes": "unbalanced_quotes",
    "unsourced-figure": "unsourced_figure",
    "vague-quantity": "vague_quantity",
    "unsourced-superlative": "unsourced_superlative",
    "anonymous-source": "anonymous_source",
    "vague-source": "vague_source",
    "scare-quotes": "scare_quotes",
    "loaded-verb": "loaded_verb",
    "manner-adverb": "manner_adverb",
    "term-list": "term_list",
    "contentious-label": "contentious_label",
    "rhetorical-question": "rhetorical_question",
    "profanity": "profanity",
    "crime-label": "crime_label",
    "unsourced-allegation": "unsourced_allegation",
    "presumed-guilt": "presumed_guilt",
    "threat": "threat",
    "incitement": "incitement",
    "dehumanising-group": "dehumanising",
    "graphic-no-warning": "graphic_warning",
    "suicide-method": "suicide_method",
    "pii-email": "pii_email",
    "pii-phone": "pii_phone",
    "pii-payment-card": "pii_card",
    "pii-iban": "pii_iban",
    "pii-government-id": "pii_government_id",
    "pii-home-address": "pii_address",
}


class _Registry(Mapping[str, ModuleType]):
    """The kinds by name; iterating lists the names without importing any module."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = modules
        self._loaded: dict[str, ModuleType] = {}

    def __getitem__(self, name: str) -> ModuleType:
        mod = self._loaded.get(name)
        if mod is None:
            import importlib

            mod = importlib.import_module(f"lint.kinds.{self._modules[name]}")
            self._loaded[name] = mod
        return mod

    def __contains__(self, name: object) -> bool:
        return name in self._modules

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


KINDS: Mapping[str, ModuleType] = _Registry(_MODULES)
