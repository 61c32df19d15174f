"""Suppression comments, in every format, and the whole-file switch in front matter.

``<!-- copydesk-disable [RULE, …] -->`` silences from there until an
``<!-- copydesk-enable [RULE, …] -->`` that covers the rule; ``<!-- copydesk-disable-next-line
[RULE, …] -->`` silences the line after the comment and ``<!-- copydesk-disable-line [RULE, …]
-->`` the line the comment starts on (written at its end); ``copydesk: disable [RULE, …]`` in
front matter silences the file. No rule means every rule; a pack (or category) name means all of
its rules. Vale's comments (``<!-- vale off -->``, ``<!-- vale Style.Rule = NO -->`` …) are
honoured too (:mod:`copydesk.run.vale_comments`). The comments are read from the source text, so
they work the same in Markdown, HTML and plain text; a comment inside a Markdown code region is
an example, not a directive.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from ..core.model import Violation
from ..core.rule_spec import RuleSpec
from ..text.document import Document
from .comment_scan import directives
from .vale_comments import PREFIX as VALE_PREFIX
from .vale_comments import ValeComments

# what opens a directive; the comment runs to its "-->" (copydesk.run.comment_scan)
_PREFIX = re.compile(
    r"<!--\s*copydesk-(disable-next-line|disable-line|disable|enable)\b", re.IGNORECASE
)
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_FRONT_SWITCH = re.compile(r"^copydesk:[ \t]*disable\b[ \t]*(.*?)[ \t]*\r?$", re.M)

ALL = ("*",)
_NAME = re.compile(r"[^\s,\[\]\"']+")


def _names(raw: str) -> tuple[str, ...]:
    names = tuple(n for n in re.split(r"[\s,]+", raw.strip().strip("[]")) if n)
    return names or ALL


def applies(names: tuple[str, ...], spec: RuleSpec) -> bool:
    return names == ALL or any(n in (spec.id, spec.pack, spec.category) for n in names)


@dataclass
class Suppressions:
    # (offset, disable?, names) in source order: a rule's state at an offset is the last
    # event before it that names the rule, so `disable` then `enable RULE` re-enables one rule.
    events: list[tuple[int, bool, tuple[str, ...]]] = field(default_factory=list)
    next_lines: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)  # 1-based lines
    same_lines: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)  # 1-based lines
    vale: ValeComments = field(default_factory=ValeComments)
    file_names: tuple[str, ...] = ()
    # every name a comment or the front matter gives, with the offset where it was written
    named: list[tuple[int, str]] = field(default_factory=list)
    _ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

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
                found.file_names = _names(switch.group(1).strip("\"'"))
                found._name(switch.group(1), front.start(1) + switch.start(1))
        if "<!--" not in text:
            return found  # (every comment opens "<!--": most files have none to lower-case)
        lowered = text.lower()
        ours, vale = "copydesk-" in lowered, "vale" in lowered
        if not (ours or vale):
            return found
        code = sorted((r.start, r.end) for r in doc.regions_of("code"))
        for d in directives(text, VALE_PREFIX) if vale else ():
            if not _within(code, d.start):
                found.vale.read(d.start, d.end, text[d.body : d.body_end], d.body)
        found.named.extend(found.vale.named)
        for d in directives(text, _PREFIX) if ours else ():
            if _within(code, d.start):
                continue
            raw = text[d.body : d.body_end]
            verb, names = d.head.group(1).lower(), _names(raw)
            found._name(raw, d.body)
            if verb == "disable-next-line":
                # the line after the one the comment ends on (0-based line + 2 = 1-based next)
                found.next_lines.append((doc.lines.line_of(d.end - 1) + 2, names))
            elif verb == "disable-line":
                # the line the comment starts on: it is written at the end of that line
                found.same_lines.append((doc.lines.line_of(d.start) + 1, names))
            elif verb == "disable":
                found.events.append((d.end, True, names))
            else:
                found.events.append((d.start, False, names))
        return found

    def _name(self, raw: str, offset: int) -> None:
        """Record each name of ``raw`` (written at ``offset``) where it stands."""
        self.named.extend((offset + m.start(), m.group()) for m in _NAME.finditer(raw))

    def unknown(self, known: frozenset[str]) -> list[tuple[int, str]]:
        """(offset, name) of each name that matches no loaded rule, pack or category."""
        return sorted((offset, n) for offset, n in self.named if known and n not in known)

    @property
    def problems(self) -> list[tuple[int, str]]:
        """(offset, message) of each comment that looks like a directive but is not one."""
        return self.vale.problems

    def disabled(self, spec: RuleSpec) -> list[tuple[int, int]]:
        """Sorted [start, end) source spans where ``spec`` is switched off."""
        if spec.id not in self._ranges:
            spans: list[tuple[int, int]] = []
            start: int | None = None
            for offset, disable, names in self.events:
                if not applies(names, spec):
                    continue
                if disable and start is None:
                    start = offset
                elif not disable and start is not None:
                    spans.append((start, offset))
                    start = None
            if start is not None:
                spans.append((start, 1 << 62))
            if self.vale.events:
                spans = _union(spans, self.vale.disabled(spec))
            self._ranges[spec.id] = spans
        return self._ranges[spec.id]

    @property
    def switches(self) -> list[int]:
        """Sorted offsets where a comment switches rules off or on (copydesk's and Vale's)."""
        ours = {offset for offset, _, _ in self.events}
        return sorted(ours | {e.offset for e in self.vale.events})

    def silences_line(self, line: int, spec: RuleSpec) -> bool:
        """Does a next-line or same-line comment silence ``spec`` on 1-based ``line``?"""
        return any(applies(names, spec) for names in self._by_line.get(line, ()))

    def hides(self, v: Violation, spec: RuleSpec, doc: Document) -> bool:
        if (self.events or self.vale.events) and _within(self.disabled(spec), v.offset):
            return True
        if self.vale.any_matches and self.vale.hides_match(
            spec, v.offset, doc.text[v.offset : v.end_offset]
        ):
            return True
        if self.next_lines or self.same_lines:
            return self.silences_line(doc.lines.line_of(v.offset) + 1, spec)
        return False

    @cached_property
    def _by_line(self) -> dict[int, list[tuple[str, ...]]]:
        """1-based line -> the names of each comment that silences it (a lookup per finding,
        not a pass over every comment: a file can have one on each of thousands of lines)."""
        out: dict[int, list[tuple[str, ...]]] = {}
        for n, names in (*self.next_lines, *self.same_lines):
            out.setdefault(n, []).append(names)
        return out


def _within(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(spans, (offset, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _union(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two sorted span lists as one sorted list of disjoint spans."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(a + b):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
