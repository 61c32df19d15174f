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

from ..analysis.alternation import longest_first, ordered_alternation
from ..analysis.context import Context, inside
from ..core import schema
from ..core.regular_files import read_text
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.patterns import fold
from ..match.shared import SharedMatchers
from .base.rule import Hit, KindError, Rule, check_regex

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
# A disguised candidate's first non-letter, which follows a run of at most 24 letters that
# starts the candidate. Finding these (a mask first, then the look-behind: the scan skips to
# masks at C speed) and walking back over the letters gives every candidate start, where a
# scan for _DISGUISED tries its look-behind at every character.
_FIRST_MASK = re.compile(r"[0-9*#@$!|+_-](?<=[A-Za-z].)")
_LETTERS = re.compile(r"[A-Za-z]{1,25}")
_RUN = re.compile(r"\w+")
# What ends a pattern's literal head: regex syntax ('#' and whitespace count only under the
# verbose flag, which the inline-flag check keeps out).
_SYNTAX = frozenset(".^$*+?{}[]\\|()")
_OPTIONAL = frozenset("?*{")  # after a character: it may be absent, so it is not in the head
_LOOKS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")


def data_path(spec_source: str, options: dict[str, Any]) -> Path | None:
    name = options.get("terms_file")
    return None if not name else Path(spec_source).parent / name


def _inside_pack(path: Path, spec_source: str) -> bool:
    """A data file lives in its pack's folder (or below): a pack may not read ``../x``."""
    return path.resolve().is_relative_to(Path(spec_source).parent.resolve())


def skip_rule(data: dict[str, Any], pack_file: Path) -> bool:
    """The loader's hook: True when the rule's optional data file is absent from this build."""
    name = data.get("terms_file")
    if not isinstance(name, str) or not name or data.get("if_missing") != "skip":
        return False
    return not (pack_file.parent / name).is_file()


