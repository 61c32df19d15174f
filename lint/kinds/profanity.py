"""``profanity``: whole-word profanity from a curated list, in clear or masked ("f*ck", "sh!t").

``terms`` (and ``extra_terms``) are whole words, matched case-insensitively; forms are listed
explicitly so that an editor sees exactly what fires ("craps" is a dice game), unless
``plurals: true`` adds -s/-es to every term.
``patterns`` are regular expressions for words that are profane only in context ("bloody"
before an adjective). ``match`` chooses clear words (``plain``), masked or leetspeak spellings
(``masked``), or both. A masked spelling keeps its first letter, has the length of the word,
and replaces letters only with a mask (* # - _) or a look-alike (@ for a, 3 for e, ! or 1 for
i, 0 for o, $ or 5 for s, 7 or + for t); so "F-16" and "the A* algorithm" stay quiet.
``mild_terms`` fire one level lower. ``quote_lower`` lowers findings inside an attributed
quotation (the speaker's words still need masking per house style, but are not the writer's).

``terms_file`` names a YAML data file (``terms:`` and an optional made-up ``canary:`` word the
pack's tests use) beside the pack. With ``if_missing: skip`` a build that leaves the file out
simply does not load the rule (see :func:`skip_rule`); otherwise a missing file is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from lint.analysis.alternation import ordered_alternation
from lint.context import Context, inside
from lint.kinds import Hit, KindError, Rule, SharedMatchers, check_regex
from lint.packs import schema
from lint.packs.spec import RuleSpec

NAME = "profanity"


def _one_of(*values: str) -> schema.Check:
    def check(v: Any) -> str | None:
        return None if v in values else f"must be one of {', '.join(values)}"

    return check


KEYS = {
    "terms": schema.is_str_list, "extra_terms": schema.is_str_list,
    "mild_terms": schema.is_str_list,
    "patterns": schema.is_str_list, "terms_file": schema.is_str,
    "if_missing": _one_of("error", "skip"), "match": _one_of("plain", "masked", "both"),
    "quote_lower": schema.is_int, "plurals": schema.is_bool,
}
_LEET = {"@": "a", "4": "a", "3": "e", "!": "i", "1": "il", "|": "il", "0": "o", "$": "s",
         "5": "s", "7": "t", "+": "t", "9": "g", "8": "b"}
_MASKS = frozenset("*#-_")
# A candidate masked word: a letter, then letters, look-alikes or masks.
_CANDIDATE = re.compile(r"(?<![\w*#@$!|+-])[A-Za-z][A-Za-z0-9*#@$!|+_-]{2,24}")
# The same candidates, only those holding a character other than a letter (an all-letter
# candidate is never masked): the look-ahead finds the first non-letter within the 25
# characters a candidate can span. Candidates never overlap, so skipping some changes no other.
_DISGUISED = re.compile(
    r"(?<![\w*#@$!|+-])[A-Za-z](?=[A-Za-z]{0,23}[0-9*#@$!|+_-])[A-Za-z0-9*#@$!|+_-]{2,24}"
)


def data_path(spec_source: str, options: dict[str, Any]) -> Path | None:
    name = options.get("terms_file")
    return None if not name else Path(spec_source).parent / name


def skip_rule(data: dict[str, Any], pack_file: Path) -> bool:
    """The loader's hook: True when the rule's optional data file is absent from this build."""
    name = data.get("terms_file")
    if not isinstance(name, str) or not name or data.get("if_missing") != "skip":
        return False
    return not (pack_file.parent / name).is_file()


def _read_terms(path: Path) -> list[str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KindError(f"cannot read terms file {path}: {exc}", ["terms_file"]) from None
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        raise KindError(f"terms file {path} needs a 'terms' list of strings", ["terms_file"])
    canary = data.get("canary")
    return terms + ([canary] if isinstance(canary, str) else [])


def validate(spec: RuleSpec) -> None:
    opts = spec.options
    path = data_path(spec.source, opts)
    if path is not None:
        if not path.is_file():
            raise KindError(f"terms file not found: {path}", ["terms_file"])
        _read_terms(path)
    elif not (opts.get("terms") or opts.get("patterns") or opts.get("mild_terms")):
        raise KindError("a profanity rule needs 'terms', 'patterns' or a 'terms_file'")
    for i, p in enumerate(opts.get("patterns") or []):
        check_regex(p, True, ["patterns", i])


def masked_match(candidate: str, word: str) -> bool:
    """Is ``candidate`` a masked or look-alike spelling of ``word`` (same length, same first
    letter, every other character the letter itself, a mask or a look-alike of it)?"""
    if len(candidate) != len(word) or candidate[0].lower() != word[0]:
        return False
    disguised = 0
    for c, w in zip(candidate.lower(), word, strict=True):
        if c == w:
            continue
        if c in _MASKS or w in _LEET.get(c, ""):
            disguised += 1
            continue
        return False
    return 0 < disguised < len(word)


class Profanity(Rule):
    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        opts = spec.options
        terms = list(opts.get("terms") or []) + list(opts.get("extra_terms") or [])
        path = data_path(spec.source, opts)
        if path is not None:
            terms += _read_terms(path)
        mild = list(opts.get("mild_terms") or [])
        self.mild = frozenset(t.lower() for t in mild)
        words = sorted({t.lower() for t in terms + mild}, key=len, reverse=True)
        self.mode = opts.get("match", "plain")
        self.plurals = bool(opts.get("plurals"))
        alts = ordered_alternation(words, ignorecase=True, space=r"[\s-]+")  # = the flat one
        tail = r")(?:e?s)?(?!\w)" if self.plurals else r")(?!\w)"
        self.plain = re.compile(r"(?<!\w)(?:" + alts + tail, re.IGNORECASE) if words else None
        self.patterns = [check_regex(r"(?<!\w)(?:" + p + r")(?!\w)", True, ["patterns"])
                         for p in opts.get("patterns") or []]
        # masked spellings only of single words of four letters or more (short ones collide)
        forms = {w for w in words if " " not in w and len(w) >= 4}
        # longest first; among equals a strong word before a mild one ("c**p" could be either)
        self.forms = sorted(forms | ({w + "s" for w in forms} if self.plurals else set()),
                            key=lambda w: (-len(w), w in self.mild or w[:-1] in self.mild, w))
        self.quote_lower = int(opts.get("quote_lower", 0))

    def _masked(self, text: str) -> Iterable[tuple[int, int, str]]:
        for m in _DISGUISED.finditer(text):
            piece = m.group()
            while len(piece) >= 4:
                if not piece.isalpha():
                    word = next((f for f in self.forms if masked_match(piece, f)), None)
                    if word is not None:
                        yield m.start(), m.start() + len(piece), word
                        break
                if piece[-1] not in "!-_":  # trailing punctuation is not part of the word
                    break
                piece = piece[:-1]

    def _lower(self, term: str, start: int, end: int, quotes: list[tuple[int, int]]) -> int:
        lower = 1 if term in self.mild or term[:-1] in self.mild or term[:-2] in self.mild else 0
        if self.quote_lower and inside(quotes, start, end):
            lower += self.quote_lower
        return lower

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        quotes = ctx.spans("attributed-quote") if self.quote_lower else []
        if self.mode in ("plain", "both"):
            if self.plain is not None:
                for m in self.plain.finditer(text):
                    lower = self._lower(m.group().lower(), m.start(), m.end(), quotes)
                    yield Hit(m.start(), m.end(), (m.group(),), lower=lower)
            for p in self.patterns:
                for m in p.finditer(text):
                    yield Hit(m.start(), m.end(), (m.group(),),
                              lower=self._lower("", m.start(), m.end(), quotes))
        if self.mode in ("masked", "both") and self.forms:
            for s, e, word in self._masked(text):
                yield Hit(s, e, (text[s:e],), lower=self._lower(word, s, e, quotes))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Profanity(spec)
