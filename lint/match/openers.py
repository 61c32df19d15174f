"""The words (or punctuation) a regular expression's matches can open with, read from its
parse tree, so that a rule tries its pattern only where one of them occurs.

The walk follows CPython's own parser (``re._parser``): each state holds the word read so far,
whether a non-word character (or an assertion that one follows) has ended it, and whether the
match is known to start where a word starts. Anything it cannot bound (a class of many word
characters, an unbounded repeat inside the first word, a match that may open inside a word or
on white space) makes the answer None, and the caller scans the whole text.

``re._parser`` is private: where it is missing (another Python) or its tree has another
shape (an unknown node, a missing constant), every answer is None, so every pattern scans:
the same matches, found more slowly.
"""

from __future__ import annotations

import re
from typing import Any

try:  # CPython's parser: the pattern's tree (private: see the module docstring)
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python
    _parser = None

_State = tuple[str, bool, bool]
_MAX_WORDS = 256
_MAX_UNROLL = 4
_WORD_CHAR = re.compile(r"\w")
_PUNCT = "\0"  # a state's "word" that is this mark and one punctuation character


class _Unknown(Exception):
    """The pattern holds something the walk cannot bound: the caller scans instead."""


def pattern_first_words(pattern: str, flags: int = 0) -> set[str] | None:
    """Every word a match of ``pattern`` opens with (the maximal ``\\w+`` run at its start),
    or None unless the pattern itself guarantees the answer: it must open on a word start
    (``\\b`` or a look-behind excluding ``\\w``), and each first word must end on a non-word
    character it consumes, or on ``\\b`` / a look-ahead excluding ``\\w``."""
    openers = pattern_openers(pattern, flags)
    if openers is None or openers[1]:
        return None
    return openers[0]


def pattern_openers(pattern: str, flags: int = 0) -> tuple[set[str], set[str]] | None:
    """What every match of ``pattern`` opens with: a first word (as
    :func:`pattern_first_words`) or a punctuation character (one without case, not white
    space), as (words, characters); None when the pattern does not guarantee it."""
    if _parser is None:
        return None
    try:
        states = _sequence(_parser.parse(pattern, flags), {("", False, False)})
    except (_Unknown, re.error):
        return None
    except Exception:  # the parser's tree has changed shape: no anchors, the pattern scans
        return None
    if not states or not all(done for _, done, _ in states):
        return None
    words = {word for word, _, _ in states if not word.startswith(_PUNCT)}
    return words, {word[1:] for word, _, _ in states if word.startswith(_PUNCT)}


def _sequence(items: Any, states: set[_State]) -> set[_State]:
    for op, av in items:
        if all(done for _, done, _ in states):
            break
        ended = {s for s in states if s[1]}
        states = ended | _item(op, av, {s for s in states if not s[1]})
        if len(states) > _MAX_WORDS:
            raise _Unknown
    return states


def _item(op: Any, av: Any, states: set[_State]) -> set[_State]:
    if op is _parser.LITERAL:
        return _consume([chr(av)], states)
    if op is _parser.IN:
        return _consume(_class_chars(av), states)
    if op is _parser.SUBPATTERN:
        return _sequence(av[3], states)
    if op is _parser.ATOMIC_GROUP:
        return _sequence(av, states)
    if op is _parser.BRANCH:
        return set().union(*(_sequence(branch, states) for branch in av[1]))
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        return _repeat(av, states)
    if op is _parser.AT:
        return {_boundary(s) for s in states} if av is _parser.AT_BOUNDARY else states
    if op is _parser.ASSERT_NOT and _excludes_words(av[1]):
        return {_guard(s) if av[0] < 0 else _end(s) for s in states}
    if op is _parser.ASSERT or op is _parser.ASSERT_NOT:
        return states  # consumes nothing: the words stay a superset
    raise _Unknown


def _consume(chars: list[str | None], states: set[_State]) -> set[_State]:
    """``None`` stands for "some white space" (a non-word character with no case)."""
    out = set()
    for word, _, guarded in states:
        for ch in chars:
            if ch is not None and _WORD_CHAR.match(ch):
                if not word and not guarded:
                    raise _Unknown  # the match might start inside a word
                out.add((word + ch, False, guarded))
            elif ch is None or ch.lower() == ch == ch.upper():
                if not word:
                    if ch is None:
                        raise _Unknown  # a match opening on white space: too many places
                    word = _PUNCT + ch  # a match opening on punctuation: it starts there
                out.add((word, True, guarded))
            else:
                raise _Unknown  # IGNORECASE might equate it with a word character
    return out


def _class_chars(items: Any) -> list[str | None]:
    chars: list[str | None] = []
    for op, av in items:
        if op is _parser.LITERAL:
            chars.append(chr(av))
        elif op is _parser.RANGE and av[1] - av[0] < 32:
            chars.extend(map(chr, range(av[0], av[1] + 1)))
        elif op is _parser.CATEGORY and av is _parser.CATEGORY_SPACE:
            chars.append(None)
        else:
            raise _Unknown
    return chars


def _repeat(av: Any, states: set[_State]) -> set[_State]:
    low, high, body = av
    out = set(states) if low == 0 else set()
    current = states
    for n in range(1, _MAX_UNROLL + 2):
        if all(done for _, done, _ in current):
            return out | current  # further repetitions change nothing
        if n > high:
            return out
        if n > _MAX_UNROLL:
            raise _Unknown
        current = _sequence(body, current)
        if n >= low:
            out |= current
    raise _Unknown  # pragma: no cover - the loop always returns


def _excludes_words(body: Any) -> bool:
    """Is the assertion's body one character class that holds ``\\w``?"""
    if len(body) != 1 or body[0][0] is not _parser.IN:
        return False
    return (_parser.CATEGORY, _parser.CATEGORY_WORD) in body[0][1]


def _boundary(state: _State) -> _State:
    """``\\b`` before any character opens on a word start; after a word character, ends it."""
    word, done, guarded = state
    return (word, True, guarded) if word else (word, done, True)


def _guard(state: _State) -> _State:
    word, done, _ = state
    return (word, done, True) if not word else state


def _end(state: _State) -> _State:
    word, _, guarded = state
    return (word, True, guarded) if word else state


# ``regex`` syntax that CPython's parser reads differently, not as an error: a fuzzy constraint
# ("(?:colour){e<=1}" is literal text to ``re``) and a POSIX class ("[[:alpha:]]"). Each makes
# a pack author's pattern scan.
_FUZZY = re.compile(r"(?<!\\)\{[\d\s<=+,eisd]*[eisd][\d\s<=+,eisd]*\}")


def user_openers(pattern: str, ignorecase: bool) -> tuple[set[str], set[str]] | None:
    """:func:`pattern_openers` of a pack author's pattern, compiled by ``regex`` (MULTILINE,
    maybe IGNORECASE), or None unless CPython's parser reads it the same way and its first
    words are ASCII (where ``regex`` IGNORECASE agrees with folding, ſ apart)."""
    if _FUZZY.search(pattern) or "[:" in pattern or "[[" in pattern:
        return None
    import warnings

    flags = re.MULTILINE | (re.IGNORECASE if ignorecase else 0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "possible nested set" and the like: not the same
        try:
            openers = pattern_openers(pattern, flags)
        except Warning:
            return None
    if openers is None or not all(w.isascii() for w in openers[0]):
        return None
    return openers
