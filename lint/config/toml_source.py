"""Find where a key of ``[tool.copydesk]`` is written in a pyproject.toml, for error messages.

tomllib keeps no positions, so the lines are scanned: the current ``[table]`` header is tracked
and ``key =`` assignments (dotted and quoted keys too) are matched against the wanted key path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(r"^(\s*)((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
                     r"(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*=")
_KEY_PART = re.compile(r"[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'")


def _dotted(keys: str) -> list[str]:
    return [k[1:-1] if k[:1] in "\"'" else k for k in _KEY_PART.findall(keys)]


def toml_locate(text: str, key_path: Sequence[str | int]) -> tuple[int, int]:
    """1-based line:col of the deepest key of ``tool.copydesk.<key_path>`` written in ``text``.

    List indexes are dropped (an item sits on its key's line or below). Falls back to the
    nearest enclosing table header, then (0, 0) when the table is not written at all.
    """
    target = ["tool", "copydesk", *(str(k) for k in key_path if not isinstance(k, int))]
    best: tuple[int, int, int] = (0, 0, 0)  # (matched depth, line, col)
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            table = _dotted(header.group(1))
            full, col = table, line.index("[") + 2
        else:
            assign = _ASSIGN.match(line)
            if not assign:
                continue
            full, col = table + _dotted(assign.group(2)), len(assign.group(1)) + 1
        depth = _common(full, target)
        if depth == len(full) and depth > best[0] and depth >= 2:
            best = (depth, number, col)
            # an inline table holds the rest of the path on this line: point at that key
            for key in target[depth:]:
                found = _find_key(line, key)
                if found:
                    best = (best[0], number, found)
    return best[1], best[2]


def _common(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _find_key(line: str, key: str) -> int:
    for form in (f'"{key}"', f"'{key}'", key):
        m = re.search(r"(?:^|[\s{,])(" + re.escape(form) + r")\s*=", line)
        if m:
            return m.start(1) + 1
    return 0
