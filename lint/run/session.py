"""From settings to results: which rules apply to a file, compiled once, and the file linted.

The effective settings of a file are its config, then the config's ``paths:`` entries that
match it, then command-line options. Rule sets are compiled once per distinct setting.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint.config.profiles import load_profile
from lint.config.project import Config, RuleOption
from lint.core.errors import ConfigError
from lint.core.model import FileResult, Severity
from lint.core.rule_spec import RuleSpec
from lint.match import re_warm
from lint.packs.load import Pack, load_pack
from lint.packs.locate import builtin_pack_names, builtin_pack_path
from lint.run.engine import RuleSet, check_document, compile_rules
from lint.text.document import InputError, build_document, decode, format_for

WARNINGS: list[str] = []  # pack-load warnings, printed once per run by the CLI


@dataclass(frozen=True)
class Settings:
    packs: tuple[str, ...] | None = None
    extra_packs: tuple[str, ...] = ()
    profile: str | None = None
    rules: tuple[tuple[str, str], ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    root: str = "."
    options: tuple[RuleOption, ...] = ()
    config_path: str = ""  # the config the vocabulary came from, for messages


@dataclass
class Overrides:
    """What the command line says; it beats every config file."""

    profile: str | None = None
    extra_packs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    min_severity: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def settings_for(path: str, config: Config, cli: Overrides) -> Settings:
    """Config, then each matching ``paths:`` entry in order, then the command line."""
    s = Settings(
        packs=config.packs, extra_packs=config.extra_packs, profile=config.profile,
        rules=config.rules, select=config.select, accept=config.accept, reject=config.reject,
        root=str(config.root), options=config.options, config_path=config.path,
    )
    if config.paths:
        from pathspec import PathSpec

        try:
            rel = Path(path).resolve().relative_to(config.root.resolve()).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
        for glob, over in config.paths:
            if PathSpec.from_lines("gitignore", [glob]).match_file(rel):
                s = replace(
                    s,
                    profile=over.profile or s.profile,
                    packs=over.packs if over.packs is not None else s.packs,
                    select=over.select or s.select,
                    ignore=s.ignore + over.ignore_rules,
                    rules=s.rules + over.rules,  # later entries win in select_specs
                )
    return replace(
        s,
        profile=cli.profile or s.profile,
        extra_packs=s.extra_packs + cli.extra_packs,
        select=cli.select or s.select,
        ignore=s.ignore + cli.ignore,
    )


@lru_cache(maxsize=64)
def load_pack_cached(path: str) -> Pack:
    pack = load_pack(Path(path))
    WARNINGS.extend(pack.warnings)
    _LOADED[path] = pack
    return pack


def resolve_pack(name: str, root: str) -> str:
    builtin = builtin_pack_path(name)
    if builtin is not None:
        return str(builtin)
    p = Path(name) if Path(name).is_absolute() else Path(root) / name
    if p.exists():
        return str(p)
    if Path(name).exists():
        return name
    known = ", ".join(builtin_pack_names())
    raise ConfigError(f"no pack named '{name}' (built-in packs: {known}; or give a path)")


def matches(names: tuple[str, ...], spec: RuleSpec) -> bool:
    return any(n in (spec.id, spec.pack, spec.category) for n in names)


def _level(current: Severity, setting: str) -> Severity | None:
    if setting == "off":
        return None
    if setting == "lower":
        return Severity(max(current - 1, Severity.SUGGESTION))
    if setting == "raise":
        return Severity(min(current + 1, Severity.ERROR))
    return Severity.parse(setting)


def packs_of(settings: Settings) -> list[Pack]:
    """The packs the settings load (every built-in one unless they name some), then extras."""
    names = settings.packs if settings.packs is not None else tuple(builtin_pack_names())
    every = (*names, *settings.extra_packs)
    return [load_pack_cached(resolve_pack(name, settings.root)) for name in every]


VOCAB_NAMES = frozenset({"vocab", "vocab.reject"})  # the rule a config's reject list makes


def known_names(packs: list[Pack]) -> frozenset[str]:
    """Every rule id, pack and category of ``packs``, and the vocabulary rule's names."""
    return VOCAB_NAMES | {n for p in packs for s in p.rules for n in (s.id, s.pack, s.category)}


