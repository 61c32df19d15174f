"""Find a front-matter block (YAML ``---`` … ``---``/``...`` or TOML ``+++`` … ``+++``) at the top,
and the source spans of its YAML string values.

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


_STR = "tag:yaml.org,2002:str"


def front_matter_values(text: str, end: int) -> list[tuple[int, int, str]]:
    """The source spans of the YAML front matter's top-level string values, with their keys:
    what Vale lints of the front matter (``text.frontmatter.<key>``). A quoted value's span is
    inside its quotes; a block scalar's (``|``, ``>``) is its lines; lists, mappings, numbers
    and dates are not prose. Front matter that is not YAML, or does not parse, has none."""
    if not text.startswith("---"):
        return []
    import yaml

    body_start = text.find("\n") + 1
    body_end = text.rfind("\n", 0, end) + 1
    try:
        root = yaml.compose(text[body_start:body_end], Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    out = []
    for key, value in root.value:
        if not isinstance(value, yaml.ScalarNode) or value.tag != _STR:
            continue
        start = body_start + value.start_mark.index
        stop = body_start + value.end_mark.index
        if value.style in ('"', "'"):
            start, stop = start + 1, stop - 1
        elif value.style in ("|", ">"):
            start = text.find("\n", start, stop) + 1 or stop
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            out.append((start, stop, str(key.value)))
    return out
