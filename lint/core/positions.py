"""Map code-point offsets to 1-based line/column, and columns to UTF-16 or UTF-8 units.

Lines end as the Language Server Protocol counts them, after ``\\r\\n``, ``\\n`` or a lone ``\\r``
(classic Mac OS files, some exports): an editor told ``3:5`` must find the same line we mean.
The ``\\r`` of a CRLF is a countable character of its line, as the model requires (offsets
index the undecoded line endings); a lone ``\\r`` is the same, and the next line starts after it.
Conversions to other units happen only at the output edge, through :meth:`LineIndex.column`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

Encoding = Literal["code-points", "utf-16", "utf-8"]

_LINE_END = re.compile(r"\r\n?|\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        if "\r" in text:
            starts += [m.end() for m in _LINE_END.finditer(text)]
        else:  # the usual file: str.find runs in C, several times faster than the regex
            find = text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
        self.starts = starts

    def line_of(self, offset: int) -> int:
        """0-based line number of ``offset`` (an offset at len(text) is on the last line)."""
        return bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in code points."""
        line = self.line_of(offset)
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position` (1-based line and code-point column)."""
        return self.starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """Text of 1-based ``line`` without its line ending."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def column(self, offset: int, encoding: Encoding = "code-points") -> tuple[int, int]:
        """1-based (line, column) with the column counted in ``encoding`` units."""
        line, col = self.position(offset)
        if encoding == "code-points":
            return line, col
        prefix = self.text[self.starts[line - 1] : offset]
        return line, units(prefix, encoding) + 1


def units(s: str, encoding: Encoding) -> int:
    """Length of ``s`` in the given units."""
    if encoding == "utf-8":
        return len(s.encode("utf-8", "surrogatepass"))
    if encoding == "utf-16":
        return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)
    return len(s)
