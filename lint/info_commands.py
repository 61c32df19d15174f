"""``copydesk rules`` and ``copydesk explain``: what is loaded, and why a rule exists."""

from __future__ import annotations

import json
from pathlib import Path

import click

from lint.errors import CopydeskError


def _specs(config_file: str | None, packs: tuple[str, ...], profile: str | None) -> list:  # type: ignore[type-arg]
    from lint.config import config_at, find_config, load_config_file
    from lint.runner import Overrides, select_specs, settings_for

    config = (
        load_config_file(Path(config_file)) if config_file else config_at(find_config(Path.cwd()))
    )
    settings = settings_for("x.md", config, Overrides(profile=profile, extra_packs=packs))
    specs, severity = select_specs(settings)
    for s in specs:
        s.severity = severity.get(s.id, s.severity)
    return specs


def list_rules(
    fmt: str, config_file: str | None, packs: tuple[str, ...], profile: str | None
) -> int:
    try:
        specs = _specs(config_file, packs, profile)
    except CopydeskError as exc:
        click.echo(f"copydesk: error: {exc}", err=True)
        return 2
    if fmt == "json":
        rows = [
            {
                "id": s.id,
                "category": s.category,
                "severity": str(s.severity),
                "kind": s.extends,
                "description": s.description,
                "link": s.link or None,
                "scope": list(s.scope),
            }
            for s in specs
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    width = max((len(s.id) for s in specs), default=10)
    for s in specs:
        summary = " ".join((s.description or s.message).split())
        first = summary.split(". ")[0].rstrip(".")
        click.echo(f"{s.id:<{width}}  {s.severity!s:<10}  {first}")
    return 0


def explain_rule(rule: str, packs: tuple[str, ...]) -> int:
    try:
        specs = _specs(None, packs, None)
    except CopydeskError as exc:
        click.echo(f"copydesk: error: {exc}", err=True)
        return 2
    found = [s for s in specs if s.id == rule]
    if not found:
        click.echo(f"copydesk: error: no rule '{rule}' (see `copydesk rules`)", err=True)
        return 2
    s = found[0]
    lines = [
        f"{s.id}  ({s.category}, {s.severity}, extends {s.extends})",
        "",
        s.description or s.message,
    ]
    if s.link:
        lines += ["", f"Reference: {s.link}"]
    lines += ["", f"Message: {s.message}", f"Scope: {', '.join(s.scope)}", f"Defined in: {s.where}"]
    flags = [t for t in s.tests if t.contains or (t.want and len(t.want) > 0)]
    quiet = [t for t in s.tests if t not in flags]
    if flags:
        lines += ["", "Flags:"] + [f"  - {t.input.strip()}" for t in flags[:5]]
    if quiet:
        lines += ["", "Does not flag:"] + [f"  - {t.input.strip()}" for t in quiet[:5]]
    click.echo("\n".join(lines))
    return 0
