"""Sentence case: the converter that writes the sentence-cased form of a heading (first word
capitalised, the rest lower-case, vocabulary words as the vocabulary spells them, and the word
after an indicator such as ":" capitalised), which the ``capitalization`` kind compares word by
word. As in Vale, the converted words are joined by single spaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ...match.patterns import compile_user
from .case_vocab import CaseVocab, alternation, first_upper

# a word: letters, digits or "*" (Vale's mask for code), then anything up to a space
WORD = r"[\p{N}\p{L}*]+[^\s]*"
_NUMBERED = compile_user(r"\d+\.")  # "1." opening a heading: the next word is its first


@dataclass
class SentenceConverter:
    vocab: CaseVocab
    indicators: Sequence[str] = (":",)
    prefix: Any = None  # a compiled regex, stripped from the start before converting
    tokens: Any = field(init=False)

    def __post_init__(self) -> None:
        body = WORD
        if self.vocab.valid:
            # vocabulary entries are words of their own ("Axon Server"), found in any case
            body = rf"\b(?:{alternation(self.vocab.valid)})\b|{WORD}"
        self.tokens = compile_user(body, ignorecase=True)

    def indicates(self, word: str, index: int) -> bool:
        """Does ``word`` (the ``index``-th) make the word after it a first word?"""
        if any(word.endswith(s) for s in self.indicators):
            return True
        return index == 0 and _NUMBERED.search(word) is not None

    def convert(self, text: str) -> str:
        head = ""
        if self.prefix is not None:
            m = self.prefix.search(text)
            if m is not None and m.start() == 0:
                head, text = m.group(), text[m.end() :]
        words = [m.group() for m in self.tokens.finditer(text)]
        made = []
        for i, word in enumerate(words):
            found = self.vocab.lookup(word)
            if found is not None:
                made.append(found)
            elif i == 0 or self.indicates(words[i - 1], i - 1):
                made.append(first_upper(word, True))
            else:
                made.append(word.lower())
        return head + " ".join(made)
