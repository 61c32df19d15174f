"""``existence``: flag any of a list of tokens (Vale semantics: tokens are regex fragments).

Literal tokens go into the run's shared term index (one matcher for all rules); a rule with
regex tokens or ``raw`` pieces compiles its own pattern ``raw + \\b(?:t1|t2)\\b``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from lint.analysis.context import Context
from lint.core import schema
from lint.core.rule_spec import RuleSpec
from lint.kinds.base.rule import Exceptions, Hit, KindError, Rule, check_regex
from lint.match.anchors import COMMON_OPENERS, OpenerAnchors
from lint.match.openers import user_openers
from lint.match.patterns import (
    compile_user,
    finditer,
    fold,
    is_literal,
    matches_user_at,
    select_longest,
)
from lint.match.shared import SharedMatchers
from lint.match.term_index import TermIndex

NAME = "existence"
KEYS: dict[str, schema.Check] = {
    "tokens": schema.is_str_list,
    "raw": schema.is_str_list,
    "append": schema.is_bool,
    "ignorecase": schema.is_bool,
    "nonword": schema.is_bool,
    "exceptions": schema.is_str_list,
    "vocab": schema.is_bool,
}


def pattern_of(opts: dict[str, Any]) -> str:
    tokens = opts.get("tokens") or []
    raw = "".join(opts.get("raw") or [])
    body = ""
    if tokens:
        body = "(?:" + "|".join(tokens) + ")"
        if not opts.get("nonword"):
            body = r"\b" + body + r"\b"
    return body + raw if opts.get("append") else raw + body


def validate(spec: RuleSpec) -> None:
    opts = spec.options
    if not opts.get("tokens") and not opts.get("raw"):
        raise KindError("an existence rule needs 'tokens' or 'raw'")
    tokens = opts.get("tokens") or []
    # A literal token (word characters, spaces, hyphens, apostrophes) is always a valid regex,
    # and so is their alternation: compiling 20,000 of them one by one would cost seconds.
    literal = [is_literal(tok) for tok in tokens]
    for i, tok in enumerate(tokens):
        if not literal[i]:
            check_regex(tok, False, ["tokens", i])
    if opts.get("raw") or not all(literal):
        check_regex(pattern_of(opts), bool(opts.get("ignorecase")), ["tokens"])
    for i, exc in enumerate(opts.get("exceptions") or []):
        check_regex(exc, False, ["exceptions", i])


class Existence(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        opts = spec.options
        self.ignorecase = bool(opts.get("ignorecase"))
        self.shared = shared
        self.vocab = opts.get("vocab", True)
        self.exceptions = Exceptions(opts.get("exceptions") or [], self.ignorecase)
        tokens = opts.get("tokens") or []
        if tokens and not opts.get("raw") and not self.raw and all(map(is_literal, tokens)):
            self.index: TermIndex | None = shared.terms(self.ignorecase, not opts.get("nonword"))
            for tok in tokens:
                self.index.add(tok, spec.id)
            self.pattern = None
        else:
            self.index = None
            self.pattern = check_regex(pattern_of(opts), self.ignorecase, ["tokens"])
        # a pattern on the prose view is tried only where its matches can open
        openers = None if self.raw or self.index else user_openers(
            pattern_of(opts), self.ignorecase)
        by_word = _patterns_by_opener(opts, self.ignorecase) if openers else None
        self.anchors = OpenerAnchors(shared, spec.id, openers, by_word)

    def _keep(self, matched: str) -> bool:
        if self.exceptions.excludes(matched):
            return False
        return not (self.vocab and self.shared.accept and self.shared.accepted(matched))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.doc.text if self.raw else ctx.text
        if self.index is not None:
            for s, e, _ in select_longest(ctx.term_hits(self.index, self.spec.id)):
                if self._keep(text[s:e]):
                    yield Hit(s, e, (text[s:e],))
            return
        plan = self.anchors.plan(ctx)
        found = finditer(self.pattern, text) if plan is None else matches_user_at(
            self.pattern, text, *plan)
        for m in found:
            if m.end() > m.start() and self._keep(m.group()):
                yield Hit(m.start(), m.end(), (m.group(),))


# What ties one token to another: a reference to a group by number or name, a conditional, a
# recursion (in fewer tokens it could point at another group, or none), or an inline flag such
# as "(?i)" (``regex`` carries it into the tokens after it). Such a pattern is never split.
_UNSPLITTABLE = re.compile(r"\\(?:[1-9]|g<)|\(\?(?:P[=>]|&|\(|[-+\w^]+\))")


def _patterns_by_opener(
    opts: dict[str, Any], ignorecase: bool
) -> dict[str, Callable[[], Any]] | None:
    """For each common word (:data:`lint.match.anchors.COMMON_OPENERS`) that opens a match of some
    token: a builder of the rule's pattern made of just those tokens, in their order.

    Where the text holds that word, no other token can match (each token's matches open
    only on its own first words or punctuation), and an alternation tries its branches in
    order, so this pattern finds there what the whole one does, for a fraction of the cost
    of trying every token at every "the" or "is"."""
    tokens = opts.get("tokens") or []
    if opts.get("raw") or len(tokens) < 2 or _UNSPLITTABLE.search(pattern_of(opts)):
        return None
    opens: list[set[str]] = []
    for token in tokens:
        openers = user_openers(pattern_of({**opts, "tokens": [token]}), ignorecase)
        if openers is None:
            return None
        opens.append({fold(w) for w in openers[0]})
    out: dict[str, Callable[[], Any]] = {}
    for word in sorted(COMMON_OPENERS & set().union(*opens)):
        subset = [t for t, words in zip(tokens, opens, strict=True) if word in words]
        if len(subset) < len(tokens):  # (tokens the whole pattern compiled: so do these)
            out[word] = partial(compile_user, pattern_of({**opts, "tokens": subset}), ignorecase)
    return out


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Existence(spec, shared)
