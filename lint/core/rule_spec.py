"""RuleSpec: one validated rule definition, independent of how it will be matched."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Severity


@dataclass(frozen=True, slots=True)
class Action:
    name: str
    params: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleTest:
    name: str
    input: str
    want: tuple[str, ...] | None = None
    contains: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    format: str = "text"


@dataclass(slots=True)
class RuleSpec:
    id: str
    pack: str
    category: str
    extends: str
    message: str
    severity: Severity
    scope: tuple[str, ...] = ("text",)
    description: str = ""
    link: str = ""
    limit: int = 0
    once: bool = False  # one finding per distinct wording in a file ("the officials said")
    yields_to: tuple[str, ...] = ()  # rules whose finding on the same words wins over this one
    action: Action | None = None
    tests: tuple[RuleTest, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # pack file
    key_path: tuple[str | int, ...] = ()  # where the rule sits in that file
    source_text: str = field(default="", repr=False)
