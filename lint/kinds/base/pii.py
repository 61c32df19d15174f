"""Shared plumbing for the privacy kinds: sentence lookup, context cues and digit runs.

The privacy kinds find personal data (policy reference 3.7, H8) with the validators of
``phonenumbers`` and ``python-stdnum``; those libraries are imported inside each kind's
``check`` so that loading the packs (and every run that does not use privacy) stays fast.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ...analysis.alternation import longest_first
from ...analysis.context import Context

# Separated groups of digits: "4111 1111 1111 1111", "123-45-6789", "4111111111111111".
# A digit first, then the look-behind: the scan skips to digits at C speed (same matches).
DIGIT_CHAIN = re.compile(r"\d(?<![\w+.,/-]\d)\d*(?:[ -]\d+)*(?![\w/]|[.,]\d)")
_GROUP = re.compile(r"\d+")


def sentence_at(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end), or the line when no sentence does (a table cell)."""
    spans = ctx.sentences
    i = bisect_right(spans, (start, 1 << 62)) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i]
    text = ctx.text
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


def cue_near(
    ctx: Context, cue: re.Pattern[str], start: int, end: int, before: int = 60, after: int = 40
) -> bool:
    """Does ``cue`` occur in the same sentence, at most ``before``/``after`` characters away?"""
    s, e = sentence_at(ctx, start, end)
    return bool(
        cue.search(ctx.text, max(s, start - before), start)
        or cue.search(ctx.text, end, min(e, end + after))
    )


def phrases(words: list[str]) -> str:
    """A regex source matching any of ``words`` as whole words, spaces matching any run of
    whitespace; longest first so "social security number" wins over "social security"."""
    alts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=longest_first)
    return r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])"


def groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The digit groups of a chain, as spans."""
    return [(m.start(), m.end()) for m in _GROUP.finditer(text, start, end)]


def windows(
    spans: list[tuple[int, int]], text: str, min_digits: int, max_digits: int,
    opens: str | None = None,
) -> list[tuple[int, int, str]]:
    """Every run of whole consecutive groups holding min..max digits, longest first, as
    (start, end, digits); a number is never cut in the middle of a written group. With
    ``opens``, only runs whose first digit is one of those."""
    out: list[tuple[int, int, str]] = []
    for i in range(len(spans)):
        if opens is not None and text[spans[i][0]] not in opens:
            continue
        digits = ""
        for j in range(i, len(spans)):
            digits += text[spans[j][0] : spans[j][1]]
            if len(digits) > max_digits:
                break
            if len(digits) >= min_digits:
                out.append((spans[i][0], spans[j][1], digits))
    out.sort(key=lambda w: (-(w[1] - w[0]), w[0]))
    return out


def pick(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping choices from candidates already ordered by preference."""
    taken: list[tuple[int, int, str]] = []  # in order, apart: a choice overlaps one only if
    starts: list[int] = []  # it overlaps a neighbour (a scan of all made 5,000 cards quadratic)
    for w in found:
        i = bisect_right(starts, w[0])
        if (i == 0 or taken[i - 1][1] <= w[0]) and (i == len(taken) or w[1] <= taken[i][0]):
            taken.insert(i, w)
            starts.insert(i, w[0])
    return taken
