"""A word alternation as a prefix trie that matches exactly what the flat one matches.

``re`` tries the branches of ``(?:w1|w2|…)`` one after another at every position, so a long
word list costs one comparison per word per position. Factoring common prefixes
(``f(?:raud(?:ster|)|…)``) lets a position fail after one character, and keeps the *same*
match: branches are kept in their original order wherever two of them could match at one
position (one is a prefix of the other, which the original longest-first order already puts
first), and branches that differ at some character can never both match there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_Node = dict[str, "_Node"]
_END = ""  # the key of "a word ends here"; it sorts after every longer word sharing the prefix


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for an alternation's words: longest first, ties by text, so that a pattern
    built from a set is the same text in every process (a set's order follows the
    per-process string hash) and the warm start (:mod:`copydesk.match.re_warm`) finds it
    compiled."""
    return -len(word), word


def _atoms(word: str, space: str) -> list[str]:
    return [space if c == " " else re.escape(c) for c in word]


def ordered_alternation(words: Sequence[str], ignorecase: bool, space: str = r"\s+") -> str:
    """The body of ``(?:…)`` for ``words`` in the given order (longest first), spaces matched
    by ``space``, for a pattern compiled with or without IGNORECASE as ``ignorecase`` says.
    Non-ASCII word lists, and lists not ordered longest first, get the plain alternation."""
    plain = "|".join("".join(_atoms(w, space)) for w in words)
    lengths = [len(w) for w in words]
    if not all(w.isascii() and w for w in words) or lengths != sorted(lengths, reverse=True):
        return plain
    if any(re.fullmatch(space, c) for w in words for c in set(w) - {" "}):
        return plain  # a space and a literal character could match the same text
    key = str.lower if ignorecase else str
    root: _Node = {}
    spelling: dict[str, str] = {}
    for w in words:
        node = root
        for atom in _atoms(w, space):
            spelling.setdefault(key(atom), atom)
            node = node.setdefault(key(atom), {})
        node.setdefault(_END, {})
    return _emit(root, spelling) if root else plain


def _emit(node: _Node, spelling: dict[str, str]) -> str:
    branches = []
    for key, child in node.items():
        branches.append("" if key == _END else spelling[key] + _emit(child, spelling))
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
