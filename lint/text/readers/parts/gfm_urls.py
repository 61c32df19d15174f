"""Find GFM's bare URLs and e-mail addresses (the autolink extension) in a block's inline text.

pulldown-cmark does not implement GitHub's extended autolinks, and a bare ``www.x.org`` or
``me@x.org`` is not prose: the Markdown reader blanks what this module finds. The rules are
the ones the previous parser (marko 2.2.4's GFM ``Url``) applied to a paragraph, heading or
table cell, so findings stay put: a link opens at the block's start or after white space,
``*``, ``_``, ``~``, ``(`` or a full-width form; ``www.`` or ``http(s)://``/``ftp://`` then
a domain with a dot, up to white space or ``<``, less one trailing ``?!.,:*_~``, unbalanced
``)`` or a trailing entity. An e-mail address is found from its ``@`` outwards in one pass,
not by marko's pattern, which is quadratic on a long word of ``a_a_…@``.
"""

from __future__ import annotations

import re

_BEFORE = r"(?:^|(?<=[\s*_~(\uff00-\uffef]))"
_WWW = re.compile(_BEFORE + r"(www\.([\w.\-]*?\.[\w.\-]+)[^<\s]*)")
_BARE = re.compile(_BEFORE + r"((?:https?|ftp)://([\w.\-]*?\.[\w.\-]+)[^<\s]*)")
_OPENS_AFTER = re.compile(r"[\s*_~(\uff00-\uffef]")
_LOCAL = re.compile(r"[\w.\-+]")
_DOMAIN = re.compile(r"[\w.\-]")
_ALNUM = re.compile(r"[a-zA-Z0-9]")
_ENTITY_END = re.compile(r"&[a-zA-Z]+;$")
NEEDS = ("www.", "://", "@")  # a run holding none of these holds no link


def _trimmed(link: str) -> int:
    """How many characters GFM drops from the end of a matched link."""
    if link[-1] in "?!.,:*_~":
        return 1
    if link[-1] == ")" and link.count(")") > link.count("("):
        return link.count(")") - link.count("(")
    entity = _ENTITY_END.search(link)
    return len(entity.group()) if entity else 0


def _urls(text: str) -> list[tuple[int, int]]:
    found = []
    for pattern in (_WWW, _BARE):
        for m in pattern.finditer(text):
            parts = m.group(2).split(".")
            if len(parts) < 2 or any("_" in p for p in parts[-2:]):
                continue
            found.append((m.start(), m.end() - _trimmed(m.group())))
    return found


def _opens(text: str, i: int) -> bool:
    return i == 0 or _OPENS_AFTER.match(text, i - 1) is not None


def _email_at(text: str, at: int, floor: int) -> tuple[int, int] | None:
    """The address around the ``@`` at ``at`` (local part not before ``floor``), or None.

    As marko's ``[\\w.\\-+]+@[\\w.\\-]*?\\.[\\w.\\-]*[a-zA-Z0-9](?=[\\s.<]|\\Z)``: the local
    part opens at its run's first opening position; the domain ends at the last ASCII letter
    or digit of its run that follows a dot (not the run's first character) and is followed by
    a dot, or by the run's end when white space, ``<`` or the text's end comes next."""
    start = at
    while start > floor and _LOCAL.match(text, start - 1):
        start -= 1
    while start < at and not _opens(text, start):
        start += 1
    if start == at:
        return None
    end = at + 1
    while end < len(text) and _DOMAIN.match(text, end):
        end += 1
    dot = text.find(".", at + 1, end)
    if dot == -1:
        return None
    tail_ok = end == len(text) or text[end].isspace() or text[end] == "<"
    for stop in range(end, dot + 1, -1):  # the longest acceptable domain wins
        if _ALNUM.match(text, stop - 1) and (text[stop] == "." if stop < end else tail_ok):
            return start, stop
    return None


def _emails(text: str) -> list[tuple[int, int]]:
    found = []
    floor = 0
    at = text.find("@")
    while at != -1:
        email = _email_at(text, at, floor)
        if email is not None:
            found.append(email)
            floor = email[1]
        else:
            floor = at + 1  # a local part never reaches back over an '@'
        at = text.find("@", max(at + 1, floor))
    return found


def find_links(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans [start, end) of the bare URLs and e-mail addresses in ``text[start:end]`` (one
    paragraph, heading or table cell, as written: a link opens at its start or after one of
    the characters above), in order, merged where they overlap; offsets into ``text``."""
    block = text[start:end]
    if not any(need in block for need in NEEDS):
        return []
    spans = sorted(s for s in _urls(block) + _emails(block) if s[1] > s[0])
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return [(start + s, start + e) for s, e in merged]
