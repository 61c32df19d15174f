"""``rhetorical-question``: a question in the writer's own voice ("If this isn’t affection,
what is?"), which argues with the reader instead of informing them (reference 3.10).

A sentence counts when it ends in "?" outside any quotation and is not a heading (a heading
block, or a block of one short sentence with every word capitalised, "Who Really Wins
Here?"). The finding covers the question itself: the last clause when it opens with a
question word ("…, what is?"), otherwise the whole sentence. ``min_words`` skips one-word
asides ("Why?").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context, overlaps
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.shared import SharedMatchers
from .base.rule import Hit, Rule

NAME = "rhetorical-question"
KEYS = {"min_words": schema.is_int}
_WORD = re.compile(r"[\w’'-]+")
_QUESTION_WORDS = frozenset(
    """what who whom whose why how where when which is isn't are aren't was wasn't were weren't
    will won't would wouldn't can can't could couldn't do don't does doesn't did didn't should
    shouldn't shall has hasn't have haven't had hadn't""".split()
)
_CLAUSE_BREAK = re.compile(r"[,;:—–]\s*")
# a question the writer reports someone asking, introduced with a colon
_REPORTED = re.compile(
    r"\b(?:question|questions|asked|asks|asking|ask|wondered|wonders|wondering)\s*:\s*[“\"‘']?$",
    re.IGNORECASE,
)
_LEAD = re.compile(r"[\s“\"(]*")
_SMALL = frozenset("a an the of and or in on to for at by is are".split())


def validate(spec: RuleSpec) -> None:
    """Nothing beyond the key types."""


class RhetoricalQuestion(Rule):
    PHRASE = False  # a question, not a phrase (lint/kinds/__init__.py)

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.min_words = int(spec.options.get("min_words", 2))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        ed = ctx.editorial
        quotes = ctx.spans("quote")
        for s in ed.sentence_list:
            body = text[s.start : s.end].rstrip(" )”’\"'")
            if not body.endswith("?") or ed.blocks[s.block].heading:
                continue
            mark = s.start + len(body) - 1
            if overlaps(quotes, mark, mark + 1):
                continue  # “Why now?” she asked: the speaker's question
            start = _open_bracket(text, s.start, mark)
            words = _WORD.findall(text, start, mark)
            block = ed.blocks[s.block]
            alone = text[block.start : block.end].strip() == text[s.start : s.end].strip()
            if len(words) < self.min_words or (alone and _title_case(words)):
                continue
            begin = _question_start(text, start, mark)
            if _REPORTED.search(text, max(block.start, begin - 40), begin):
                continue  # "prompted the same question: What about my grandkids?"
            # the finding sits on the question's clause; the message quotes the sentence, so
            # that "what is?" reads as the writer wrote it ("If this is not a crisis, what is?")
            yield Hit(begin, mark + 1, (_excerpt(text, start + _lead(text, start, mark), begin,
                                                 mark + 1),))


def _open_bracket(text: str, start: int, mark: int) -> int:
    """A question in brackets "(Will they?)" starts after its bracket."""
    i = text.rfind("(", start, mark)
    return i + 1 if i >= 0 and text.find(")", i, mark) < 0 else start


def _question_start(text: str, start: int, mark: int) -> int:
    """Start of the latest clause that opens with a question word ("…, what is?"), else of
    the whole sentence."""
    for brk in reversed(list(_CLAUSE_BREAK.finditer(text, start, mark))):
        first = _WORD.match(text, brk.end())
        if first and first.group().lower() in _QUESTION_WORDS:
            return brk.end()
    return start + _lead(text, start, mark)


def _lead(text: str, start: int, mark: int) -> int:
    lead = _LEAD.match(text[start:mark])
    return lead.end() if lead else 0


def _title_case(words: list[str]) -> bool:
    """A short line with every content word capitalised reads as a heading."""
    if len(words) > 12:
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    return len(content) >= 2 and all(w[:1].isupper() for w in content)


def _excerpt(text: str, start: int, clause: int, end: int) -> str:
    """The whole sentence up to 100 characters; a longer one from its question clause, or
    its last words, after an ellipsis."""
    snippet = " ".join(text[start:end].split())
    if len(snippet) <= 100:
        return snippet
    tail = " ".join(text[clause:end].split())
    if len(tail) > 90:
        tail = tail[-90:].split(" ", 1)[-1]
    return "… " + tail


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return RhetoricalQuestion(spec)
