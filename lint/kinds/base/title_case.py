"""Title case in AP or Chicago style: the small-word tables and the converter that writes the
title-cased form of a heading, which the ``capitalization`` kind compares word by word.

The tables follow the style guides. AP lowercases articles, coordinating conjunctions and
prepositions of three letters or fewer; Chicago lowercases articles, coordinating conjunctions
and every preposition. Both capitalise the first and the last word, the word after a colon,
and the first part of a hyphenated compound. Where a guide's rule turns on how a word is used
("to" before a verb in AP, "up" as a particle, "so" as a conjunction), copydesk does not guess
with a tagger: such a word passes in either case.
"""

from __future__ import annotations

from dataclasses import dataclass

from .case_vocab import CaseVocab, first_upper

ARTICLES = frozenset({"a", "an", "the"})
# coordinating conjunctions; "so" and "yet" are also adverbs, so they are in EITHER
CONJUNCTIONS = frozenset({"and", "but", "for", "nor", "or"})
# prepositions of three letters or fewer, with the Latin and French loans ("per", "via",
# "en" route) and the abbreviations of "versus"; "if" is lowered with them, as Vale does
SHORT_PREPOSITIONS = frozenset(
    {"as", "at", "by", "en", "if", "in", "of", "on", "per", "via", "vs", "vs.", "v", "v."}
)
# longer prepositions, lower-cased in Chicago style whatever their length
LONG_PREPOSITIONS = frozenset(
    {
        "about", "above", "across", "after", "against", "along", "among", "around", "before",
        "between", "beyond", "concerning", "despite", "down", "during", "following", "from",
        "including", "into", "near", "over", "since", "through", "throughout", "towards",
        "under", "until", "upon", "with", "within", "without",
    }
)  # fmt: skip
# words the guides lower-case only in some uses: accepted in either case
AP_EITHER = frozenset({"to", "so", "yet", "off", "out", "up"})
CHICAGO_EITHER = frozenset(
    {
        "so", "yet", "off", "out", "up", "amid", "behind", "below", "beneath", "beside",
        "besides", "except", "inside", "like", "onto", "outside", "past", "till", "toward",
        "underneath", "unlike",
    }
)  # fmt: skip

AP_SMALL = ARTICLES | CONJUNCTIONS | SHORT_PREPOSITIONS
CHICAGO_SMALL = AP_SMALL | LONG_PREPOSITIONS | {"to"}
STYLES = {"AP": (AP_SMALL, AP_EITHER), "Chicago": (CHICAGO_SMALL, CHICAGO_EITHER)}

# a word for the converter: letters or digits, then anything up to a space, hyphen or slash
WORD = r"[\p{N}\p{L}]+[^\s\-/]*"
# typographic characters read as their ASCII forms when looking at a word's neighbours (one
# character each, so offsets stay those of the text)
_PLAIN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                        "\u2013": "-", "\u2014": "-", "\u2026": "."})  # fmt: skip


@dataclass
class TitleConverter:
    style: str
    vocab: CaseVocab
    prefix: object | None = None  # a compiled regex, stripped from the start before converting

    def convert(self, text: str) -> str:
        """The title-cased form of ``text``; words are rewritten in place, the rest kept."""
        import regex

        head = ""
        if self.prefix is not None:
            m = self.prefix.search(text)  # type: ignore[attr-defined]
            if m is not None and m.start() == 0:
                head, text = m.group(), text[m.end() :]
        small, either = STYLES[self.style]
        plain = text.translate(_PLAIN)
        n = len(plain)

        def at(i: int) -> str:
            return plain[i] if 0 <= i < n else ""

        out: list[str] = []
        last = 0
        for m in regex.finditer(WORD, text):
            word, start, end = m.group(), m.start(), m.end()
            out.append(text[last:start])
            last = end
            found = self.vocab.lookup(word)
            if found is not None:
                out.append(found)
                continue
            lower = word.lower()
            bounding = start == 0 or end == n
            # a small word stays small only after a space, hyphen or slash, not right after a
            # colon or dash, and not as the first part of a hyphenated compound
            placed = (
                at(start - 1) in (" ", "-", "/")
                and at(start - 2) not in (":", "-")
                and (at(end) != "-" or at(start - 1) == "-")
            )
            titled = first_upper(word, False)
            if placed and not bounding and lower in either and word in (lower, titled):
                out.append(word)
            elif placed and not bounding and lower in small:
                out.append(lower)
            else:
                out.append(titled)
        out.append(text[last:])
        return head + "".join(out)
