"""Vale-style message formatting: ``%s``/``%d``/``%[2]s`` filled from a hit's arguments.

Surplus arguments are ignored and missing ones become empty strings, so a message never prints
``%!(EXTRA…)`` noise; ``%%`` is a literal percent sign.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_VERB = re.compile(r"%(?:\[(\d+)\])?([sdvq%])")
_RUN = re.compile(r"\s*[\r\n\t]\s*|(?<=\S)\s{2,}(?=\S)")
_BREAK = re.compile(r"[ \t]*[\r\n\t\f\v][\s]*")


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
            value = _RUN.sub(" ", str(args[index]))
            return f'"{value}"' if m.group(2) == "q" else value
        return ""

    # a line break (a folded YAML message) reads as one space; the template's own spaces are
    # left as they are ("Use  instead", where Vale fills an empty replacement)
    return _BREAK.sub(" ", _VERB.sub(fill, template)).strip()