def select_specs(settings: Settings) -> tuple[list[RuleSpec], dict[str, Severity]]:
    specs = [spec for pack in packs_of(settings) for spec in pack.rules]
    overrides = (
        load_profile(settings.profile, settings.root) if settings.profile else ()
    ) + settings.rules
    chosen: list[RuleSpec] = []
    severity: dict[str, Severity] = {}
    for spec in specs:
        if settings.select and not matches(settings.select, spec):
            continue
        if settings.ignore and matches(settings.ignore, spec):
            continue
        spec = _with_options(spec, settings.options)
        level: Severity | None = spec.severity
        for key, setting in overrides:  # later settings win: profile, then config, then paths
            if matches((key,), spec):
                level = _level(level or spec.severity, setting)
        if level is not None:
            chosen.append(spec)
            severity[spec.id] = level
    if settings.reject:
        chosen.append(_reject_rule(settings.reject, settings.config_path))
        severity["vocab.reject"] = Severity.ERROR
    return chosen, severity


def _with_options(spec: RuleSpec, options: tuple[RuleOption, ...]) -> RuleSpec:
    """The rule with the config's parameters applied, checked against its kind's keys."""
    mine = [o for o in options if o.rule == spec.id]
    if not mine:
        return spec
    from lint.kinds import KINDS
    from lint.kinds.base.rule import KindError

    kind = KINDS[spec.extends]
    keys = kind.KEYS
    merged = dict(spec.options)
    for o in mine:
        value = list(o.value) if isinstance(o.value, tuple) else o.value
        check = keys.get(o.key)
        problem = (
            f"unknown option '{o.key}' for rule {spec.id} (kind {spec.extends})"
            if check is None
            else (f"rule {spec.id}: '{o.key}' {msg}" if (msg := check(value)) else "")
        )
        if problem:
            raise ConfigError(problem, o.path, o.line, o.column)
        merged[o.key] = value
    updated = replace(spec, options=merged)
    try:
        kind.validate(updated)
    except KindError as exc:
        at = mine[0]
        raise ConfigError(f"rule {spec.id}: {exc.message}", at.path, at.line, at.column) from None
    return updated


def _reject_rule(terms: tuple[str, ...], source: str) -> RuleSpec:
    return RuleSpec(
        source=source,
        id="vocab.reject", pack="vocab", category="vocab", extends="existence",
        message="'%s' is on this project's reject list.", severity=Severity.ERROR,
        description="Terms the project's configuration rejects (vocabulary.reject).",
        options={"tokens": list(terms)},
    )


@lru_cache(maxsize=32)
def ruleset_for(settings: Settings) -> RuleSet:
    specs, severity = select_specs(settings)
    ruleset = compile_rules(specs, severity, settings.accept)
    ruleset.known = known_names(packs_of(settings))
    return ruleset


def lint_bytes(path: str, data: bytes, ruleset: RuleSet, fmt: str | None = None) -> FileResult:
    try:
        text = decode(data)
    except InputError as exc:
        return FileResult(path, "", error=str(exc))
    return lint_text(path, text, ruleset, fmt)


def lint_text(
    path: str, text: str, ruleset: RuleSet, fmt: str | None = None, budget: float | None = None
) -> FileResult:
    """Lint ``text``; the Markdown reader gets ``budget`` seconds (default: by size)."""
    re_warm.stop()  # nothing compiled from here on is recorded: it may hold the text's words
    doc = build_document(path, text, fmt or format_for(path), budget)
    result = check_document(doc, ruleset)
    # reader notes hold for the whole file: shown at its start, like every warning a path:line:col
    notes = [f"1:1: {note}" for note in doc.notes]
    out = FileResult(path, text, result.violations, warnings=notes + result.warnings)
    if result.errors:
        out.error = "; ".join(result.errors)
    return out


_LOADED: dict[str, Pack] = {}


def loaded_packs() -> list[Pack]:
    """Every pack loaded so far in this process (for formatters that list rule metadata)."""
    return list(_LOADED.values())
