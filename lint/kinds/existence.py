"""``existence``: flag any of a list of tokens (Vale semantics: tokens are regex fragments).

Literal tokens go into the run's shared term index (one matcher for all rules); a rule with
regex tokens or ``raw`` pieces compiles its own pattern ``raw + \\b(?:t1|t2)\\b``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import is_literal
from ..match.shared import SharedMatchers
from ..match.term_finder import TermFinder, terms
from ..match.user_pattern import UserFinder, user_pattern
from .base.rule import Exceptions, Hit, KindError, Rule, check_regex, in_accepted_phrase

NAME = "existence"
KEYS: dict[str, schema.Check] = {
    "tokens": schema.is_str_list,
    "raw": schema.is_str_or_list,  # Vale joins the parts into one pattern
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
            self.terms: TermFinder | None = terms(
                shared, spec.id, self.ignorecase, not opts.get("nonword"),
                ((tok, None) for tok in tokens))
            self.finder: UserFinder | None = None
        else:
            self.terms = None
            source = pattern_of(opts)
            compiled = check_regex(source, self.ignorecase, ["tokens"])
            # a pattern on the prose view is tried only where its matches can open; where a
            # common word opens some tokens, only those are tried
            def build(subset: list[str]) -> str:
                return pattern_of({**opts, "tokens": subset})

            self.finder = user_pattern(
                shared, spec.id, compiled, source, self.ignorecase, anchored=not self.raw,
                alternatives=tokens, build=None if opts.get("raw") else build,
            )

    def _keep(self, matched: str) -> bool:
        if self.exceptions.excludes(matched):
            return False
        return not (self.vocab and self.shared.accept and self.shared.accepted(matched))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.doc.text if self.raw else ctx.text
        phrases = self.vocab and not self.raw and bool(self.shared.accept)
        if self.terms is not None:
            for s, e, _ in self.terms.hits(ctx):
                if self._keep(text[s:e]) and not (
                        phrases and in_accepted_phrase(ctx, self.shared, s, e)):
                    yield Hit(s, e, (text[s:e],))
            return
        assert self.finder is not None
        for m in self.finder.finditer(ctx, text=text if self.raw else None):
            if m.end() > m.start() and self._keep(m.group()) and not (
                    phrases and in_accepted_phrase(ctx, self.shared, m.start(), m.end())):
                yield Hit(m.start(), m.end(), (m.group(),))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Existence(spec, shared)