def _read_terms(path: Path) -> list[str]:
    # one line, and never the file's own text: the message must not echo what it read
    try:
        data = yaml.safe_load(read_text(path)) or {}
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8"
        raise KindError(f"cannot read terms file {path}: {reason}", ["terms_file"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise KindError(f"terms file {path} is not valid YAML{at}", ["terms_file"]) from None
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        raise KindError(f"terms file {path} needs a 'terms' list of strings", ["terms_file"])
    canary = data.get("canary")
    return terms + ([canary] if isinstance(canary, str) else [])


def validate(spec: RuleSpec) -> None:
    opts = spec.options
    path = data_path(spec.source, opts)
    if path is not None:
        if not _inside_pack(path, spec.source):
            raise KindError(
                f"terms_file '{opts['terms_file']}' lies outside the pack's folder", ["terms_file"]
            )
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


def disguised_in(ctx: Context) -> list[re.Match[str]]:
    """``_DISGUISED.finditer`` of the document, found once for all the masked rules."""
    return ctx.memo(_DISGUISED_KEY, lambda: list(_DISGUISED_FINDER.finditer(ctx)))


def mask_starts(text: str) -> list[int]:
    """Where a disguised candidate may start: at the start of the letter run before each mask
    (a candidate's start follows no letter, so it is that run's start)."""
    rev = text[::-1]  # the letters before offset q are those after len(text) - q here
    n = len(text)
    starts = []
    for m in _FIRST_MASK.finditer(text):
        at = n - m.start()
        letters = _LETTERS.match(rev, at)  # at least the letter the look-behind saw
        if letters is not None and letters.end() - at <= 24:  # 23 letters after the first
            starts.append(m.start() - (letters.end() - at))
    return starts


_DISGUISED_FINDER = finder.placed(_DISGUISED, mask_starts)
_DISGUISED_KEY = "profanity disguised candidates"


def first_words(words: Iterable[str], plurals: bool) -> set[str] | None:
    """The words a match of the whole-word alternation of ``words`` can start with: each
    term's leading run of word characters, with -s/-es when the term is that one run."""
    out: set[str] = set()
    for word in words:
        run = _RUN.match(word)
        if run is None:
            return None
        out.add(run.group())
        if plurals and run.end() == len(word):
            out.update((word + "s", word + "es"))
    return out


def _branches(pattern: str) -> list[str] | None:
    """The top-level alternatives of a pattern, or None when its syntax is beyond this simple
    split (a class may hold '|' or '(', an inline flag may change the whole pattern)."""
    if "[" in pattern:
        return None
    out: list[str] = []
    depth = start = i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            if pattern.startswith("(?", i) and not pattern.startswith(_LOOKS, i):
                return None
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def literal_heads(pattern: str) -> list[str] | None:
    """Folded literal text that every match of ``pattern`` (IGNORECASE) starts with, one per
    alternative; None when some alternative starts with syntax instead of plain ASCII text."""
    branches = _branches(pattern)
    if branches is None:
        return None
    heads = []
    for branch in branches:
        head: list[str] = []
        for c in branch:
            if c in _SYNTAX:
                if c in _OPTIONAL and head:
                    head.pop()
                break
            head.append(c)
        text = "".join(head)
        if not text or not text.isascii() or not text.isprintable():
            return None
        heads.append(fold(text))
    return heads


class Profanity(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        opts = spec.options
        terms = list(opts.get("terms") or []) + list(opts.get("extra_terms") or [])
        path = data_path(spec.source, opts)
        if path is not None:
            terms += _read_terms(path)
        mild = list(opts.get("mild_terms") or [])
        self.mild = frozenset(t.lower() for t in mild)
        words = sorted({t.lower() for t in terms + mild}, key=longest_first)
        self.mode = opts.get("match", "plain")
        self.plurals = bool(opts.get("plurals"))
        alts = ordered_alternation(words, ignorecase=True, space=r"[\s-]+")  # = the flat one
        tail = r")(?:e?s)?(?!\w)" if self.plurals else r")(?!\w)"
        self.plain = re.compile(r"(?<!\w)(?:" + alts + tail, re.IGNORECASE) if words else None
        # a plain match starts where a term's first word does: tried there, not everywhere
        self.finder = finder.by_words(shared, spec.id, self.plain, first_words(words, self.plurals))
        self.patterns = [check_regex(r"(?<!\w)(?:" + p + r")(?!\w)", True, ["patterns"])
                         for p in opts.get("patterns") or []]
        # the literal text a pattern's match starts with, found by str.find, not by the regex
        # (elsewhere IGNORECASE matches an ASCII head exactly where the folded text equals it)
        self.heads = [literal_heads(p) for p in opts.get("patterns") or []]
        self.pattern_finders = [
            finder.scanning(p) if heads is None else finder.literal_heads(p, heads)
            for p, heads in zip(self.patterns, self.heads, strict=True)
        ]
        # masked spellings only of single words of four letters or more (short ones collide)
        forms = {w for w in words if " " not in w and len(w) >= 4}
        # longest first; among equals a strong word before a mild one ("c**p" could be either)
        self.forms = sorted(forms | ({w + "s" for w in forms} if self.plurals else set()),
                            key=lambda w: (-len(w), w in self.mild or w[:-1] in self.mild, w))
        # the forms a candidate can spell (same length, same first letter), in that order
        self.by_shape: dict[tuple[int, str], list[str]] = {}
        for form in self.forms:
            self.by_shape.setdefault((len(form), form[0]), []).append(form)
        self.quote_lower = int(opts.get("quote_lower", 0))

    def _masked(self, ctx: Context) -> Iterable[tuple[int, int, str]]:
        shapes = self.by_shape
        for m in disguised_in(ctx):
            piece = m.group()
            while len(piece) >= 4:
                if not piece.isalpha():
                    forms = shapes.get((len(piece), piece[0].lower()), ())
                    word = next((f for f in forms if masked_match(piece, f)), None)
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
                for m in self.finder.finditer(ctx):
                    lower = self._lower(m.group().lower(), m.start(), m.end(), quotes)
                    yield Hit(m.start(), m.end(), (m.group(),), lower=lower)
            for pattern_finder in self.pattern_finders:
                for m in pattern_finder.finditer(ctx):
                    yield Hit(m.start(), m.end(), (m.group(),),
                              lower=self._lower("", m.start(), m.end(), quotes))
        if self.mode in ("masked", "both") and self.forms:
            for s, e, word in self._masked(ctx):
                yield Hit(s, e, (text[s:e],), lower=self._lower(word, s, e, quotes))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Profanity(spec, shared)
