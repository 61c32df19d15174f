"""``substitution``: flag a term and suggest its replacement (``swap: {observed: expected}``).

Literal keys share the run's term index; regex keys compile into one alternation of capture
groups, longest key first, where the group that matched says which key fired (Vale's design).
``a|b`` in a replacement offers several options; a match already equal to an option is quiet.
Message arguments follow Vale: ``(expected, observed)``; with ``action: {name: replace}`` the
options are quoted and joined ("'a' or 'b'") and the first quoted ``'%s'`` loses its quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import is_literal
from ..match.shared import SharedMatchers
from ..match.term_finder import TermFinder, terms
from ..match.user_pattern import UserFinder, user_pattern
from .base.rule import Exceptions, Hit, KindError, Rule, check_regex

NAME = "substitution"
KEYS: dict[str, schema.Check] = {
    "swap": schema.is_str_map,
    "ignorecase": schema.is_bool,
    "nonword": schema.is_bool,
    "exceptions": schema.is_str_list,
    "vocab": schema.is_bool,
    "capitalize": schema.is_bool,
    "pos": schema.is_str,
}
# An opening parenthesis that starts a capturing group (not escaped, not "(?"). Plain ``re``:
# these read pattern text, and a pack of literal swaps then never loads the ``regex`` module.
_USER_GROUP = re.compile(r"(?<!\\)\((?!\?)")
_DOLLAR = re.compile(r"\$(\d)")


def validate(spec: RuleSpec) -> None:
    ignorecase = bool(spec.options.get("ignorecase"))
    for key in spec.options.get("swap") or {}:
        if not is_literal(key):  # a literal key is always a valid regex: skip the compile
            check_regex(key, ignorecase, ["swap", key], at_key=True)
    for i, exc in enumerate(spec.options.get("exceptions") or []):
        check_regex(exc, False, ["exceptions", i])


def to_sentence(options: list[str]) -> str:
    """Vale's ToSentence: 'a', 'a' or 'b', 'a', 'b' or 'c' (nothing for an empty option)."""
    if options == [""]:
        return ""
    quoted = [f"'{o}'" for o in options]
    if len(quoted) <= 2:
        return " or ".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def unquote_first(message: str) -> str:
    """Vale's convertMessage: with two quoted %s, drop the quotes of the first."""
    for quoted in ("'%s'", '"%s"'):
        if message.count(quoted) == 2:
            message = message.replace(quoted, "%s", 1)
    return message


class Substitution(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        opts = spec.options
        self.ignorecase = bool(opts.get("ignorecase"))
        self.capitalize = bool(opts.get("capitalize"))
        self.shared = shared
        self.vocab = opts.get("vocab", True)
        action = spec.action
        self.quote_options = bool(action and action.name == "replace" and not action.params)
        self.fixable = action is None or action.name == "replace"
        self.message = unquote_first(spec.message) if self.quote_options else spec.message
        self.exceptions = Exceptions(opts.get("exceptions") or [], self.ignorecase)
        swap: dict[str, str] = opts.get("swap") or {}
        words = not opts.get("nonword")
        # Literal keys share the term index, unless a pattern key is there too: then all go
        # into one alternation, longest first, so that 'MPL 2.0' wins over 'MPL' (Vale's order)
        literal = {} if self.raw or not all(map(is_literal, swap)) else dict(swap)
        self.terms: TermFinder | None = (
            terms(shared, spec.id, self.ignorecase, words, literal.items()) if literal else None)
        self.keys = sorted((k for k in swap if k not in literal), key=len, reverse=True)
        self.values = [swap[k] for k in self.keys]
        self.pattern = None
        if self.keys:
            # The user's own groups become non-capturing so group i+1 is key i.
            groups = "|".join("(" + _USER_GROUP.sub("(?:", k) + ")" for k in self.keys)
            body = rf"\b(?:{groups})\b" if words else f"(?:{groups})"
            self.pattern = check_regex(body, self.ignorecase, ["swap"])
        # (the rule's groups tell which key matched: scanned, under the time budget)
        self.finder: UserFinder | None = None if self.pattern is None else user_pattern(
            shared, spec.id, self.pattern, self.pattern.pattern, self.ignorecase, anchored=False)
        self.key_patterns = [check_regex(k, self.ignorecase, []) for k in self.keys]

    def _hit(self, start: int, end: int, observed: str, expected: str) -> Hit | None:
        if self.exceptions.excludes(observed):
            return None
        if self.vocab and self.shared.accept and self.shared.accepted(observed):
            return None
        options = expected.split("|")
        # the whole replacement first: a pattern with its own alternation
        # ('\*\*(?:Caution|Warning):\*\*') is one pattern, not options cut at each '|'
        if self._reads_as(expected, observed) or any(
                self._reads_as(option, observed) for option in options):
            return None
        if self.capitalize and observed[:1].isupper():
            options = [o[:1].upper() + o[1:] for o in options]
        shown = to_sentence(options) if self.quote_options else "|".join(options)
        fix = options[0] if self.fixable and len(options) == 1 else None
        return Hit(start, end, (shown, observed), fix)

    @staticmethod
    def _reads_as(option: str, observed: str) -> bool:
        """Vale's matchToken: a replacement of letters only must be equal; any other is a
        pattern the text may already fit (``[Oo]bservability``), in its own case, as Vale's
        fixtures have it ('mpl 2.0' is not 'MPL 2.0' even under ignorecase)."""
        if option.isalpha():
            return option == observed
        try:
            pattern = check_regex(option, False, [])
        except KindError:
            return option == observed
        return pattern.fullmatch(observed) is not None

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.doc.text if self.raw else ctx.text
        if self.terms is not None:
            for s, e, value in self.terms.hits(ctx):
                hit = self._hit(s, e, text[s:e], value)
                if hit:
                    yield hit
        if self.finder is None:
            return
        for m in self.finder.finditer(ctx, text=text if self.raw else None):
            if m.end() == m.start():
                continue
            index = next(i for i, g in enumerate(m.groups()) if g is not None)
            expected = self.values[index]
            if "$" in expected:  # expand $1 … from the key's own groups
                expected = _expand(self.key_patterns[index], m.group(), expected)
            hit = self._hit(m.start(), m.end(), m.group(), expected)
            if hit:
                yield hit


def _expand(key: Any, observed: str, expected: str) -> str:
    """``$1`` … in a replacement, filled from the key's own groups (missing groups: empty)."""
    km = key.fullmatch(observed)
    if km is None:
        return expected

    def group(d: re.Match[str]) -> str:
        n = int(d.group(1))
        return str(km.group(n) or "") if n <= (key.groups or 0) else ""

    return str(_DOLLAR.sub(group, expected))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Substitution(spec, shared)
