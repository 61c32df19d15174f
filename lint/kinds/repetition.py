"""``repetition``: the same token twice (or more than ``max`` times) in a row, e.g. "the the".

Vale's algorithm: within each text block, consecutive matches of the token pattern are compared
(case-folded with ``ignorecase``); a repeat counts only when the span from the first to the
second match is one sentence (so "that. That" is quiet); ``alpha`` ignores tokens that are not
alphabetic; ``exceptions`` matching the repeated span drop the finding.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.context import Context, inside
from ..analysis.scopes import text_blocks
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import finditer
from ..match.shared import SharedMatchers
from .base.rule import Exceptions, Hit, KindError, Rule, check_regex

NAME = "repetition"
KEYS: dict[str, schema.Check] = {
    "tokens": schema.is_str_list,
    "max": schema.is_int,
    "ignorecase": schema.is_bool,
    "alpha": schema.is_bool,
    "vocab": schema.is_bool,
    "exceptions": schema.is_str_list,
}


def validate(spec: RuleSpec) -> None:
    if not spec.options.get("tokens"):
        raise KindError("a repetition rule needs 'tokens'")
    check_regex("(?:" + "|".join(spec.options["tokens"]) + ")", False, ["tokens"])
    for i, exc in enumerate(spec.options.get("exceptions") or []):
        check_regex(exc, False, ["exceptions", i])


class Repetition(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers | None = None) -> None:
        super().__init__(spec)
        opts = spec.options
        self.shared = shared
        self.vocab = opts.get("vocab", True)  # Vale: an accepted term may repeat ("did did")
        self.ignorecase = bool(opts.get("ignorecase"))
        self.pattern = check_regex("(?:" + "|".join(opts["tokens"]) + ")", self.ignorecase, [])
        self.max = int(opts.get("max", 0))
        self.alpha = bool(opts.get("alpha"))
        self.exceptions = Exceptions(opts.get("exceptions") or [], self.ignorecase)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        sentences = ctx.sentences
        for start, end in text_blocks(ctx):
            prev = ""
            prev_start = 0
            count = 0
            for m in finditer(self.pattern, text[start:end]):
                curr = m.group().strip()
                same = curr.casefold() == prev.casefold() if self.ignorecase else curr == prev
                hit = bool(curr) and same and (not self.alpha or curr.isalpha())
                if hit:
                    count += 1
                if hit and count > self.max:
                    s, e = start + prev_start, start + m.end()
                    one_sentence = not sentences or inside(sentences, s, e)
                    if one_sentence and not self._excused(text[s:e], curr):
                        yield Hit(s, e, (curr,))
                        count = 0
                prev, prev_start = curr, m.start()


    def _excused(self, repeated: str, token: str) -> bool:
        if self.exceptions.excludes(repeated):
            return True
        shared = self.shared
        return bool(self.vocab and shared and shared.accept and shared.accepted(token))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Repetition(spec, shared)
