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

    def __reduce__(self) -> tuple[type[Violation], tuple[object, ...]]:
        # Workers send their findings to the parent pickled: rebuilt through the constructor,
        # not the field-by-field state a frozen slots dataclass gets (half the parent's time
        # for ~19,000 findings).
        return Violation, (self.rule, self.category, self.severity, self.message, self.offset,
                           self.end_offset, self.url, self.fix)


@dataclass(slots=True)
class Kept:
    """What formatters need of a file once its text is dropped (see
    :func:`copydesk.core.kept.keep`).

    Computed where the file was linted, so a worker sends back findings, not whole texts, and
    a run over many files holds only these few values per finding.
    """

    length: int  # of the dropped text, in code points
    unit: str  # the run's column unit (--position-encoding)
    columns: dict[int, tuple[int, int, int]]  # offset -> 1-based line, column, column in unit
    lines: dict[int, str]  # 1-based line -> its text without the ending (finding lines only)
    spans: dict[tuple[int, int], str]  # (start, end) -> source text (matches, replaced spans)
    utf16: dict[int, int] = field(default_factory=dict)  # offset -> offset in UTF-16 units


@dataclass(slots=True)
class FileResult:
    """What one input produced: its violations, or the error that stopped it, and warnings
    that did not stop it.

    ``text`` is the decoded source, or empty once ``kept`` holds what the formatters need.
    """

    path: str
    text: str
    violations: list[Violation] = field(default_factory=list)
    error: str | None = None
    kept: Kept | None = None
    warnings: list[str] = field(default_factory=list)  # "line:col: message", shown on stderr

    @property
    def has_text(self) -> bool:
        """Was there any text (kept or not)? An unreadable file has none."""
        return bool(self.text) or (self.kept is not None and self.kept.length > 0)
