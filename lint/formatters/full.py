"""``full``: findings grouped by file, each with its source line and a caret underline.

Columns here are display columns counted in code points (the unit of the model), whatever
``--position-encoding`` says: the underline has to line up with the printed line, not with an
editor's units. Colour is added with click only when ``ctx.color`` is true.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import click

from ..core.kept import line_index
from ..core.model import FileResult, Severity
from ..core.positions import LineIndex
from .base import Formatter, Located, locate, severity_counts
from .escape import shown_path, shown_text

# C0 but tab, DEL and C1 (0x9b is a one-byte CSI to some terminals)
_CONTROLS_TO_SPACE = {c: " " for c in [*range(0x20), *range(0x7F, 0xA0)] if c != ord("\t")}
# the same characters, found by a scan in C: most lines have none
_CONTROL = re.compile("[" + "".join(map(re.escape, map(chr, _CONTROLS_TO_SPACE))) + "]")
_NOT_TAB = re.compile(r"[^\t]")
_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _displayable(line: str) -> str:
    # A lone control character (a stray \r, a form feed) would move the terminal cursor and
    # break the underline; a space keeps the code-point width. Tabs stay: the caret prefix
    # reuses them so the terminal expands both lines alike. (translate: the per-character
    # loop took ~1 s for the 18,685 findings of a 10 MB run, whose lines are paragraphs.)
    return line.translate(_CONTROLS_TO_SPACE) if _CONTROL.search(line) else line


def underline(line: str, column: int, end_column: int | None) -> str:
    """Spaces (tabs kept) up to ``column``, then carets to ``end_column`` (exclusive).

    ``end_column`` None means the finding continues past this line: underline to its end.
    There is always at least one caret, so an empty match or one at the line end still shows.
    """
    start = column - 1
    stop = len(line) if end_column is None else min(end_column - 1, len(line))
    before = line[:start]
    if "\t" in before:
        prefix = "".join(c if c == "\t" else " " * _cells(c) for c in before)
    else:
        prefix = " " * _cells(before)
    prefix += " " * max(0, start - len(line))  # a finding on the line ending itself
    return prefix + "^" * max(1, _cells(line[start:stop]))


def _cells(text: str) -> int:
    """Terminal columns ``text`` takes: one a character, but two for a wide (CJK, emoji) one
    and none for a combining mark, as wcwidth says. ASCII needs no look-up (most lines)."""
    if text.isascii():
        return len(text)
    from wcwidth import wcswidth, wcwidth  # (imported here: ~25 ms, for lines that need it)

    width = wcswidth(text)
    if width >= 0:
        return int(width)
    # a character with no width of its own (a control): one column each, the rest measured
    return sum(w if (w := wcwidth(c)) >= 0 else 1 for c in text)


# A long line is shown as a window around the finding: a one-line file of 1 MB with many
# findings would otherwise print the whole megabyte once per finding.
WINDOW = 160  # code points of source shown at most
CONTEXT = 60  # of them, before the finding when the line is cut
ELLIPSIS = "…"


def window(line: str, column: int, end_column: int | None) -> tuple[str, int, int | None]:
    """The part of ``line`` to print and the finding's columns in it (1-based, end exclusive;
    None: to the end). Lines up to WINDOW code points are shown whole."""
    if len(line) <= WINDOW:
        return line, column, end_column
    start = max(0, column - 1 - CONTEXT)
    stop = min(len(line), start + WINDOW)
    start = max(0, min(start, stop - WINDOW))
    shift = start - (1 if start else 0)  # the leading ellipsis takes one column
    shown = (ELLIPSIS if start else "") + line[start:stop] + (ELLIPSIS if stop < len(line) else "")
    end = None if end_column is None or end_column - 1 > stop else end_column - shift
    return shown, column - shift, end


class Full(Formatter):
    name = "full"
    choice_order = 0
    needs_lines = True  # it shows each finding's line

    def _style(self, text: str, **styles: Any) -> str:
        return click.style(text, **styles) if self.ctx.color else text

    def render(self, results: list[FileResult]) -> None:
        first = True
        for result in results:
            located = sorted(locate(result), key=lambda loc: loc.v.sort_key())
            if not located:
                continue
            index = line_index(result)
            width = len(str(max(loc.line for loc in located)))
            for loc in located:
                if not first:
                    self.out.write("\n")
                first = False
                self._finding(shown_path(result.path), loc, index, width)
        self.out.write(("\n" if not first else "") + self._summary(results) + "\n")

    def _finding(self, path: str, loc: Located, index: LineIndex, width: int) -> None:
        v = loc.v
        s: Callable[..., str] = self._style
        colour = _COLOURS[v.severity]
        header = (
            f"{s(path, bold=True)}:{loc.line}:{loc.column}: "
            f"{s(str(v.severity), fg=colour, bold=True)}: {shown_text(v.message)} "
            f"{s(f'[{v.rule}]', dim=True)}"
        )
        end = loc.end_column if loc.end_line == loc.line else None
        line, column, end = window(index.line_text(loc.line), loc.column, end)
        line = _displayable(line)
        gutter = s(" " * width + " |", fg="blue")
        number = s(f"{loc.line:>{width}} |", fg="blue")
        carets = s(underline(line, column, end), fg=colour, bold=True)
        self.out.write(f"{header}\n{number} {line}".rstrip() + f"\n{gutter} {carets}\n")

    def _summary(self, results: list[FileResult]) -> str:
        counts = severity_counts(results)
        checked = sum(1 for r in results if r.has_text or r.violations or not r.error)
        failed = sum(1 for r in results if r.error)
        text = (
            f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
            f"{plural(counts['suggestion'], 'suggestion')} in {plural(checked, 'file')}"
        )
        if failed:
            text += f"; {plural(failed, 'file')} could not be fully checked"
        return self._style(text, bold=True)


FORMATS = (Full,)
