"""What every format shares: the Formatter class, its RenderContext, and findings located in
the chosen column units (the only place offsets become lines and columns).

A formatter receives every FileResult of the run (in command-line order) and writes text.
Columns are 1-based and, unless ``--position-encoding`` says otherwise, count code points.
Rule metadata (descriptions, links, default levels) arrives in ``RenderContext.rules`` from
the command, which has it from its session: a formatter never loads a pack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, TextIO

from ..core.kept import SourceIndex, line_index
from ..core.model import FileResult, Severity, Violation
from ..core.positions import Encoding
from ..core.rule_spec import RuleSpec
from ..core.version import __version__


@dataclass
class RenderContext:
    encoding: Encoding = "code-points"
    color: bool = False
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    tool_version: str = __version__


@dataclass(frozen=True, slots=True)
class Located:
    """A violation with its 1-based start and exclusive end, in the chosen column units."""

    v: Violation
    line: int
    column: int
    end_line: int
    end_column: int
    match: str


def locate(
    result: FileResult, encoding: Encoding = "code-points", index: SourceIndex | None = None
) -> list[Located]:
    """The result's findings located; ``index`` is its :func:`line_index`, if already built."""
    index = index if index is not None else line_index(result)
    out = []
    for v in result.violations:
        line, col = index.column(v.offset, encoding)
        end_line, end_col = index.column(v.end_offset, encoding)
        out.append(Located(v, line, col, end_line, end_col, index[v.offset : v.end_offset]))
    return out


class Formatter:
    """One output format. A format module lists its classes in ``FORMATS``."""

    name: ClassVar[str] = ""  # what --format (or the registry) calls it
    # its place among --format's choices; None: not one of them (--statistics chooses it)
    choice_order: ClassVar[int | None] = None
    # the column unit the format always writes, whatever --position-encoding says (reviewdog's
    # UTF-8 bytes): the command keeps findings' columns in it when workers lint
    column_unit: ClassVar[Encoding | None] = None
    # the format reads the text of each finding's line (full shows it, SARIF hashes it): the
    # command keeps those lines when workers lint
    needs_lines: ClassVar[bool] = False
    # the format shows each file's whole text (html): the command keeps it when workers lint
    needs_text: ClassVar[bool] = False

    def __init__(self, out: TextIO, ctx: RenderContext) -> None:
        self.out = out
        self.ctx = ctx

    @classmethod
    def refusal(cls, encoding: Encoding) -> str | None:
        """Why this format cannot write columns in ``encoding``, or None. The command says so
        and stops before linting; :meth:`render` itself writes its own unit and names it."""
        return None

    def render(self, results: list[FileResult]) -> None:  # pragma: no cover - interface
        raise NotImplementedError


def severity_counts(results: list[FileResult]) -> dict[str, int]:
    counts = {str(s): 0 for s in sorted(Severity, reverse=True)}
    for r in results:
        for v in r.violations:
            counts[str(v.severity)] += 1
    return counts
