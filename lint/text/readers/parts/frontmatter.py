"""Find a front-matter block (YAML ``---`` … ``---``/``...`` or TOML ``+++`` … ``+++``) at the top.

Only a block that opens on the very first line and has a closing fence counts; anything else
is ordinary content. Works on LF and CRLF text alike (``\\r`` is just a character here).
"""

from __future__ import annotations

import re

_OPEN = re.compile(r"(---|\+\+\+)[ \t]*\r?\n")
_CLOSE = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M),
    "+++": re.compile(r"^\+\+\+[ \t]*\r?$", re.M),
}


def front_matter_end(text: str) -> int:
    """End offset of the front matter's closing fence line (before its line break), or 0."""
    opening = _OPEN.match(text)
    if opening is None:
        return 0
    closing = _CLOSE[opening.group(1)].search(text, opening.end())
    if closing is None:
        return 0
    end = closing.end()
    # the optional \r belongs to the line break, not to the block
    return end - 1 if text[end - 1 : end] == "\r" else end
