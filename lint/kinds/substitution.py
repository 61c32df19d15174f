"""``substitution``: flag a term and suggest its replacement (``swap: {observed: expected}``).

Literal keys share the run's term index; regex keys compile into one alternation of capture
groups, longest key first, where the group that matched says which key fired (Vale's design).
``a|b`` in a replacement offers several options; a match already equal to an option is quiet.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from lint.context import Context
from lint.kinds import Hit, Rule, SharedMatchers, check_regex
from lint.matchers import finditer, is_literal
from lint.packs import schema
from lint.packs.spec import RuleSpec

KEYS = schema.KIND_KEYS["substitution"]
_USER_GROUP = regex.compile(r"(?<!\\)\((?!\?)")


def validate(spec: RuleSpec) -> None:
    ignorecase = bool(spec.options.get("ignorecase"))
    for key in spec.options.get("swap") or {}:
        check_regex(key, ignorecase, ["swap", key])
    for i, exc in enumerate(spec.options.get("exceptions") or []):
        check_regex(exc, False, ["exceptions", i])


class Substitution(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        opts = spec.options
        self.ignorecase = bool(opts.get("ignorecase"))
        self.capitalize = bool(opts.get("capitalize"))
        self.shared = shared
        self.vocab = opts.get("vocab", True)
        self.exceptions = [check_regex(e, self.ignorecase, []) for e in opts.get("exceptions") or []]
        swap: dict[str, str] = opts.get("swap") or {}
        words = not opts.get("nonword")
        literal = {k: v for k, v in swap.items() if is_literal(k) and not self.raw}
        self.index = shared.terms(self.ignorecase, words) if literal else None
        for key, value in literal.items():
            self.index.add(key, spec.id, value)  # type: ignore[union-attr]
        self.keys = sorted((k for k in swap if k not in literal), key=len, reverse=True)
        self.values = [swap[k] for k in self.keys]
        self.pattern = None
        if self.keys:
            groups = "|".join("(" + _USER_GROUP.sub("(?:", k) + ")" for k in self.keys)
            body = rf"\b(?:{groups})\b" if words else f"(?:{groups})"
            self.pattern = check_regex(body, self.ignorecase, ["swap"])
        self.key_patterns = [check_regex(k, self.ignorecase, []) for k in self.keys]

    def _hit(self, start: int, end: int, observed: str, expected: str) -> Hit | None:
        if any(e.fullmatch(observed) for e in self.exceptions):
            return None
        if self.vocab and self.shared.accept and self.shared.accepted(observed):
            return None
        options = [o.strip() for o in expected.split("|")]
        if observed in options:
            return None
        if self.capitalize and observed[:1].isupper():
            options = [o[:1].upper() + o[1:] for o in options]
        shown = "' or '".join(options)
        return Hit(start, end, (shown, observed), options[0] if len(options) == 1 else None)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.doc.text if self.raw else ctx.text
        if self.index is not None:
            for s, e, value in ctx.term_hits(self.index, self.spec.id):
                hit = self._hit(s, e, text[s:e], value)
                if hit:
                    yield hit
        if self.pattern is None:
            return
        for m in finditer(self.pattern, text):
            index = next(i for i, g in enumerate(m.groups()) if g is not None)
            expected = self.values[index]
            if "$" in expected:  # expand $1 … from the key's own groups
                km = self.key_patterns[index].fullmatch(m.group())
                if km:
                    expected = regex.sub(r"\$(\d)", lambda d: km.group(int(d.group(1))) or "", expected)
            hit = self._hit(m.start(), m.end(), m.group(), expected)
            if hit:
                yield hit


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Substitution(spec, shared)
