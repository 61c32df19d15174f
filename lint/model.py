"""The data that flows from rules to formatters: severities, fixes and violations.

Every offset here is a 0-based code-point offset into the decoded source file (after a dropped
BOM); ends are exclusive. Formatters alone convert offsets to lines and other column units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that ``a >= b`` means "a is at least as severe as b"."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {name!r} (expected error, warning or suggestion)"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace source[offset:end_offset] with text."""

    offset: int
    end_offset: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    replacements: tuple[Replacement, ...]


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    category: str
    severity: Severity
    message: str
    offset: int
    end_offset: int
    url: str = ""
    fix: Fix | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.offset, self.end_offset, self.rule)


@dataclass(slots=True)
class FileResult:
    """What one input produced: its violations, or the error that stopped it."""

    path: str
    text: str
    violations: list[Violation] = field(default_factory=list)
    error: str | None = None
