"""Vale-style message formatting: ``%s``/``%d``/``%[2]s`` filled from a hit's arguments.

Surplus arguments are ignored and missing ones become empty strings, so a message never prints
``%!(EXTRA…)`` noise; ``%%`` is a literal percent sign.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_VERB = re.compile(r"%(?:\[(\d+)\])?([sdvq%])")
_SPACES = re.compile(r"\s+")
_BREAKS = frozenset("\r\n\t\f\v")


def _one_line(value: str) -> str:
    """``value`` on one line: a run of white space holding a line break or a tab, or two or
    more spaces between words, reads as one space; an indent at either edge stays. (One pass
    over each run: a regex that looked for a break inside a run tried every start.)"""

    def run(m: re.Match[str]) -> str:
        spaces = m.group()
        if not _BREAKS.isdisjoint(spaces):
            return " "
        if len(spaces) == 1 or m.start() == 0 or m.end() == len(value):
            return spaces  # one space as written (a no-break space stays one), or an indent
        return " "

    return _SPACES.sub(run, value)


def format_message(template: str, args: Sequence[Any]) -> str:
    position = 0

    def fill(m: re.Match[str]) -> str:
        nonlocal position
        if m.group(2) == "%":
            return "%"
        if m.group(1):
            index = int(m.group(1)) - 1
        else:
            index = position
            position += 1
        if 0 <= index < len(args):
            # a match across lines or left-out markup reads with single spaces between its
            # words; an indent at its edge stays (Vale quotes an indent of three spaces as
            # three, and 'vs ' keeps its space)
            value = _one_line(str(args[index]))
            return f'"{value}"' if m.group(2) == "q" else value
        return ""

    # a line break (a folded YAML message) reads as one space; the template's own spaces are
    # left as they are ("Use  instead", where Vale fills an empty replacement). The template
    # is mended before it is filled: the arguments are mended on their own, and a regex that
    # looked for a break after every space of a long argument was quadratic
    return _VERB.sub(fill, _SPACES.sub(_unbroken, template)).strip()


def _unbroken(m: re.Match[str]) -> str:
    return " " if not _BREAKS.isdisjoint(m.group()) else m.group()
