"""Vale's ini syntax: ``key = value`` lines in sections, comments, and section globs.

As Vale's ini reader (errata-ai/ini, with shadows) reads a file: a ``#`` or ``;`` line is a
comment, and so is the rest of a line after a space and ``#`` or ``;``; a key may repeat; a list
value is comma-separated. Section names are gobwas globs, where ``*`` crosses ``/``. What the
keys mean is :mod:`copydesk.config.vale_ini`'s business.
"""

from __future__ import annotations

import re

from ..core.errors import ConfigError

Line = tuple[str, str, int]  # key, value, line number


def glob_pattern(glob: str) -> str:
    """A Vale (gobwas) glob as a regex: ``*`` and ``**`` match any text, ``/`` included,
    ``?`` one character, ``{a,b}`` either, ``[!x]`` any but x."""
    out, i, depth = [], 0, 0
    while i < len(glob):
        c = glob[i]
        if c == "*":
            out.append(".*")
            while i + 1 < len(glob) and glob[i + 1] == "*":
                i += 1
        elif c == "?":
            out.append(".")
        elif c == "{":
            out.append("(?:")
            depth += 1
        elif c == "}" and depth:
            out.append(")")
            depth -= 1
        elif c == "," and depth:
            out.append("|")
        elif c == "[":
            end = glob.find("]", i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = glob[i + 1 : end]
                body = "^" + body[1:] if body.startswith("!") else body
                out.append(f"[{body}]")
                i = end
        elif c == "\\" and i + 1 < len(glob):
            i += 1
            out.append(re.escape(glob[i]))
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def parse_ini(text: str) -> dict[str, list[Line]]:
    """Sections (``""`` for the core) and their ``key = value`` lines, in order. As Vale's ini
    reader does: ``#`` or ``;`` starts a comment line, or an inline one after a space."""
    sections: dict[str, list[Line]] = {"": []}
    current = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ConfigError(f"not a 'key = value' line: {line!r}", "", number, 1)
        value = re.split(r"\s[#;]", value, maxsplit=1)[0]
        sections[current].append((key.strip(), value.strip(), number))
    return sections


def values(value: str) -> list[str]:
    """A comma-separated list value's items."""
    return [v.strip() for v in value.split(",") if v.strip()]
