"""Which fixes ``--fix`` applies to one text, and the text they make: pure functions.

A finding's fix is applied only when it is unambiguous: exactly one replacement (a rule that
offers "a or b" computes no fix at all). Replacements are code-point offsets into the decoded
source, as the engine mapped them; nothing here searches the text. Of fixes that overlap, the
earliest (then the shortest, then by rule id) is applied and the others are left to be found
again, so the same findings always give the same text. Two insertions at one point overlap too:
their order would be a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..core.model import Replacement, Violation

Blocked = Callable[[Violation, Replacement], bool]


def single(v: Violation) -> Replacement | None:
    """The finding's one replacement, or None when it has none or offers several."""
    if v.fix is None or len(v.fix.replacements) != 1:
        return None
    return v.fix.replacements[0]


def choose(violations: Iterable[Violation], blocked: Blocked | None = None) -> list[Replacement]:
    """The replacements to apply together, in source order, none overlapping another.

    ``blocked(v, r)`` says a replacement must not be applied at all (it reaches into a
    suppressed region).
    """
    candidates = []
    for v in violations:
        r = single(v)
        if r is None or r.offset < 0 or r.end_offset < r.offset:
            continue
        if blocked is not None and blocked(v, r):
            continue
        candidates.append((r.offset, r.end_offset, v.rule, r.text, r))
    candidates.sort(key=lambda c: c[:4])
    chosen: list[Replacement] = []
    for _, _, _, _, r in candidates:
        if chosen and _overlaps(chosen[-1], r):
            continue
        chosen.append(r)
    return chosen


def _overlaps(before: Replacement, after: Replacement) -> bool:
    """Do two replacements (``after`` sorted after ``before``) touch the same text?"""
    if after.offset < before.end_offset:
        return True
    # two insertions at one point: which text comes first is not the findings' to say
    return before.offset == before.end_offset == after.offset == after.end_offset


def apply(text: str, replacements: Iterable[Replacement]) -> str:
    """``text`` with each replacement made; they must be sorted, within the text and disjoint
    (as :func:`choose` returns them), else ValueError: a wrong offset never writes a file."""
    parts: list[str] = []
    at = 0
    for r in replacements:
        if r.offset < at or r.end_offset < r.offset or r.end_offset > len(text):
            raise ValueError(f"replacement {r.offset}-{r.end_offset} out of order or range")
        parts.append(text[at : r.offset])
        parts.append(r.text)
        at = r.end_offset
    parts.append(text[at:])
    return "".join(parts)
