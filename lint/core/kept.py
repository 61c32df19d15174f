"""What a result keeps of its text for the output: positions, matches and lines, then no text.

A worker lints a file and sends back its findings with the few values the formatters will ask
of them (:class:`copydesk.core.model.Kept`), not the whole text. :func:`keep` computes them where
the file was linted; :func:`line_index` answers the formatters' questions from a result's text
or from what was kept, identically.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .model import FileResult, Kept
from .positions import Encoding, LineIndex, units

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class SourceIndex(LineIndex):
    """A file's LineIndex plus what SARIF asks for: UTF-16 offsets and slices of the source."""

    _astral: list[int] | None = None

    def utf16_offset(self, offset: int) -> int:
        # Each astral character adds one UTF-16 unit; finding them once keeps a file with
        # thousands of findings linear instead of re-measuring a prefix per finding.
        if self._astral is None:
            self._astral = [m.start() for m in _ASTRAL.finditer(self.text)]
        return offset + bisect_left(self._astral, offset)

    def __getitem__(self, span: slice) -> str:
        return self.text[span]


class KeptIndex(SourceIndex):
    """The same questions answered from a result's :class:`Kept` values (its text is gone).

    Only the offsets, lines and spans of the result's own findings are known: asking for any
    other is a bug in whoever kept them, and raises KeyError.
    """

    def __init__(self, kept: Kept) -> None:  # no super(): there is no text to index
        self.kept = kept
        self.text = ""
        self.starts = [0]

    def line_of(self, offset: int) -> int:
        return self.kept.columns[offset][0] - 1

    def position(self, offset: int) -> tuple[int, int]:
        line, column, _ = self.kept.columns[offset]
        return line, column

    def column(self, offset: int, encoding: Encoding = "code-points") -> tuple[int, int]:
        line, column, in_unit = self.kept.columns[offset]
        if encoding == "code-points":
            return line, column
        if encoding != self.kept.unit:
            raise KeyError(f"columns in {encoding} were not kept (only {self.kept.unit})")
        return line, in_unit

    def line_text(self, line: int) -> str:
        return self.kept.lines[line]

    def utf16_offset(self, offset: int) -> int:
        return self.kept.utf16[offset]

    def __getitem__(self, span: slice) -> str:
        return self.kept.spans[(span.start, span.stop)]


def line_index(result: FileResult) -> SourceIndex:
    return KeptIndex(result.kept) if result.kept is not None else SourceIndex(result.text)


def keep(
    result: FileResult, encoding: Encoding = "code-points", lines: bool = False,
    whole_text: bool = False,
) -> FileResult:
    """The result with its text replaced by what the formatters will ask of it.

    That is: line and column of every finding and replacement end in code points (``full``
    and SARIF) and in ``encoding`` (the run's ``--position-encoding``), UTF-16 offsets when
    that is ``utf-16``, the text of each match and replaced span and, with ``lines`` (for
    ``full``; a one-line file would keep all its text), each finding's first line. Output
    from a kept result is identical to output from the text. With ``whole_text`` (for ``html``,
    which shows each document whole) the result is returned as it is, text and all.
    """
    if result.kept is not None or whole_text:
        return result
    text = result.text
    index = SourceIndex(text)
    spans: dict[tuple[int, int], str] = {}
    for v in result.violations:
        spans[(v.offset, v.end_offset)] = text[v.offset : v.end_offset]
        for rep in v.fix.replacements if v.fix else ():
            spans[(rep.offset, rep.end_offset)] = text[rep.offset : rep.end_offset]
    offsets = sorted({o for span in spans for o in span})
    in_unit = _columns(index, offsets, encoding)
    columns = {o: (*index.position(o), in_unit[o][1]) for o in offsets}
    shown: dict[int, str] = {}
    for v in result.violations if lines else ():
        line = columns[v.offset][0]
        if line not in shown:
            shown[line] = index.line_text(line)
    utf16 = {o: index.utf16_offset(o) for o in offsets} if encoding == "utf-16" else {}
    kept = Kept(len(text), encoding, columns, shown, spans, utf16)
    return replace(result, text="", kept=kept)


def _columns(index: LineIndex, offsets: list[int], unit: Encoding) -> dict[int, tuple[int, int]]:
    """LineIndex.column for sorted offsets, measuring each line prefix once, not per finding
    (a one-line file with many findings would otherwise cost findings x line length)."""
    out: dict[int, tuple[int, int]] = {}
    line, start, width = -1, 0, 0
    for offset in offsets:
        here = index.line_of(offset)
        if here != line:
            line, start, width = here, index.starts[here], 0
        width += units(index.text[start:offset], unit)
        start = offset
        out[offset] = (line + 1, width + 1)
    return out
