"""``statistics`` (``--statistics``): one line per rule with its count, like ruff's.

Columns: count (right-aligned), rule id, severity, then the rule's short description (or, for
a rule without metadata, the message of one finding). Sorted by count, most first, then
by rule id so equal counts print in a stable order.
"""

from __future__ import annotations

from collections import Counter

from ..core.model import FileResult, Violation
from .base import Formatter
from .escape import shown_text


def _short(text: str) -> str:
    text = " ".join(text.split())
    head, dot, _ = text.partition(". ")
    return head + ("." if dot else "")


class Statistics(Formatter):
    name = "statistics"

    def render(self, results: list[FileResult]) -> None:
        counts: Counter[str] = Counter()
        first: dict[str, Violation] = {}
        for r in results:
            for v in r.violations:
                counts[v.rule] += 1
                # A path override can change a rule's severity: show the highest one seen.
                if v.rule not in first or v.severity > first[v.rule].severity:
                    first[v.rule] = v
        rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if not rows:
            return
        count_w = len(str(rows[0][1]))
        rule_w = max(len(rule) for rule, _ in rows)
        sev_w = max(len(str(first[rule].severity)) for rule, _ in rows)
        for rule, n in rows:
            v = first[rule]
            spec = self.ctx.rules.get(rule)
            about = _short(spec.description) if spec and spec.description.strip() else v.message
            line = f"{n:>{count_w}}  {rule:<{rule_w}}  {v.severity!s:<{sev_w}}  {shown_text(about)}"
            self.out.write(line.rstrip() + "\n")


FORMATS = (Statistics,)
