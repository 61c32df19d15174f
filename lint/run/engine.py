"""Run compiled rules over a document: scope filtering, messages, limits, fixes, suppression.

Hits arrive in view coordinates and leave as Violations in source coordinates; nothing here
searches the text again to find a position.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..analysis import scopes
from ..analysis.context import Context, overlaps
from ..core.model import Fix, Replacement, Severity, Violation
from ..core.rule_spec import RuleSpec
from ..kinds import KINDS
from ..kinds.base.rule import Hit, Rule
from ..match.patterns import RuleTimeout
from ..match.shared import SharedMatchers
from ..packs.load import rule_where
from ..text.document import Document
from ..text.prose import ProseText
from .messages import format_message


@dataclass
class RuleSet:
    """The compiled rules of a run, with their effective severities."""

    rules: list[Rule]
    severity: dict[str, Severity]
    shared: SharedMatchers = field(default_factory=SharedMatchers)
    # every rule id, pack and category of the packs loaded (selected or not): a suppression
    # comment naming anything else is a typo worth a warning
    known: frozenset[str] = frozenset()
    # a Vale project's BlockIgnores and TokenIgnores, compiled: text no rule reports in
    ignore_patterns: tuple[Any, ...] = ()
    # and the kinds of region (IgnoredScopes, SkippedScopes) and the HTML classes
    # (IgnoredClasses) no rule reports in
    left_out: frozenset[str] = frozenset()
    ignored_classes: frozenset[str] = frozenset()

    def by_id(self) -> dict[str, Rule]:
        return {r.spec.id: r for r in self.rules}

    @cached_property
    def yields(self) -> dict[str, tuple[str, ...]]:
        """Rule id -> the rules it yields to (``yields_to``), for the rules that name any."""
        return {r.spec.id: r.spec.yields_to for r in self.rules if r.spec.yields_to}


def compile_rules(
    specs: Iterable[RuleSpec],
    severity: dict[str, Severity] | None = None,
    accept: Iterable[str] = (),
) -> RuleSet:
    from ..match.patterns import compile_user

    shared = SharedMatchers(accept=[compile_user(a) for a in accept])
    rules = [KINDS[spec.extends].compile(spec, shared) for spec in specs]
    shared.prepare()
    sev = {r.spec.id: r.spec.severity for r in rules}
    sev.update(severity or {})
    return RuleSet(rules, sev, shared)


@dataclass
class CheckResult:
    violations: list[Violation]
    errors: list[str]
    warnings: list[str] = field(default_factory=list)


def check_document(doc: Document, ruleset: RuleSet) -> CheckResult:
    from .suppress import Suppressions

    ctx = Context(doc, ruleset.shared)
    suppress = Suppressions.parse(doc)
    out: list[Violation] = []
    errors: list[str] = []
    # a suppression that silences nothing is said, at its line:col: a misspelt name, or a Vale
    # comment that is not one of Vale's forms
    said = [
        (offset, f"suppression names '{name}': no loaded rule, pack or category has this name")
        for offset, name in suppress.unknown(ruleset.known)
    ]
    warnings = [
        "{}:{}: {}".format(*doc.lines.position(offset), message)
        for offset, message in sorted([*said, *suppress.problems])
    ]
    if suppress.whole_file_all:
        return CheckResult(out, errors, warnings)
    ignored: list[tuple[int, int]] = []
    if ruleset.ignore_patterns:
        try:
            ignored = _ignored_spans(doc.text, ruleset.ignore_patterns)
        except RuleTimeout as exc:  # the project's own pattern: its error, said per file
            errors.append(f"a BlockIgnores or TokenIgnores pattern: {exc} on this file")
    if ruleset.left_out or ruleset.ignored_classes:
        ignored = _with_regions(ignored, doc, ruleset.left_out, ruleset.ignored_classes)
    for rule in ruleset.rules:
        spec = rule.spec
        if suppress.file_disables(spec):
            continue
        try:
            found = _run(rule, ctx, ruleset.severity[spec.id])
        except RuleTimeout as exc:
            # a pack author's pattern that runs away is their error to fix (exit 2, pointing
            # at the rule); a built-in rule out of time on some input is ours, not the user's
            # setup's: it is said, and the run goes on as if the rule had found nothing
            message = f"rule {spec.id}: {exc} on this file; rule skipped"
            if is_builtin(spec):
                warnings.append(f"1:1: {message} (a built-in rule: please report the input)")
            else:
                errors.append(f"{rule_where(spec)}: {message}")
            continue
        except Exception as exc:  # a bug in a rule costs that rule on this file, not the run
            errors.append(
                f"{rule_where(spec)}: rule {spec.id} failed on this file "
                f"({type(exc).__name__}: {exc}); rule skipped. This is a bug in copydesk: "
                "please report it"
            )
            continue
        kept = [v for v in found if not suppress.hides(v, spec, doc)]
        if ignored:
            kept = [v for v in kept if not overlaps(ignored, v.offset, v.end_offset)]
        if spec.once:
            kept = _once(kept, doc.text)
        out.extend(kept[: spec.limit] if spec.limit else kept)  # Vale: at most `limit` per file
    out = _yield(out, ruleset.yields)
    out.sort(key=Violation.sort_key)
    return CheckResult(out, errors, warnings)


def _ignored_spans(text: str, patterns: tuple[Any, ...]) -> list[tuple[int, int]]:
    """Where a Vale project's BlockIgnores and TokenIgnores match the source text (under the
    time budget of every pack pattern: RuleTimeout past it)."""
    from ..analysis.context import merge
    from ..match.patterns import finditer

    return merge([m.span() for p in patterns for m in finditer(p, text) if m.end() > m.start()])


def _with_regions(ignored: list[tuple[int, int]], doc: Document, kinds: frozenset[str],
                  classes: frozenset[str]) -> list[tuple[int, int]]:
    """``ignored`` and the regions of ``kinds``, or of an HTML element with one of ``classes``."""
    from ..analysis.context import merge

    spans = [(r.start, r.end) for r in doc.regions if r.kind in kinds or (
        r.kind == "classed" and not classes.isdisjoint(r.key.split()))]
    return merge([*ignored, *spans]) if spans else ignored


def is_builtin(spec: RuleSpec) -> bool:
    """Does the rule come from one of copydesk's own packs (not a user's, whatever its name)?"""
    from pathlib import Path

    from ..packs.locate import builtin_dir

    return bool(spec.source) and Path(spec.source).resolve().parent == builtin_dir().resolve()


def _once(found: list[Violation], text: str) -> list[Violation]:
    """The first finding of each wording ("the officials said" is one query per story)."""
    seen: set[str] = set()
    out = []
    for v in found:
        words = " ".join(text[v.offset : v.end_offset].lower().split())
        if words not in seen:
            seen.add(words)
            out.append(v)
    return out


def _yield(found: list[Violation], yields: dict[str, tuple[str, ...]]) -> list[Violation]:
    """Drop a finding whose rule yields to another rule with a finding on the same words, or
    on the words right next to them (one space apart: "so-called “peace plan”"): two rules on
    one wording give one finding, the more specific one."""
    if not yields:
        return found
    spans: dict[str, list[tuple[int, int]]] = {}
    for v in found:
        spans.setdefault(v.rule, []).append((v.offset, v.end_offset))
    return [v for v in found if not any(
        s <= v.end_offset + 1 and v.offset <= e + 1
        for other in yields.get(v.rule, ()) for s, e in spans.get(other, ())
    )]


def _run(rule: Rule, ctx: Context, severity: Severity) -> list[Violation]:
    spec = rule.spec
    where = None if rule.raw else scopes.plan(spec.scope, ctx, vale=scopes.is_vale_style(spec))
    prose = ctx.doc.prose
    # the project's accepted vocabulary silences a term in every rule that opts in (the default)
    accept = ctx.shared.accept and spec.options.get("vocab", True)
    source = ctx.doc.text if rule.raw else ctx.text
    # a phrase never runs from one block into the next ("… many\n\nexperts say")
    crosses = ctx.block_bounds.crosses if rule.PHRASE and not rule.raw else None
    out = []
    for hit in _hits(rule, ctx):
        if where is not None and not where.allows(hit.start, hit.end):
            continue
        if crosses is not None and crosses(hit.start, hit.end):
            continue
        if accept and ctx.shared.accepted(source[hit.start : hit.end]):
            continue
        start, end = (hit.start, hit.end) if rule.raw else prose.to_source(hit.start, hit.end)
        fix = None
        if hit.replacement is not None or (spec.action and spec.action.name == "remove"):
            text = hit.replacement if hit.replacement is not None else ""
            fix = Fix((Replacement(start, end, text),))
        elif spec.action and spec.action.name == "replace" and len(spec.action.params) == 1:
            fix = Fix((Replacement(start, end, spec.action.params[0]),))
        out.append(
            Violation(
                rule=spec.id,
                category=spec.category,
                severity=Severity(max(severity - hit.lower, Severity.SUGGESTION))
                if hit.lower
                else severity,
                message=format_message(rule.message, hit.args),
                offset=start,
                end_offset=end,
                url=spec.link,
                fix=fix,
            )
        )
    out.sort(key=Violation.sort_key)
    return out


def _hits(rule: Rule, ctx: Context) -> Iterable[Hit]:
    """The rule's hits on the view; a pattern kind scoped to blocks (headings, cells, list
    items …) runs on each block's own text, as Vale does: ``^`` and ``$`` anchor at the
    block's edges and no match runs from one block into the next."""
    if rule.raw or rule.spec.extends not in scopes.BLOCKWISE_KINDS:
        return rule.check(ctx)
    spans = scopes.blocks(rule.spec.scope, ctx)
    if spans is None:
        return rule.check(ctx)
    return _blockwise(rule, ctx, spans)


def _blockwise(rule: Rule, ctx: Context, spans: list[tuple[int, int]]) -> Iterable[Hit]:
    seen: set[tuple[int, int]] = set()
    for start, end in spans:
        piece = ctx.text[start:end]
        block = Document(ctx.doc.path, piece, "text", ProseText(piece, len(piece)))
        for hit in rule.check(Context(block, ctx.shared)):
            key = (hit.start + start, hit.end + start)
            if key not in seen:  # nested blocks (an item's paragraph) see a match twice
                seen.add(key)
                yield hit._replace(start=key[0], end=key[1])
