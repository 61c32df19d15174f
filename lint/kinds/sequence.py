"""``sequence``: flag a run of words given by their text and part-of-speech tags (Vale's kind).

``tokens`` is a list of mappings, each a ``pattern`` (a regex the whole word must match,
case-insensitive under ``ignorecase``), a ``tag`` (a regex searched in the word's Penn Treebank
tag, as Vale does: ``NN`` also accepts NNS and NNP), or both; ``skip: N`` lets up to N words
stand before the token; ``negate`` turns the token's test around. The rule reads one sentence at
a time. Matching follows Vale's ``internal/check/sequence.go``:

- the anchor is the first token with a ``pattern`` (failing that, the first with a ``tag``);
  each word that matches it, in order and no more often than the anchor's pattern is found in
  the sentence's text, starts one try;
- from the anchor the tokens before it are checked walking left, then the anchor and the
  tokens after it walking right; a skip window is spent word by word until its token matches;
  at the sentence's edge only negated tokens may be left over;
- the finding runs from the first to the last word the walk looked at, and the message's
  ``%[n]s`` is the n-th of those words (window words included, as in Vale).

Words are split as Vale's tokenizer splits them (:mod:`copydesk.analysis.prose_tokens`) and
tagged by :mod:`copydesk.analysis.pos_tags`, which needs the extra ``copydesk[nlp]``: without
it the rule finds nothing and the pack says so once (see :func:`missing`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..analysis import pos_tags
from ..analysis.context import Context
from ..analysis.prose_tokens import words as split_words
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import TIMEOUT_SECONDS, RuleTimeout, finditer
from ..match.shared import SharedMatchers
from .base.rule import Hit, KindError, Rule, check_regex

NAME = "sequence"
TOKEN_KEYS: dict[str, schema.Check] = {
    "pattern": schema.is_str, "tag": schema.is_str, "skip": schema.is_int, "negate": schema.is_bool,
}


def _is_token_list(v: Any) -> str | None:
    if isinstance(v, list) and v and all(isinstance(t, dict) for t in v):
        return None
    return "must be a non-empty list of mappings (pattern, tag, skip, negate)"


KEYS: dict[str, schema.Check] = {"tokens": _is_token_list, "ignorecase": schema.is_bool}


def unavailable() -> str | None:
    """The loader's question: why rules of this kind cannot run here, or None."""
    if pos_tags.available():
        return None
    return ("rules of kind 'sequence' are skipped: they need a part-of-speech tagger, which is "
            f"not installed ({pos_tags.EXTRA})")


def validate(spec: RuleSpec) -> None:
    tokens = spec.options.get("tokens")
    if tokens is None:
        raise KindError("a sequence rule needs 'tokens'")
    ignorecase = bool(spec.options.get("ignorecase"))
    for i, token in enumerate(tokens):
        at: list[str | int] = ["tokens", i]
        for key, value in token.items():
            check = TOKEN_KEYS.get(key)
            if check is None:
                known = ", ".join(TOKEN_KEYS)
                raise KindError(f"unknown token key '{key}' (known: {known})", [*at, key], True)
            if problem := check(value):
                raise KindError(f"'{key}' {problem}", [*at, key])
        if not token.get("pattern") and not token.get("tag"):
            raise KindError("a token needs a 'pattern' or a 'tag'", at)
        if token.get("pattern"):
            check_regex(f"(?:{token['pattern']})", ignorecase, [*at, "pattern"])
        if token.get("tag"):
            check_regex(token["tag"], False, [*at, "tag"])
    if not any(not t.get("negate") for t in tokens):
        raise KindError("a sequence rule needs a token that is not negated", ["tokens"])


@dataclass
class _Token:
    """One position of the expanded sequence: ``skip: N`` becomes N optional copies of the
    token (the first marked ``start``) and then the token itself (``end``), all one group."""

    pattern: str
    tag: str
    negate: bool
    skip: int
    word: Any  # the pattern, matched against a whole word
    tag_re: Any
    optional: bool
    start: bool
    end: bool
    group: int
    # what the patterns said of each word and tag seen (words repeat; there are few tags)
    seen: dict[tuple[str, str], bool] = field(default_factory=dict)


def expand(tokens: Sequence[dict[str, Any]], ignorecase: bool) -> list[_Token]:
    out: list[_Token] = []
    for group, t in enumerate(tokens, 1):
        pattern, tag = str(t.get("pattern") or ""), str(t.get("tag") or "")
        word = check_regex(f"(?:{pattern})", ignorecase, []) if pattern else None
        tag_re = check_regex(tag, False, []) if tag else None
        skip = int(t.get("skip") or 0)
        negate = bool(t.get("negate"))
        for i in range(skip + 1):
            last = i == skip  # the token itself, after its ``skip`` optional copies
            out.append(_Token(pattern, tag, negate, skip, word, tag_re, optional=not last,
                              start=i == 0 and not last, end=last, group=group))
    return out


def _timed(call: Any, text: str) -> Any:
    try:
        return call(text, timeout=TIMEOUT_SECONDS)
    except TimeoutError:
        raise RuleTimeout(f"pattern timed out after {TIMEOUT_SECONDS:g}s") from None


