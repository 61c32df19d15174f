"""``copydesk rules`` and ``copydesk explain``: which rules are loaded, and why each exists.

Both show a rule's reason (its description), its reference (the link) and examples: the
inputs of its own YAML ``tests:``, split into those the rule flags and those it leaves quiet.
``explain`` also shows the rule's level under every built-in profile.
"""

from __future__ import annotations

import json
import os
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..config.project import load_config_file
from ..core.errors import CopydeskError
from ..core.rule_spec import RuleSpec, RuleTest
from ..packs.load import rule_where

if TYPE_CHECKING:
    from ..run.session import Session, Settings

WIDTH = 96


def _session(config_file: str | None, packs: tuple[str, ...], profile: str | None) -> Session:
    """The session of ``--config`` (or the working folder's config), ``--pack`` and
    ``--profile``."""
    from ..run.session import Overrides, Session

    forced = load_config_file(Path(config_file)) if config_file else None
    return Session(forced, Overrides(profile=profile, extra_packs=packs))


def _specs(config_file: str | None, packs: tuple[str, ...], profile: str | None) -> list[RuleSpec]:
    """The rules the config and profile turn on, each carrying its effective severity."""
    session = _session(config_file, packs, profile)
    specs, severity = session.select_specs(session.settings_for("x.md"))
    for warning in session.warnings:  # a rule skipped while loading is said, not just missing
        click.echo(f"copydesk: warning: {warning}", err=True)
    return [replace(s, severity=severity.get(s.id, s.severity)) for s in specs]


def flags(test: RuleTest) -> bool:
    return bool(test.contains) or bool(test.want)


def examples(spec: RuleSpec) -> dict[str, list[str]]:
    """The rule's own test inputs: those it flags and those it must leave quiet."""
    return {
        "flags": [t.input for t in spec.tests if flags(t)],
        "quiet": [t.input for t in spec.tests if not flags(t)],
    }


def _summary(spec: RuleSpec) -> str:
    return " ".join((spec.description or spec.message).split())


def _where(spec: RuleSpec) -> str:
    try:
        return os.path.relpath(rule_where(spec))
    except ValueError:  # another drive on Windows
        return rule_where(spec)


def _row(spec: RuleSpec) -> dict[str, Any]:
    return {
        "id": spec.id,
        "pack": spec.pack,
        "category": spec.category,
        "severity": str(spec.severity),
        "kind": spec.extends,
        "description": _summary(spec),
        "link": spec.link or None,
        "message": spec.message,
        "scope": list(spec.scope),
        "examples": examples(spec),
        "defined_in": rule_where(spec),
    }


def _wanted(names: tuple[str, ...], spec: RuleSpec) -> bool:
    return not names or any(n in (spec.id, spec.pack, spec.category) for n in names)


def list_rules(
    fmt: str,
    config_file: str | None,
    packs: tuple[str, ...],
    profile: str | None,
    names: tuple[str, ...] = (),
    long: bool = False,
) -> int:
    try:
        specs = [s for s in _specs(config_file, packs, profile) if _wanted(names, s)]
    except CopydeskError as exc:
        click.echo(f"copydesk: error: {exc}", err=True)
        return 2
    if names and not specs:
        click.echo(f"copydesk: error: no rule or pack {', '.join(names)} is loaded", err=True)
        return 2
    if fmt == "json":
        click.echo(json.dumps([_row(s) for s in specs], indent=2, ensure_ascii=False))
        return 0
    if long:
        click.echo("\n\n".join("\n".join(_details(s)) for s in specs))
        return 0
    width = max((len(s.id) for s in specs), default=10)
    for s in specs:
        first = _summary(s).split(". ")[0].rstrip(".")
        click.echo(f"{s.id:<{width}}  {s.severity!s:<10}  {first}")
    return 0


def _example_lines(title: str, inputs: list[str], limit: int = 5) -> list[str]:
    if not inputs:
        return []
    out = ["", title]
    for text in inputs[:limit]:
        lines = text.strip().splitlines() or [""]
        out.append(f"  - {lines[0]}")
        out.extend(f"    {line}" for line in lines[1:])
    if len(inputs) > limit:
        out.append(f"  … and {len(inputs) - limit} more in the rule's tests")
    return out


def _details(s: RuleSpec, levels: str = "") -> list[str]:
    lines = [f"{s.id}  ({s.category}, {s.severity}, extends {s.extends})", ""]
    lines += textwrap.wrap(_summary(s), WIDTH) or [""]
    lines += ["", f"Reference: {s.link or '(none given)'}"]
    lines += [f"Message: {s.message}"]
    if s.scope:
        lines.append(f"Scope: {', '.join(s.scope)}")
    if levels:
        lines.append(f"Levels by profile: {levels}")
    lines.append(f"Defined in: {_where(s)}")
    ex = examples(s)
    lines += _example_lines("Flags:", ex["flags"])
    lines += _example_lines("Does not flag:", ex["quiet"])
    return lines


def _profile_levels(rule: str, session: Session, settings: Settings) -> str:
    """The rule's level under each built-in profile (``off`` when the profile turns it off)."""
    from ..config.profiles import builtin_profile_names

    parts = []
    names = builtin_profile_names()
    for name in sorted(names, key=lambda n: (n != "news", n)):  # the default first
        _, severity = session.select_specs(replace(settings, profile=name, rules=()))
        parts.append(f"{name} {severity.get(rule, 'off')}")
    return " · ".join(parts)


def explain_rule(
    rule: str, packs: tuple[str, ...], config_file: str | None = None, profile: str | None = None
) -> int:
    try:
        session = _session(config_file, packs, profile)
        settings = session.settings_for("x.md")
        # look the rule up with no overrides: explaining a rule the config turns off still works
        unset = replace(settings, profile=None, rules=(), select=(), ignore=())
        found = [s for s in session.select_specs(unset)[0] if s.id == rule]
        if not found:
            click.echo(f"copydesk: error: no rule '{rule}' (see `copydesk rules`)", err=True)
            return 2
        _, severity = session.select_specs(settings)
        levels = _profile_levels(rule, session, settings)
    except CopydeskError as exc:
        click.echo(f"copydesk: error: {exc}", err=True)
        return 2
    spec = replace(found[0], severity=severity.get(rule, found[0].severity))
    lines = _details(spec, levels)
    if rule not in severity:
        lines.insert(1, "(off in the current configuration)")
    click.echo("\n".join(lines))
    return 0
