"""Penn Treebank part-of-speech tags for the words of a sentence (for ``sequence`` rules).

The tagger is Pattern's English tagger as textblob's ``PatternTagger`` runs it: each word is
looked up in Brill's English lexicon (the first word of a sentence also lower-cased); a word the
lexicon lacks is NNP when capitalised, CD when it is a number, and otherwise tagged by its
ending (``-ing`` VBG, ``-ly`` RB, ``-s`` NNS, ``-ed`` VBN, a hyphen JJ, ...). It gives the same
tags as textblob's, word for word. The lexicon is the file textblob ships
(``textblob/en/en-lexicon.txt``, installed by the optional extra ``copydesk[nlp]``); it is read
from the installed package, which is never imported (importing textblob imports nltk: a quarter
of a second), and nothing is downloaded.

Why this tagger: it is small (one 1.2 MB word list, read in about 0.06 s on first use), fast (a
dictionary lookup per word: 25,000 words in 6 ms), and its tags are Penn Treebank's, the tag set
Vale's rules are written in. Vale's own tagger (prose's averaged perceptron) has no Python
package with its model, and NLTK's perceptron needs a model download. Brill's contextual rules
(Pattern's full tagger) were tried and left out: they cost fifty times as much and turned the
verbs of "would be great write" and "be available come" into nouns.

Attribution: the procedure follows Pattern (Tom De Smedt, CLiPS, BSD-3-Clause) as carried in
textblob (Steven Loria, MIT); the lexicon is Eric Brill's, from textblob's data file.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

EXTRA = "pip install 'copydesk[nlp]'"
PACKAGE = "textblob"  # the distribution whose data files hold the lexicon and the rules
_NUMBER = re.compile(r"[0-9\-,.:/%$]+")


class TaggerMissing(Exception):
    """The lexicon is not installed (the ``nlp`` extra is missing)."""


def data_dir() -> Path:
    """Where the lexicon and rule files are, without importing their package."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        folder = Path(location) / "en"
        if (folder / "en-lexicon.txt").is_file():
            return folder
    raise TaggerMissing(f"the part-of-speech tagger is not installed ({EXTRA})")


def available() -> bool:
    try:
        data_dir()
    except TaggerMissing:
        return False
    return True


class Tagger:
    def __init__(self, folder: Path) -> None:
        self.lexicon: dict[str, str] = {}
        with open(folder / "en-lexicon.txt", encoding="utf-8") as f:
            for line in f:
                parts = line.split(None, 2)
                if len(parts) >= 2 and not line.startswith(";;;"):
                    self.lexicon[parts[0]] = parts[1]

    def tags(self, words: Sequence[str]) -> list[str]:
        """One tag per word."""
        lex = self.lexicon
        out = [lex.get(w) for w in words]
        if words and out[0] is None:
            out[0] = lex.get(words[0].lower())
        return [tag or _unknown(w) for w, tag in zip(words, out, strict=True)]


def _unknown(word: str) -> str:
    """The tag of a word the lexicon lacks: by its shape, then by its ending (later tests win,
    so "-ed" beats "-s" and a hyphenated word is JJ unless an ending below says otherwise)."""
    if word.istitle():
        return "NNP"
    if _NUMBER.fullmatch(word):
        return "CD"
    tag = "NN"
    if word.endswith("ing"):
        tag = "VBG"
    if word.endswith("ly"):
        tag = "RB"
    if word.endswith("s") and not word.endswith(("is", "ous", "ss")):
        tag = "NNS"
    if word.endswith(_ADJECTIVE_ENDINGS) or "-" in word:
        tag = "JJ"
    if word.endswith("ed"):
        tag = "VBN"
    if word.endswith(("ate", "ify", "ise", "ize")):
        tag = "VBP"
    return tag


_ADJECTIVE_ENDINGS = ("able", "al", "ful", "ible", "ient", "ish", "ive", "less", "tic", "ous")


@cache
def tagger() -> Tagger:
    """The tagger, loaded on first use (raises :class:`TaggerMissing` without the extra)."""
    return Tagger(data_dir())
