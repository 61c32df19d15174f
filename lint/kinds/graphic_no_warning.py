"""``graphic-no-warning`` (document level, H10): a piece with at least ``min`` graphic
descriptors ("dismembered", "severed limbs", "a pool of blood") and no content warning in its
first ``paragraphs`` blocks. Reports the first descriptor, once per document.

Words of ordinary war and crime reporting ("killed", "coffins", "a bloody battle") are not
descriptors; the list is for physical detail that needs signposting (policy reference 3.9).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match import finder
from ..match.shared import SharedMatchers
from .base.editorial import require_positive, word_list
from .base.rule import Hit, KindError, Rule

NAME = "graphic-no-warning"
KEYS = {
    "descriptors": schema.is_str_list, "extra_descriptors": schema.is_str_list,
    "warnings": schema.is_str_list, "min": schema.is_int, "paragraphs": schema.is_int,
}
WARNINGS = [
    r"warning", r"content\s+(?:warning|note)", r"trigger\s+warning", r"CW:", r"TW:",
    r"distressing", r"disturbing",
    r"graphic\s+(?:content|details?|images?|descriptions?|accounts?)",
    r"viewer\s+discretion", r"reader\s+discretion", r"some\s+readers\s+may",
]


def validate(spec: RuleSpec) -> None:
    if not word_list(spec, "descriptors", []):
        raise KindError("a graphic-no-warning rule needs 'descriptors' (regular expressions)")
    require_positive(spec, "min")
    for key in ("descriptors", "warnings"):
        for i, p in enumerate(spec.options.get(key) or []):
            try:
                re.compile(p)
            except re.error as exc:
                raise KindError(f"bad regular expression {p!r}: {exc}", [key, i]) from None


class GraphicNoWarning(Rule):
    PHRASE = False  # a count over the document, not a phrase (lint/kinds/__init__.py)

    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        self.descriptors = re.compile(
            r"(?<![\w-])(?:" + "|".join(word_list(spec, "descriptors", [])) + r")(?![\w-])",
            re.IGNORECASE,
        )
        # tried only where a descriptor's first word starts (when the regexes tell which)
        self.finder = finder.by_openers(shared, spec.id, self.descriptors)
        self.warning = re.compile(
            r"(?<![\w-])(?:" + "|".join(word_list(spec, "warnings", WARNINGS)) + r")", re.IGNORECASE
        )
        self.min = int(spec.options.get("min", 2))
        self.paragraphs = int(spec.options.get("paragraphs", 2))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        found = list(self.finder.finditer(ctx))
        if len(found) < self.min:
            return
        blocks = [b for b in ctx.editorial.blocks if text[b.start : b.end].strip()]
        for b in blocks[: self.paragraphs]:
            if self.warning.search(text, b.start, b.end):
                return
        first = found[0]
        yield Hit(first.start(), first.end(), (first.group(), len(found)))


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return GraphicNoWarning(spec, shared)
