"""``copydesk test-rules``: run the ``tests:`` written inside each rule (Vale's schema).

A case is ``name``, ``input`` (and optional ``format``) with one or more of:
``want`` (the exact findings of this rule, as ``line:col`` or ``line:col:message`` strings;
``[]`` means none), ``contains`` (texts the rule must flag, each equal to a finding's match),
``absent`` (texts no finding of the rule may contain). ``--coverage`` also fails a rule that
has no case that makes it fire.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import click

from ..core.errors import CopydeskError
from ..core.model import FileResult
from ..core.positions import LineIndex
from ..core.rule_spec import RuleSpec, RuleTest
from ..packs.load import rule_where
from ..text import readers


@dataclass
class Outcome:
    rule: str
    test: str
    passed: bool
    detail: str = ""


def _lines(result: FileResult) -> list[tuple[str, str, str]]:
    index = LineIndex(result.text)
    out = []
    for v in result.violations:
        line, col = index.position(v.offset)
        out.append(
            (f"{line}:{col}", f"{line}:{col}:{v.message}", result.text[v.offset : v.end_offset])
        )
    return out


def run_case(spec: RuleSpec, case: RuleTest) -> Outcome:
    from .engine import compile_rules
    from .session import lint_text

    ruleset = compile_rules([spec])
    result = lint_text(
        f"test{readers.suffix_for(case.format)}", case.input, ruleset
    )
    if result.error:
        return Outcome(spec.id, case.name, False, result.error)
    found = _lines(result)
    problems = []
    if case.want is not None:
        got = sorted(
            full if any(w.count(":") >= 2 for w in case.want) else short for short, full, _ in found
        )
        if got != sorted(case.want):
            problems.append(f"want {sorted(case.want)}, got {got}")
    matched = [m for _, _, m in found]
    for text in case.contains:
        if text not in matched:
            problems.append(f"expected a finding on {text!r}, got {matched}")
    for text in case.absent:
        if any(text in m or m in text for m in matched if m):
            problems.append(f"{text!r} must not be flagged, got {matched}")
    return Outcome(spec.id, case.name, not problems, "; ".join(problems))


def fires(case: RuleTest) -> bool:
    return bool(case.contains) or bool(case.want)


def _target_specs(target: str | None) -> list[RuleSpec]:
    from ..packs.load import load_pack
    from ..packs.locate import builtin_pack_names, builtin_pack_path

    if target is None:
        paths = [builtin_pack_path(n) for n in builtin_pack_names()]
    elif builtin_pack_path(target) is not None:
        paths = [builtin_pack_path(target)]
    elif Path(target).exists():
        paths = [Path(target)]
    else:
        raise CopydeskError(f"no pack, file or folder named '{target}'")
    return [s for p in paths if p is not None for s in load_pack(p).rules]


def run_rule_tests(target: str | None, coverage: bool, fmt: str) -> int:
    try:
        specs = _target_specs(target)
    except CopydeskError as exc:
        click.echo(f"copydesk: error: {exc}", err=True)
        return 2
    outcomes: list[Outcome] = []
    for spec in specs:
        for case in spec.tests:
            outcomes.append(run_case(spec, case))
        if coverage and not any(fires(c) for c in spec.tests):
            problem = f"{rule_where(spec)}: no test makes this rule fire"
            outcomes.append(Outcome(spec.id, "(coverage)", False, problem))
    failed = [o for o in outcomes if not o.passed]
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "passed": len(outcomes) - len(failed),
                    "failed": len(failed),
                    "results": [o.__dict__ for o in outcomes],
                },
                indent=2,
            )
        )
    else:
        for o in failed:
            click.echo(f"FAIL {o.rule} :: {o.test}: {o.detail}")
        click.echo(
            f"{len(outcomes) - len(failed)} passed, {len(failed)} failed, {len(specs)} rules"
        )
    return 1 if failed else 0
