"""``existence``: flag any of a list of tokens (Vale semantics: tokens are regex fragments).

Literal tokens go into the run's shared term index (one matcher for all rules); a rule with
regex tokens or ``raw`` pieces compiles its own pattern ``raw + \\b(?:t1|t2)\\b``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lint.anchors import OpenerAnchors
from lint.context import Context
from lint.kinds import Exceptions, Hit, KindError, Rule, SharedMatchers, check_regex
from lint.matchers import finditer, is_literal, matches_user_at, select_longest
from lint.packs import schema
from lint.packs.spec import RuleSpec
from lint.pattern_openers import user_openers
from lint.term_index import TermIndex

KEYS = schema.KIND_KEYS["existence"]


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
        self.anchors = OpenerAnchors(shared, spec.id, openers)

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
        starts = self.anchors.starts(ctx)
        found = finditer(self.pattern, text) if starts is None else matches_user_at(
            self.pattern, text, starts)
        for m in found:
            if m.end() > m.start() and self._keep(m.group()):
                yield Hit(m.start(), m.end(), (m.group(),))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Existence(spec, shared)
