"""Output formats: small classes registered by name; the only place units are converted.

A formatter receives every FileResult of the run (in command-line order) and writes text.
Columns are 1-based and, unless ``--position-encoding`` says otherwise, count code points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from lint import __version__
from lint.model import FileResult, Severity, Violation
from lint.packs.spec import RuleSpec
from lint.positions import Encoding, LineIndex


@dataclass
class RenderContext:
    encoding: Encoding = "code-points"
    color: bool = False
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    tool_version: str = __version__


@dataclass(frozen=True)
class Located:
    """A violation with its 1-based start and exclusive end, in the chosen column units."""

    v: Violation
    line: int
    column: int
    end_line: int
    end_column: int
    match: str


def locate(result: FileResult, encoding: Encoding = "code-points") -> list[Located]:
    index = LineIndex(result.text)
    out = []
    for v in result.violations:
        line, col = index.column(v.offset, encoding)
        end_line, end_col = index.column(v.end_offset, encoding)
        out.append(Located(v, line, col, end_line, end_col, result.text[v.offset : v.end_offset]))
    return out


class Formatter:
    name = ""

    def __init__(self, out: TextIO, ctx: RenderContext) -> None:
        self.out = out
        self.ctx = ctx

    def render(self, results: list[FileResult]) -> None:  # pragma: no cover - interface
        raise NotImplementedError


REGISTRY: dict[str, Callable[[], type[Formatter]]] = {}


def register(name: str, loader: Callable[[], type[Formatter]]) -> None:
    REGISTRY[name] = loader


def get(name: str) -> type[Formatter]:
    return REGISTRY[name]()


def _lazy(module: str, cls: str) -> Callable[[], type[Formatter]]:
    def load() -> type[Formatter]:
        import importlib

        found: type[Formatter] = getattr(importlib.import_module(f"lint.formatters.{module}"), cls)
        return found

    return load


for _name, _module, _cls in (
    ("concise", "concise", "Concise"),
    ("json", "json_format", "Json"),
    ("json-lines", "json_format", "JsonLines"),
    ("full", "full", "Full"),
    ("github", "github", "GitHub"),
    ("sarif", "sarif", "Sarif"),
    ("statistics", "statistics", "Statistics"),
):
    register(_name, _lazy(_module, _cls))


def severity_counts(results: list[FileResult]) -> dict[str, int]:
    counts = {str(s): 0 for s in sorted(Severity, reverse=True)}
    for r in results:
        for v in r.violations:
            counts[str(v.severity)] += 1
    return counts
