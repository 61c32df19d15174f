"""Transcript turns: the speaker label that opens a paragraph of a transcript or interview
("RUIZ:", "Q:", "14  A.   "), which names who is speaking with no report verb."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.draft_labels import DRAFT_LABELS
from .blocks import Block

# a transcript turn: a speaker in capitals, or Q / A, then a colon, opening the paragraph
# (a court record numbers its lines and writes "Q." and "A."; a caller is "CALLER (DENISE):")
# (a broadcast transcript adds the speaker's role after a comma: "MARY ROE, HOST:",
# "REPRESENTATIVE JOHN DOE:"; the name is the speaker)
_TURN = re.compile(
    r"\s*(?:\d{1,3}[ \t]+)?"
    r"(?:(Q|A|(?:[A-Z][A-Z.'’-]+ ){0,3}[A-Z][A-Z.'’-]+(?: \([A-Z][A-Z .'’-]*\))?)"
    r"(?:, (?:[A-Z][A-Z'’-]+ ){0,2}[A-Z][A-Z'’-]+)?\s*:"
    r"|(Q|A)\.[ \t]{2,})"
)
# a question or answer with one space after its letter (an initial, alone: see block_turn)
_EXCHANGE = re.compile(r"[ \t]*(Q|A)\.[ \t](?=\S)")
_NOT_TURNS = frozenset({"UPDATE", "NOTE", "CORRECTION", "EDITOR'S NOTE", "EDITOR’S NOTE",
                        "CLARIFICATION", "WARNING", "PHOTO", "VIDEO", "SOURCE", "SOURCES",
                        "RELATED", "READ MORE", "WATCH", "TODO", "FIXME", "URGENT", "BULLETIN"})

def turn_label(text: str, start: int, end: int) -> re.Match[str] | None:
    """The speaker label opening a transcript turn at ``start`` ("RUIZ:", "Q:", "14  A.   "),
    or None; its ``lastindex`` group is the speaker."""
    m = _TURN.match(text, start, end)
    if m is None:
        return None
    label = m.group(m.lastindex or 1)
    if label in _NOT_TURNS or label.rstrip(".") in DRAFT_LABELS:
        return None
    return m


def block_turn(text: str, blocks: Sequence[Block], i: int, end: int) -> re.Match[str] | None:
    """The label opening block ``i`` as a transcript turn (before ``end``): a
    :func:`turn_label`, or a question or answer written "Q. " / "A. " with one space when a
    block next to it opens so too ("Q. What is your name?" / "A. Ernestine."): alone, "A. "
    may be an initial."""
    m = turn_label(text, blocks[i].start, end)
    if m is not None:
        return m
    m = _EXCHANGE.match(text, blocks[i].start, end)
    if m is None:
        return None
    return m if any(
        0 <= j < len(blocks) and _EXCHANGE.match(text, blocks[j].start, blocks[j].end)
        for j in (i - 1, i + 1)
    ) else None
