"""Suppression comments, in every format, and the whole-file switch in front matter.

``<!-- copydesk-disable [RULE, …] -->`` silences from there until a matching
``<!-- copydesk-enable [RULE, …] -->``; ``<!-- copydesk-disable-next-line [RULE, …] -->``
silences the following line; ``copydesk: disable [RULE, …]`` in front matter silences the
file. No rule means every rule; a pack (or category) name means all of its rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lint.document import Document
from lint.model import Violation
from lint.packs.spec import RuleSpec

_COMMENT = re.compile(
    r"<!--\s*copydesk-(disable-next-line|disable|enable)\b([^>]*?)\s*-->", re.IGNORECASE
)
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)
_FRONT_SWITCH = re.compile(r"^copydesk:\s*disable\b[ \t]*(.*?)\s*$", re.M)

ALL = ("*",)


def _names(raw: str) -> tuple[str, ...]:
    names = tuple(n for n in re.split(r"[\s,]+", raw.strip()) if n)
    return names or ALL


def applies(names: tuple[str, ...], spec: RuleSpec) -> bool:
    return names == ALL or any(n in (spec.id, spec.pack, spec.category) for n in names)


@dataclass
class Suppressions:
    ranges: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    next_lines: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)  # 1-based lines
    file_names: tuple[str, ...] = ()

    @property
    def whole_file_all(self) -> bool:
        return self.file_names == ALL

    def file_disables(self, spec: RuleSpec) -> bool:
        return bool(self.file_names) and applies(self.file_names, spec)

    @classmethod
    def parse(cls, doc: Document) -> Suppressions:
        text = doc.text
        found = cls()
        front = _FRONT.match(text)
        if front:
            switch = _FRONT_SWITCH.search(front.group(1))
            if switch:
                found.file_names = _names(switch.group(1))
        if "copydesk-" not in text:
            return found
        open_at: dict[tuple[str, ...], int] = {}
        for m in _COMMENT.finditer(text):
            verb, names = m.group(1).lower(), _names(m.group(2))
            if verb == "disable-next-line":
                found.next_lines.append((doc.lines.line_of(m.start()) + 2, names))
            elif verb == "disable":
                open_at.setdefault(names, m.end())
            else:
                closing = [k for k in open_at if names == ALL or k == names]
                for k in closing:
                    found.ranges.append((open_at.pop(k), m.start(), k))
        for names, start in open_at.items():
            found.ranges.append((start, len(text), names))
        return found

    def hides(self, v: Violation, spec: RuleSpec, doc: Document) -> bool:
        for start, end, names in self.ranges:
            if start <= v.offset < end and applies(names, spec):
                return True
        if self.next_lines:
            line = doc.lines.line_of(v.offset) + 1
            return any(line == n and applies(names, spec) for n, names in self.next_lines)
        return False
