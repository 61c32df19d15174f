"""``term-list``: a curated list of words and phrases of one kind of loaded or imprecise
language (puffery, editorialising, clichés, euphemisms …), matched as reference H9 asks.

Terms use the phrase syntax of :mod:`copydesk.kinds.base.term_syntax` (alternatives, optional
inserts,
inflected words, hyphen/space variants). A distinct term is reported once per sentence unless
``each: occurrence``. Context keys keep the list precise without Python:

- ``titles`` (default true): Title-Case names and titles stay quiet ("Leading Edge Ltd",
  "The Fog of War (2003)").
- ``adverbial``: terms that fire only as sentence adverbs (sentence start, after a comma, dash,
  colon or bracket, before a comma, or after a copula), never as manner adverbs ("spoke clearly").
- ``ambiguous`` + ``needs``: terms that fire only when one of the ``needs`` words (people nouns)
  is in the sentence ("meat grinder" near "conscripts").
- ``negation``: skip a term just after not/never/almost ("not everyone", "almost always").
- ``exempt_before`` / ``exempt_after``: regexes tried on the text just before / after the term
  (before it: the last BEFORE_REACH characters of its sentence).
- ``per_sentence``: at most this many findings in one sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.finder import Split
from ..match.shared import SharedMatchers
from .base.editorial import word_list
from .base.rule import Hit, KindError, Rule, check_regex
from .base.term_syntax import (
    TermSyntaxError,
    compile_terms,
    normalise,
    opening_runs,
    term_regex,
)

NAME = "term-list"
KEYS: dict[str, schema.Check] = {
    "terms": schema.is_str_list,
    "extra_terms": schema.is_str_list,
    "inflect": schema.is_bool,
    "each": schema.is_str,
    "titles": schema.is_bool,
    "adverbial": schema.is_str_list,
    "ambiguous": schema.is_str_list,
    "needs": schema.is_str_list,
    "negation": schema.is_bool,
    "exempt_before": schema.is_str_list,
    "exempt_after": schema.is_str_list,
    "per_sentence": schema.is_int,
    "ignorecase": schema.is_bool,
}
_WORD = re.compile(r"[\w’'-]+")
_NEGATORS = frozenset("not n't never no hardly almost nearly virtually practically".split())
_COPULAS = frozenset(
    "is was are were be been being seems seemed appears appeared it's that's".split()
)
_OPENERS = frozenset("and but yet so still now then".split())
_SMALL = frozenset("of the and in on a an to for at by".split())
# how far back ``exempt_before`` reads (its patterns name a word or two just before the term)
BEFORE_REACH = 1000


def validate(spec: RuleSpec) -> None:
    opts = spec.options
    if not opts.get("terms") and not opts.get("extra_terms"):
        raise KindError(f"a {NAME} rule needs 'terms'")
    if opts.get("each", "sentence") not in ("sentence", "occurrence"):
        raise KindError("'each' must be 'sentence' or 'occurrence'", ["each"])
    for key in ("terms", "extra_terms", "adverbial", "ambiguous"):
        for i, term in enumerate(opts.get(key) or []):
            try:
                # the syntax check alone: a term's regex is built from escaped pieces, so it
                # always compiles, and compiling each term apart cost ~70 ms of every startup
                term_regex(term)
            except TermSyntaxError as exc:
                raise KindError(str(exc), [key, i]) from None
    for key in ("exempt_before", "exempt_after"):
        for i, pat in enumerate(opts.get(key) or []):
            check_regex(pat, True, [key, i])


def _subset(spec: RuleSpec, key: str, inflect_last: bool) -> re.Pattern[str] | None:
    terms = spec.options.get(key) or []
    return compile_terms(terms, inflect_last) if terms else None


class TermList(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        opts = spec.options
        self.inflect = bool(opts.get("inflect", False))
        terms = word_list(spec, "terms", [])
        ignorecase = opts.get("ignorecase", True)
        self.pattern = compile_terms(terms, self.inflect, ignorecase)
        # A match can only start where one of the terms' first words starts: the pattern is
        # tried there alone, not at every character (~40 µs a list instead of a full scan);
        # where a common word starts, only the terms it can open are tried
        runs = opening_runs(terms, self.inflect)
        self.finder = finder.by_words(
            shared, spec.id, self.pattern, None if runs is None else set().union(*runs),
            split=None if runs is None else Split(
                terms, runs, partial(compile_terms, inflect_last=self.inflect,
                                     ignorecase=ignorecase)),
        )
        self.each_occurrence = opts.get("each", "sentence") == "occurrence"
        self.titles = bool(opts.get("titles", True))
        self.adverbial = _subset(spec, "adverbial", False)
        self.ambiguous = _subset(spec, "ambiguous", self.inflect)
        needs = opts.get("needs") or []
        self.needs = compile_terms(needs, True) if needs else None
        self.negation = bool(opts.get("negation", False))
        self.before = [
            re.compile(p + r"\s*$", re.IGNORECASE) for p in opts.get("exempt_before") or []
        ]
        self.after = [re.compile(r"\s*" + p, re.IGNORECASE) for p in opts.get("exempt_after") or []]
        self.per_sentence = int(opts.get("per_sentence", 0))

    # -- the finding loop ---------------------------------------------------------------
    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        sentences = ctx.editorial.sentences
        starts = [s for s, _ in sentences]
        seen: dict[int, set[str]] = {}
        self._needed: dict[int, bool] = {}  # a sentence: does it hold a ``needs`` word
        line = (0, -1)  # the last line looked up for a match outside every sentence
        for m in self._matches(ctx):
            i = bisect_right(starts, m.start()) - 1
            s_start, s_end = sentences[i] if i >= 0 else (0, len(text))
            if i < 0 or m.start() >= s_end:
                if not line[0] <= m.start() <= line[1]:
                    line = _line(text, m.start())
                s_start, s_end = line
            if not self.keep(text, m, s_start, s_end, ctx):
                continue
            keys = seen.setdefault(s_start, set())
            key = normalise(m.group())
            if not self.each_occurrence and key in keys:
                continue
            if self.per_sentence and len(keys) >= self.per_sentence and key not in keys:
                continue
            keys.add(key)
            yield Hit(m.start(), m.end(), (_phrase(text, m),))

    def _matches(self, ctx: Context) -> Iterator[re.Match[str]]:
        return self.finder.finditer(ctx)

    def keep(self, text: str, m: re.Match[str], s_start: int, s_end: int, ctx: Context) -> bool:
        """The context checks; subclasses add their own exemptions."""
        start, end, matched = m.start(), m.end(), m.group()
        initial = _sentence_initial(text, s_start, start)
        if self.titles and _title_case(text, matched, start, end, initial):
            return False
        if (
            self.adverbial
            and self.adverbial.fullmatch(matched)
            and not _adverbial(text, s_start, start, end, initial)
        ):
            return False
        if self.ambiguous and self.ambiguous.fullmatch(matched) and not self._needs(
                text, s_start, s_end):
            return False
        if self.negation and _negated(text, s_start, start):
            return False
        if self.before:
            # the words just before the term: a sentence's whole head, read for each term in
            # it, made a sentence of thousands of terms quadratic
            head = text[max(s_start, start - BEFORE_REACH) : start]
            if any(p.search(head) for p in self.before):
                return False
        return not any(p.match(text, end, s_end) for p in self.after)

    def _needs(self, text: str, s_start: int, s_end: int) -> bool:
        """Does the sentence hold one of the ``needs`` words (asked once a sentence)?"""
        found = self._needed.get(s_start)
        if found is None:
            found = self._needed[s_start] = (
                self.needs is not None and self.needs.search(text, s_start, s_end) is not None)
        return found


# A term ending on a function word ("always the") is quoted in the message with the word
# that completes it ("always the autocrats"): the finding stays on the term itself.
_OPEN_END = frozenset("the a an of to for by with".split())
_NEXT_WORD = re.compile(r"\s+[\w’'-]+")


def _phrase(text: str, m: re.Match[str]) -> str:
    last = m.group().rsplit(None, 1)[-1].lower()
    nxt = _NEXT_WORD.match(text, m.end()) if last in _OPEN_END else None
    return m.group() + (" " + nxt.group().strip() if nxt else "")


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _words_before(text: str, s_start: int, start: int, n: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text, max(s_start, start - 12 * n), start)[-n:]]


def _sentence_initial(text: str, s_start: int, start: int) -> bool:
    """Only punctuation, or an opening conjunction, between the sentence start and here.
    (Two words settle it: the head is not read to its end for every term in a sentence.)"""
    words = [m.group() for m in islice(_WORD.finditer(text, s_start, start), 2)]
    return not words or (
        len(words) == 1 and words[0].lower() in _OPENERS and _last_char(text, s_start, start) != ","
    )


def _last_char(text: str, start: int, end: int) -> str:
    """``text[start:end].rstrip()[-1:]``, reading back over the blanks only (not slicing a
    sentence's whole head for each term in it)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > start else ""


def _title_case(text: str, matched: str, start: int, end: int, initial: bool) -> bool:
    """Part of a name or title: every content word capitalised, and not merely because the
    sentence starts here (a capitalised neighbour or a mid-sentence position says so)."""
    words = [w for w in _WORD.findall(matched) if w.lower() not in _SMALL]
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if not initial:
        return True
    nxt = _WORD.search(text, end, min(len(text), end + 40))
    return bool(nxt and nxt.group()[:1].isupper() and text[end : nxt.start()].strip() in ("", "-"))


def _adverbial(text: str, s_start: int, start: int, end: int, initial: bool) -> bool:
    if initial:
        return True
    if _last_char(text, s_start, start) in (",", ";", ":", "—", "–", "(", "-"):
        return True
    if text[end : end + 1] == ",":
        return True
    prev = _words_before(text, s_start, start, 1)
    return bool(prev) and prev[0] in _COPULAS


def _negated(text: str, s_start: int, start: int) -> bool:
    prev = _words_before(text, s_start, start, 2)
    return any(w in _NEGATORS or w.endswith("n't") for w in prev)


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return TermList(spec, shared)
