"""Vale's suppression comments, read the way Vale reads them, for the rules copydesk loads.

``<!-- vale off -->`` / ``<!-- vale on -->`` switch every rule off and back on;
``<!-- vale Style.Rule = NO -->`` / ``= YES`` (or ``off`` / ``on``) one rule from there on,
``<!-- vale Style = NO -->`` a whole style, ``<!-- vale Style.Rule["a", "b"] = NO -->`` only
the findings whose matched text is ``a`` or ``b``, and ``<!-- vale styles = A, B -->`` leaves
only those styles on. A Vale style is a copydesk pack: a Vale-style folder ``Style/Rule.yml``
loads as the pack ``Style`` with the rule ``Style.Rule`` (``packs/load.py``), and a built-in
rule is named the same way (``citations.tk``), so a name is taken as written and matches a
rule id, a pack or a category.

As in Vale, ``vale off`` is a switch of its own: ``vale on`` ends it but leaves a rule or style
set to ``NO`` off, and while it is off no ``= YES`` brings a rule back. Between rule and style
settings the last one that names the rule decides. A comment lies inside the span it opens
or closes, so in plain text (where a comment is text) the comment itself is never flagged by a
rule it switches. Unlike Vale, a ``scope: raw`` rule is switched like any other. (Vale's
``.. vale`` rst and AsciiDoc forms do not apply: copydesk reads Markdown, HTML and plain text.)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..core.rule_spec import RuleSpec

PREFIX = re.compile(r"<!--\s*vale\s+", re.IGNORECASE)  # what opens one (copydesk.run.comment_scan)
_SWITCH = re.compile(r"(off|on)", re.IGNORECASE)
_SET = re.compile(
    r"(?P<name>[^\s=\[\]\"',]+)\s*(?:\[(?P<matches>(?:[^\]\"]|\"(?:[^\"\\]|\\.)*\")*)\])?"
    r"\s*=\s*(?P<state>yes|no|on|off)",
    re.IGNORECASE,
)
_STYLES = re.compile(r"styles?\s*=\s*(?P<list>[^\s=\[\]\"',]+(?:\s*,\s*[^\s=\[\]\"',]+)*)",
                     re.IGNORECASE)
_QUOTED = re.compile(r"\s*\"((?:[^\"\\]|\\.)*)\"\s*(?:,|\Z)")
_WORD = re.compile(r"[^\s,]+")


@dataclass(frozen=True)
class Event:
    offset: int
    kind: str  # "off" | "on" | "set" (one name) | "styles" (the styles left on)
    names: tuple[str, ...] = ()
    disable: bool = False
    matches: tuple[str, ...] = ()  # "set" of only these matched texts


def _names_of(spec: RuleSpec) -> tuple[str, str, str]:
    return spec.id, spec.pack, spec.category


@dataclass
class ValeComments:
    events: list[Event] = field(default_factory=list)
    named: list[tuple[int, str]] = field(default_factory=list)  # (offset, name) as written
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset, message)
    any_matches: bool = False  # is there a `Rule["…"] = NO` (or YES) at all?
    _spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _matches: dict[str, tuple[list[int], list[frozenset[str]]]] = field(default_factory=dict)

    def read(self, start: int, end: int, body: str, at: int) -> None:
        """Take in one ``<!-- vale BODY -->`` comment: [start, end) in the source, ``body`` (the
        text after ``vale``, trimmed) at offset ``at``."""
        if _SWITCH.fullmatch(body):
            off = body.lower() == "off"
            self.events.append(Event(start if off else end, "off" if off else "on"))
            return
        if found := _SET.fullmatch(body):
            disable = found.group("state").lower() in ("no", "off")
            matches: tuple[str, ...] = ()
            if found.group("matches") is not None:
                parsed = _quoted(found.group("matches"))
                if parsed is None:
                    self._not_understood(body, at)
                    return
                matches = parsed
                self.any_matches = True
            self.named.append((at + found.start("name"), found.group("name")))
            offset = start if disable else end
            self.events.append(Event(offset, "set", (found.group("name"),), disable, matches))
            return
        if found := _STYLES.fullmatch(body):
            words = list(_WORD.finditer(found.group("list")))
            base = at + found.start("list")
            self.named.extend((base + w.start(), w.group()) for w in words)
            self.events.append(Event(end, "styles", tuple(w.group() for w in words)))
            return
        if "=" in body or not any(c.isspace() for c in body):
            # an attempt at a directive (``vale of``, ``vale X.Y = N``): silence nothing, say so
            self._not_understood(body, at)

    def _not_understood(self, body: str, offset: int) -> None:
        shown = " ".join(body.split())
        self.problems.append((offset, f"Vale comment 'vale {shown}' not understood; it is ignored"
                              " (vale off | vale on | vale Style.Rule = NO | vale Style = YES)"))

    def disabled(self, spec: RuleSpec) -> list[tuple[int, int]]:
        """Sorted, disjoint [start, end) source spans where the comments switch ``spec`` off."""
        if spec.id in self._spans:
            return self._spans[spec.id]
        names = _names_of(spec)
        spans: list[tuple[int, int]] = []
        off, named, styles = False, False, None  # styles: those `vale styles =` leaves on
        start: int | None = None
        for e in self.events:
            if e.kind in ("off", "on"):
                off = e.kind == "off"
            elif e.kind == "styles":
                styles = e.names
            elif e.matches or e.names[0] not in names:
                continue
            else:
                named = e.disable
            hidden = off or named or (styles is not None and not any(
                n in styles for n in (spec.pack, spec.category)))
            if hidden and start is None:
                start = e.offset
            elif not hidden and start is not None:
                if start < e.offset:
                    spans.append((start, e.offset))
                start = None
        if start is not None:
            spans.append((start, 1 << 62))
        self._spans[spec.id] = spans
        return spans

    def hides_match(self, spec: RuleSpec, offset: int, matched: str) -> bool:
        """Is ``matched`` (a finding's text at ``offset``) one a ``Rule["…"] = NO`` turns off?"""
        if spec.id not in self._matches:
            names = _names_of(spec)
            offsets: list[int] = []
            states: list[frozenset[str]] = []
            current: frozenset[str] = frozenset()
            for e in self.events:
                if e.kind == "set" and e.matches and e.names[0] in names:
                    current = current | set(e.matches) if e.disable else current - set(e.matches)
                    offsets.append(e.offset)
                    states.append(current)
            self._matches[spec.id] = (offsets, states)
        offsets, states = self._matches[spec.id]
        i = bisect_right(offsets, offset) - 1
        return i >= 0 and matched in states[i]


def _quoted(raw: str) -> tuple[str, ...] | None:
    """``"a", "b"`` as ("a", "b"); None when it is not a list of double-quoted strings."""
    out: list[str] = []
    pos = 0
    raw = raw.strip()
    while pos < len(raw):
        m = _QUOTED.match(raw, pos)
        if not m:
            return None
        out.append(re.sub(r"\\(.)", r"\1", m.group(1)))
        pos = m.end()
    return tuple(out) or None
