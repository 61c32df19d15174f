"""Decode character references and Markdown backslash escapes found in prose.

Readers show ``it&rsquo;s`` as ``it’s`` (a length-changing substitution) so word rules see one
word; this module knows what a reference or escape stands for.
"""

from __future__ import annotations

import re
from html.entities import html5

# CommonMark's rules: a named reference needs its ';'; numeric ones have bounded digit counts.
MD_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});"
    r"|\\[!-/:-@\[-`{-~]"
)


def numeric(code: int) -> str:
    """The character for a numeric reference; invalid code points become U+FFFD."""
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return chr(code)


def decode_reference(ref: str) -> str | None:
    """What ``&...;`` or ``\\x`` stands for, or None when it is not a known reference."""
    if ref.startswith("\\"):
        return ref[1:]
    if ref.startswith("&#"):
        body = ref[2:].rstrip(";")
        try:
            code = int(body[1:], 16) if body[:1] in ("x", "X") else int(body)
        except ValueError:
            return None
        return numeric(code)
    return html5.get(ref[1:])