def matches(tok: _Token, word: str, tag: str) -> bool:
    """Vale's tokensMatch: a tag token tests the tag, a pattern token the word, a token with
    both tests both; ``negate`` turns each test around."""
    key = (word, tag)
    found = tok.seen.get(key)
    if found is None:
        if len(tok.seen) > 50_000:  # a long session (an editor, an archive) reads many words
            tok.seen.clear()
        found = tok.seen[key] = _matches(tok, word, tag)
    return found


def _matches(tok: _Token, word: str, tag: str) -> bool:
    tag_ok = tok.tag_re is None or _timed(tok.tag_re.search, tag) is not None
    tag_failed = tag_ok == tok.negate
    word_ok = tok.word is not None and _timed(tok.word.fullmatch, word) is not None
    word_failed = tok.word is not None and word_ok == tok.negate
    if not tok.pattern:
        return not tag_failed
    if not tok.tag:
        return not word_failed
    return not (tag_failed or word_failed)


class SequenceRule(Rule):
    PHRASE = True

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.raw = False  # always sentences of the prose view
        ignorecase = bool(spec.options.get("ignorecase"))
        self.tokens = expand(spec.options["tokens"], ignorecase)
        self.runs = pos_tags.available()
        first = next((i for i, t in enumerate(self.tokens) if not t.negate and t.pattern), None)
        if first is None:
            first = next(i for i, t in enumerate(self.tokens) if not t.negate and t.tag)
        self.anchor = first
        pattern = self.tokens[first].pattern
        # counts the anchor's candidates in the text, as Vale does (unanchored, no \b)
        self.finder = check_regex(f"(?:{pattern})", ignorecase, []) if pattern else None

    def check(self, ctx: Context) -> Iterable[Hit]:
        if not self.runs:
            return
        for start, end in ctx.sentences:
            tries = -1
            if self.finder is not None:  # (ruled out before the sentence is tagged)
                tries = sum(1 for _ in finditer(self.finder, ctx.text[start:end]))
                if not tries:
                    continue
            sentence = tagged(ctx, start, end)
            tries = len(sentence.words) if tries < 0 else tries
            anchor = self.tokens[self.anchor]
            found = (j for j, (w, t) in enumerate(sentence.pairs) if matches(anchor, w, t))
            for _, j in zip(range(tries), found, strict=False):
                walked = self._walk(sentence, j)
                if walked is not None:
                    lo, hi, texts = walked
                    first, last = sentence.words[lo], sentence.words[hi]
                    yield Hit(start + first.start, start + last.start + len(last.text),
                              tuple(texts))

    def _walk(self, s: Tagged, j: int) -> tuple[int, int, list[str]] | None:
        """Vale's sequenceMatches from the anchor word ``j``: the span's first and last word
        and the words looked at, or None when the sequence does not hold."""
        toks, pairs = self.tokens, s.pairs
        texts: list[str] = []
        lo = hi = -1
        ti, wi = self.anchor - 1, j - 1
        while ti >= 0:  # leftwards: the tokens before the anchor
            if wi < 0:
                if all(t.negate for t in toks[: ti + 1]):
                    break
                return None
            tok = toks[ti]
            texts.insert(0, pairs[wi][0])
            lo = wi
            # the expansion reads left to right: seen from the right, the token itself is
            # the optional one and the window's first copy the one that must be there
            optional = tok.optional
            if tok.skip > 0:
                optional = (tok.optional or tok.end) and not tok.start
            ok = matches(tok, *pairs[wi])
            if not ok and not optional:
                return None
            if ok and optional:
                while ti >= 0 and toks[ti].group == tok.group:
                    ti -= 1
            else:
                ti -= 1
            wi -= 1
        ti, wi = self.anchor, j
        while ti < len(toks):  # rightwards: the anchor and the tokens after it
            if wi >= len(pairs):
                if all(t.negate for t in toks[ti:]):
                    break
                return None
            tok = toks[ti]
            texts.append(pairs[wi][0])
            lo = wi if lo < 0 or wi < lo else lo
            hi = wi
            ok = matches(tok, *pairs[wi])
            if not ok and not tok.optional:
                return None
            if ok and tok.optional:
                while ti < len(toks) and toks[ti].group == tok.group:
                    ti += 1
            else:
                ti += 1
            wi += 1
        if not texts or lo < 0 or hi < lo:
            return None
        return lo, hi, texts


@dataclass
class Tagged:
    """A sentence's words (offsets within the sentence) and (word, tag) pairs."""

    words: list[Any]
    pairs: list[tuple[str, str]]


class _Cache(dict[tuple[int, int], Tagged]):
    """The document's tagged sentences, by span (one ``ctx.memo`` entry for all rules)."""


def tagged(ctx: Context, start: int, end: int) -> Tagged:
    cache = ctx.memo(_Cache, _Cache)
    found = cache.get((start, end))
    if found is None:
        ws = split_words(ctx.text[start:end])
        texts = [w.text for w in ws]
        found = cache[(start, end)] = Tagged(ws, list(zip(texts, _tags(texts), strict=True)))
    return found


def _tags(texts: list[str]) -> Iterator[str]:
    return iter(pos_tags.tagger().tags(texts))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return SequenceRule(spec)
