"""``repetition``: the same token twice (or more than ``max`` times) in a row, e.g. "the the".

Repeats are counted within one sentence; ``alpha`` ignores tokens that are not alphabetic.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.context import Context
from lint.kinds import Hit, KindError, Rule, SharedMatchers, check_regex
from lint.matchers import finditer
from lint.packs import schema
from lint.packs.spec import RuleSpec

KEYS = schema.KIND_KEYS["repetition"]


def validate(spec: RuleSpec) -> None:
    if not spec.options.get("tokens"):
        raise KindError("a repetition rule needs 'tokens'")
    check_regex("|".join(spec.options["tokens"]), False, ["tokens"])


class Repetition(Rule):
    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        opts = spec.options
        self.ignorecase = bool(opts.get("ignorecase"))
        self.pattern = check_regex("(?:" + "|".join(opts["tokens"]) + ")", self.ignorecase, [])
        self.max = int(opts.get("max", 0))
        self.alpha = bool(opts.get("alpha"))
        self.exceptions = [check_regex(e, self.ignorecase, []) for e in opts.get("exceptions") or []]

    def check(self, ctx: Context) -> Iterable[Hit]:
        for start, end in ctx.sentences:
            prev_key = None
            run_start = run_end = 0
            count = 0
            sentence = ctx.text[start:end]
            for m in finditer(self.pattern, sentence):
                word = m.group()
                if not word or (self.alpha and not word.isalpha()):
                    prev_key = None
                    continue
                key = word.lower() if self.ignorecase else word
                if key == prev_key and not sentence[run_end : m.start()].strip():
                    count += 1
                    run_end = m.end()
                    continue
                if count > self.max:
                    yield self._hit(start, run_start, run_end, sentence)
                prev_key, run_start, run_end, count = key, m.start(), m.end(), 0
            if count > self.max:
                yield self._hit(start, run_start, run_end, sentence)

    def _hit(self, base: int, s: int, e: int, sentence: str) -> Hit:
        return Hit(base + s, base + e, (sentence[s:e].split()[0],))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Repetition(spec)
