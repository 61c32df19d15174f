"""``--fix`` where a file is linted (in this process or a worker): which fixes, and what remains.

:func:`fix_file` takes a linted text and its findings, chooses the fixes
(:mod:`copydesk.run.fixes`),
keeps back any that reach into a region where its rule is suppressed, and lints the fixed text
again: the findings of that text are what the run reports once the file is written. What
goes back to the command (:class:`FileFixes`) is small: a digest of the bytes that were linted,
the replacements, and the findings of the text as read (reported if the file is not written).
The command re-reads the file, writes it only if its bytes still have that digest, and makes
the same replacements with the same pure function; a worker never writes and never formats.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass

from ..core.model import FileResult, Replacement, Severity, Violation
from ..text.document import Document, build_document
from .engine import RuleSet
from .fixes import Blocked, apply, choose, single
from .session import lint_text
from .suppress import Suppressions


@dataclass
class FileFixes:
    """The fixes chosen for one file, and how to tell it is still the file that was read."""

    digest: bytes  # SHA-256 of the bytes linted (BOM included)
    replacements: tuple[Replacement, ...]  # sorted and disjoint, in code points of the text
    before: FileResult  # the findings of the text as read


def digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def fix_file(
    path: str, text: str, result: FileResult, ruleset: RuleSet, fmt: str | None, shown: Severity
) -> tuple[tuple[Replacement, ...], FileResult | None]:
    """The replacements to make in ``text`` (from ``result``'s shown findings) and the result of
    linting the fixed text (findings below ``shown`` dropped); ``((), None)`` when there is
    nothing to fix, or when the fixed text cannot be linted (said as a warning on ``result``)."""
    if result.error or not any(single(v) for v in result.violations):
        return (), None
    try:
        doc = build_document(path, text, fmt)
        replacements = tuple(choose(result.violations, suppressed(doc, ruleset)))
        if not replacements:
            return (), None
        after = lint_text(path, apply(text, replacements), ruleset, fmt)
    except Exception as exc:  # a bug here costs this file its fixes, not the run
        result.warnings.append(
            f"1:1: fixes not applied: copydesk failed checking the fixed text "
            f"({type(exc).__name__}: {exc}); this is a bug in copydesk: please report it"
        )
        return (), None
    after.violations = [v for v in after.violations if v.severity >= shown]
    return replacements, after


def suppressed(doc: Document, ruleset: RuleSet) -> Blocked:
    """Is a replacement off limits: does it reach into text where its finding's rule is
    switched off (a ``copydesk-disable`` or Vale region, a ``disable-next-line`` or
    ``disable-line`` line), or across a suppression comment (any rule's)? The engine drops
    findings that start in such text; this keeps a fix that starts outside from rewriting it.
    What is switched off where is the suppression mechanism's own answer (run/suppress.py)."""
    found = Suppressions.parse(doc)
    specs = {r.spec.id: r.spec for r in ruleset.rules}
    switches = found.switches  # where a comment switches rules
    names = sorted(offset for offset, _ in found.named)  # where a comment names a rule

    def blocked(v: Violation, r: Replacement) -> bool:
        spec = specs.get(v.rule)
        if spec is None:
            return True  # not a rule of this file's set: nothing to judge it by
        start, end = r.offset, max(r.end_offset, r.offset + 1)  # an insertion: its point
        i, j = bisect_left(switches, start + 1), bisect_left(names, start)
        if (i < len(switches) and switches[i] < r.end_offset) or (
            j < len(names) and names[j] < end
        ):
            return True  # the span runs across a suppression comment
        if any(s < end and start < e for s, e in found.disabled(spec)):
            return True
        if found.next_lines or found.same_lines:
            first = doc.lines.line_of(start) + 1
            last = doc.lines.line_of(max(start, r.end_offset - 1)) + 1
            return any(found.silences_line(n, spec) for n in range(first, last + 1))
        return False

    return blocked
