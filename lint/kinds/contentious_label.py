"""``contentious-label``: a label that takes sides (regime, terrorist, thug, tyrant …) in the
writer's own voice (MOS:LABEL), reported at every occurrence.

A label is the writer's unless someone else applies it: it stays quiet after a designation
verb with a subject or a "by" agent in the sentence ("The EU lists the group as a terrorist
organisation", "Biden called Putin a dictator", "he was described as a thug by police").
"so-called" is doubt, not a designation. In an editor's note, a correction or an update the
publication speaks for itself: its labels are its own whatever the verb ("Editor's note: this
story was updated to describe the regime's thugs"). Every other key is ``term-list``'s.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from ..analysis.context import Context
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.shared import SharedMatchers
from .base.rule import Hit, Rule
from .term_list import KEYS as TERM_KEYS
from .term_list import TermList
from .term_list import validate as validate_terms

NAME = "contentious-label"
KEYS = {**TERM_KEYS, "designations": schema.is_str_list, "window": schema.is_int}
# Verbs by which a named party applies a label (an editor may replace the list).
DESIGNATIONS = [
    "call",
    "calls",
    "called",
    "calling",
    "describe",
    "describes",
    "described",
    "describing",
    "label",
    "labels",
    "labelled",
    "labeled",
    "labelling",
    "labeling",
    "brand",
    "brands",
    "branded",
    "branding",
    "designate",
    "designates",
    "designated",
    "designating",
    "list",
    "lists",
    "listed",
    "listing",
    "classify",
    "classifies",
    "classified",
    "proscribe",
    "proscribes",
    "proscribed",
    "dub",
    "dubs",
    "dubbed",
    "term",
    "termed",
    "denounce",
    "denounces",
    "denounced",
    "accuse",
    "accuses",
    "accused",
    "condemn",
    "condemns",
    "condemned",
]
_WORD = re.compile(r"[\w’'-]+")
# an agent, "by police": where "\bby\s+\w" matches (two "by" cannot overlap)
_BY = re.compile(r"\bby(?=\s+\w)")
# a note in the publication's own voice, opening its paragraph
_EDITORS_NOTE = re.compile(
    r"[ \t*_>]*(?:editor['’]?s['’]?\s+note|note\s+to\s+readers|correction|clarification|update)"
    r"\b[^\n]{0,20}?:", re.IGNORECASE)
_PASSIVE = frozenset("is was are were be been being".split())


def validate(spec: RuleSpec) -> None:
    validate_terms(spec)


class ContentiousLabel(TermList):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec, shared)
        self.designations = frozenset(
            w.lower() for w in spec.options.get("designations", DESIGNATIONS)
        )
        self.window = int(spec.options.get("window", 10))

    def check(self, ctx: Context) -> Iterable[Hit]:
        # what a sentence or block answers, read once for all the labels in it
        self._starts: dict[int, list[int]] = {}  # a sentence: where its words start
        self._agents: dict[int, list[int]] = {}  # a sentence: where "by <someone>" starts
        self._notes: dict[int, bool] = {}  # a block: does it open as an editor's note
        return super().check(ctx)

    def keep(self, text: str, m: re.Match[str], s_start: int, s_end: int, ctx: Context) -> bool:
        if not super().keep(text, m, s_start, s_end, ctx):
            return False
        # an editor's note speaks for the publication: no one else applies its labels
        block = ctx.editorial.block_of(m.start()).start
        note = self._notes.get(block)
        if note is None:
            note = self._notes[block] = _EDITORS_NOTE.match(text, block) is not None
        return note or not self._designated(text, s_start, s_end, m.start())

    def _designated(self, text: str, s_start: int, s_end: int, start: int) -> bool:
        """A designation verb within ``window`` words before the label, applied by someone.
        The sentence's words are found once; only the last ``window`` + 1 before the label
        are read again (from a word's start the scan finds what it found from the sentence's,
        the last word cut at the label as there)."""
        starts = self._starts.get(s_start)
        if starts is None:
            starts = self._starts[s_start] = [
                w.start() for w in _WORD.finditer(text, s_start, s_end)]
        skipped = max(0, bisect_left(starts, start) - self.window - 1)
        frm = starts[skipped] if skipped else s_start
        words = list(_WORD.finditer(text, frm, start))
        for k in range(len(words) - 1, max(-1, len(words) - 1 - self.window), -1):
            w = words[k].group().lower()
            if w not in self.designations or (k > 0 and words[k - 1].group().lower() == "so"):
                continue
            if "so-called" in w:
                continue
            prev = words[k - 1].group().lower() if k > 0 else ""
            if prev in _PASSIVE or k + skipped == 0:
                # "was called a thug" needs its agent: "by police", "by the court"
                return self._agent_after(text, s_start, s_end, words[k].end())
            return True
        return False

    def _agent_after(self, text: str, s_start: int, s_end: int, at: int) -> bool:
        """``re.search(r"\\bby\\s+\\w", text[at:s_end])``: each "by" of the sentence found
        once (none can start at ``at``, right after a word, so the slice's edge changes
        nothing)."""
        found = self._agents.get(s_start)
        if found is None:
            found = self._agents[s_start] = [b.start() for b in _BY.finditer(text, s_start, s_end)]
        return bisect_left(found, at) < len(found)


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return ContentiousLabel(spec, shared)
