"""The matchers every rule of a run shares: one term index per (case mode, word mode), and the
project's accepted vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .patterns import TIMEOUT_SECONDS, RuleTimeout
from .term_index import TermIndex


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
        the warm start (:mod:`copydesk.match.re_warm`) records only what is compiled before the
        first."""
        for index in self.indexes.values():
            if index.owners:
                index.pattern  # noqa: B018 (a property that compiles)
