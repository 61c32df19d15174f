"""``capitalization``: each block of the rule's scope (a heading, a sentence …) must be in a
case: ``$title`` (AP or Chicago style), ``$sentence``, ``$lower``, ``$upper``, or match a regex.

Vale's check: the block is converted to the expected case, both are cut into words (the
``exceptions`` first, so "Axon Server" is one word), and a word is good when it equals its
expected form, matches an exception, or (title case) is in capitals. The block passes when
good words / words ≥ ``threshold``; in sentence case a first word that is not capitalised
fails it at once. The finding covers the block; the message gets the block, then the expected
form (``'%s' should be in title case ('%s')``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..analysis.context import Context, merge
from ..analysis.scopes import blocks as scope_blocks
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import finditer
from ..match.shared import SharedMatchers
from .base.case_vocab import CaseVocab, alternation, go_title, scoped
from .base.rule import Hit, KindError, Rule, check_regex
from .base.sentence_case import WORD, SentenceConverter
from .base.title_case import STYLES, TitleConverter

NAME = "capitalization"
CASES = ("$title", "$sentence", "$lower", "$upper")


def _is_number(v: Any) -> str | None:
    number = isinstance(v, (int, float)) and not isinstance(v, bool)
    return None if number else "must be a number"



KEYS: dict[str, schema.Check] = {
    "match": schema.is_str,
    "style": schema.is_str,
    "exceptions": schema.is_str_list,
    "indicators": schema.is_str_or_list,
    "threshold": _is_number,
    "prefix": schema.is_str,
    "vocab": schema.is_bool,
}
# the blocks a rule with no narrower scope judges one by one (Vale lints each block of text)
_TEXT_BLOCKS = ("paragraph", "heading", "table")


def validate(spec: RuleSpec) -> None:
    opts = spec.options
    match = opts.get("match")
    if not match:
        raise KindError("a capitalization rule needs 'match' ($title, $sentence, $lower, "
                        "$upper or a regex)")
    if match not in CASES:
        check_regex(match, False, ["match"])
    style = opts.get("style", "AP")
    if style not in STYLES:
        raise KindError(f"unknown style '{style}' (known: AP, Chicago)", ["style"])
    threshold = opts.get("threshold", 0.8)
    if _is_number(threshold) or not 0 <= threshold <= 1:
        raise KindError(f"'threshold' must be a number from 0 to 1, not {threshold!r}",
                        ["threshold"])
    for i, exc in enumerate(opts.get("exceptions") or []):
        check_regex(scoped(exc), False, ["exceptions", i])
    if "prefix" in opts:
        check_regex(opts["prefix"], False, ["prefix"])


def _indicators(value: Any) -> tuple[str, ...]:
    if value is None:
        return (":",)
    return (value,) if isinstance(value, str) else tuple(value)


class Capitalization(Rule):
    PHRASE = False  # a finding is one whole block, by construction

    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        opts = spec.options
        self.match: str = opts["match"]
        # Vale reads 0 as unset: a threshold of 0 would switch the rule off
        self.threshold = float(opts.get("threshold") or 0.8)
        entries = list(opts.get("exceptions") or [])
        if opts.get("vocab", True):
            entries += [p.pattern for p in shared.accept]
        vocab = CaseVocab(entries)
        body = alternation(vocab.valid)
        self.exceptions = check_regex(rf"\b(?:{body})\b", False, []) if body else None
        # a word is an exception first, so that "Axon Server" is one word
        self.words = check_regex(rf"\b(?:{body})\b|{WORD}" if body else WORD, False, [])
        prefix = check_regex(opts["prefix"], False, []) if opts.get("prefix") else None
        self.convert: Any = None
        if self.match == "$title":
            self.convert = TitleConverter(opts.get("style", "AP"), vocab, prefix).convert
        elif self.match == "$sentence":
            indicators = _indicators(opts.get("indicators"))
            self.convert = SentenceConverter(vocab, indicators, prefix).convert
        elif self.match not in CASES:
            self.pattern = check_regex(self.match, False, [])

    def _excepted(self, word: str) -> bool:
        return self.exceptions is not None and self.exceptions.search(word) is not None

    def judge(self, text: str) -> tuple[str, bool]:
        """(the expected form, does ``text`` pass?)."""
        if self.match == "$lower":
            return text.lower(), text == text.lower() or self._excepted(text)
        if self.match == "$upper":
            return text.upper(), text == text.upper() or self._excepted(text)
        if self.convert is None:
            return self.match, self.pattern.search(text) is not None or self._excepted(text)
        expected = self.convert(text)
        wanted = [m.group() for m in finditer(self.words, expected)]
        title = self.match == "$title"
        good = total = 0
        for i, m in enumerate(finditer(self.words, text)):
            word = m.group()
            total += 1
            # past the expected words (a vocabulary phrase cut differently): good, as in Vale
            if i >= len(wanted) or word == wanted[i] or self._excepted(word):
                good += 1
            elif title and word == word.upper():
                good += 1  # "NASA", "API": capitals are left alone in a title
            elif not title and i == 0 and word != go_title(word.lower()):
                return expected, False  # a sentence must open with a capital
        # no words at all (a heading of symbols): nothing to judge (Vale divides 0 by 0)
        return expected, total == 0 or good / total >= self.threshold

    def blocks(self, ctx: Context) -> Iterator[tuple[int, int]]:
        if self.raw:
            yield 0, len(ctx.doc.text)
            return
        named = scope_blocks(self.spec.scope, ctx)  # headings, cells, front-matter values …
        if named is not None:
            yield from named
            return
        scopes = [s for s in self.spec.scope if not s.startswith("~")] or ["text"]
        for scope in scopes:
            if scope in ("text", "summary"):
                spans = merge([s for k in _TEXT_BLOCKS for s in ctx.spans(k)])
                yield from spans or [(0, len(ctx.text))]
            else:
                yield from ctx.spans(scope)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.doc.text if self.raw else ctx.text
        code = [] if self.raw else ctx.spans("code")
        seen: set[tuple[int, int]] = set()
        for start, end in self.blocks(ctx):
            inner = [(max(s, start), min(e, end)) for s, e in code if s < end and e > start]
            inner = [(s, e) for s, e in inner if e > s]
            masked = _masked(text, start, end, inner)
            lead = len(masked) - len(masked.lstrip())
            judged = masked.strip()
            start, end = start + lead, start + lead + len(judged)
            if not judged or (start, end) in seen:
                continue
            seen.add((start, end))
            expected, ok = self.judge(judged)
            if ok:
                continue
            shown, originals = _unmasked(ctx, text, start, end, inner)
            expected = _restore(expected, originals)
            yield Hit(start, end, (shown, expected), self._fix(ctx, start, end, expected))

    def _fix(self, ctx: Context, start: int, end: int, expected: str) -> str | None:
        """Vale's ``action: replace`` with no params offers the expected form, for title and
        sentence case; offered only where the block has no markup the fix would drop."""
        action = self.spec.action
        if not action or action.name != "replace" or action.params or self.convert is None:
            return None
        if self.raw:
            return expected
        s, e = ctx.doc.prose.to_source(start, end)
        return expected if ctx.doc.text[s:e] == ctx.text[start:end] else None


def _masked(text: str, start: int, end: int, code: list[tuple[int, int]]) -> str:
    """The block as Vale judges it: inline code is a word of ``*`` (it is neither right nor
    wrong, but "`this` is fine" must not open with a lower-case word)."""
    chars = list(text[start:end])
    for s, e in code:
        chars[s - start : e - start] = "*" * (e - s)
    return "".join(chars)


def _unmasked(
    ctx: Context, text: str, start: int, end: int, code: list[tuple[int, int]]
) -> tuple[str, list[str]]:
    """The block as the reader sees it, with its inline code (which the view blanks) put back
    from the source; and the code texts, in order."""
    out, originals, last = [], [], start
    for s, e in code:
        a, b = ctx.doc.prose.to_source(s, e)
        originals.append(ctx.doc.text[a:b])
        out += [text[last:s], originals[-1]]
        last = e
    out.append(text[last:end])
    return "".join(out), originals


def _restore(expected: str, originals: list[str]) -> str:
    """The expected form with its masks written back as the code they stand for. The
    converters never re-case ``*``, so the runs of ``*`` are the masks, in order; if they are
    not one per code span and of its length (a literal ``*`` in the text), the masks stay."""
    import regex

    runs = list(regex.finditer(r"\*+", expected))
    if not originals or len(runs) != len(originals):
        return expected
    if any(len(m.group()) != len(o) for m, o in zip(runs, originals, strict=True)):
        return expected
    out, last = [], 0
    for m, original in zip(runs, originals, strict=True):
        out += [expected[last : m.start()], original]
        last = m.end()
    out.append(expected[last:])
    return "".join(out)


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Capitalization(spec, shared)
