"""From settings to rules: a file's effective Settings, and the rules they choose at their levels.

The effective settings of a file are its config, then the config's ``paths:`` entries that
match it, then the command line (:class:`Overrides`). :func:`choose` picks the rules of the
loaded packs that the settings select, each at its level after the profile's, the config's and
the ``paths:`` levels, and adds the rule a config's reject vocabulary makes. Nothing here loads
or remembers anything: the session hands in the packs and the profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..config.project import Config, RuleOption
from ..core.errors import ConfigError
from ..core.model import Severity
from ..core.rule_spec import RuleSpec
from ..packs.load import Pack
from ..packs.locate import builtin_pack_names, builtin_pack_path

Levels = tuple[tuple[str, str], ...]  # (rule, pack or category name, level) in order


@dataclass(frozen=True)
class Settings:
    packs: tuple[str, ...] | None = None
    extra_packs: tuple[str, ...] = ()
    profile: str | None = None
    rules: Levels = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    root: str = "."
    options: tuple[RuleOption, ...] = ()
    config_path: str = ""  # the config the vocabulary came from, for messages
    # a Vale project's: its Vocab as the rules Vale.Terms and Vale.Avoid, the BlockIgnores
    # and TokenIgnores patterns (text never linted), and [formats] (extension -> extension)
    vale_terms: tuple[str, ...] = ()
    vale_avoid: tuple[str, ...] = ()
    vale_styles: str = ""  # StylesPath, where Vale.Spelling finds dictionaries and word lists
    ignore_patterns: tuple[str, ...] = ()
    formats: tuple[tuple[str, str], ...] = ()
    # region kinds (IgnoredScopes, SkippedScopes) and HTML classes (IgnoredClasses) whose text
    # no rule reports in
    left_out: tuple[str, ...] = ()
    ignored_classes: tuple[str, ...] = ()


@dataclass
class Overrides:
    """What the command line says; it beats every config file."""

    profile: str | None = None
    extra_packs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()  # added to whatever select is in force
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
    if config.vale is not None:
        s = _vale_settings(path, config, s)
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
                    rules=s.rules + over.rules,  # later entries win in choose
                )
    return replace(
        s,
        profile=cli.profile or s.profile,
        extra_packs=s.extra_packs + cli.extra_packs,
        # --extend-select widens a selection (the config's, or --select's); with none in
        # force every rule already runs
        select=_extend(cli.select or s.select, cli.extend_select),
        ignore=s.ignore + cli.ignore,
    )


def _vale_settings(path: str, config: Config, s: Settings) -> Settings:
    """A Vale project's file: the styles and rules its ini gives it (Vale's own choice: a rule
    runs when switched on, or when its style is the file's and it is not switched off)."""
    assert config.vale is not None
    vale = config.vale.for_file(path)
    on = tuple(rule for rule, yes in vale.switches if yes)
    wanted = set(vale.styles) | {rule.split(".", 1)[0] for rule in on}
    styles = tuple(folder for name, folder in config.vale.style_dirs if name in wanted)
    own = tuple(Path(p).stem for p in config.packs or ())  # an extending config's own packs
    # Vale's built-in style is on: its rules made from the project (Spelling, Terms, Avoid)
    builtin = "Vale" in vale.styles or any(r.startswith("Vale.") for r in on)
    return replace(
        s,
        packs=(*(config.packs or ()), *styles),
        # nothing of the ini's for this file: no style is loaded, and the config's own packs
        # (if it extends the ini) run whole
        select=(*s.select, *vale.styles, *on, *own) if vale.styles or on else s.select,
        ignore=(*s.ignore, *(rule for rule, yes in vale.switches if not yes)),
        vale_terms=config.vale.accept if builtin else (),
        vale_avoid=config.vale.reject if builtin else (),
        vale_styles=str(config.vale.styles_path or config.vale.root) if builtin else "",
        ignore_patterns=vale.ignores,
        formats=config.vale.formats,
        left_out=config.vale.left_out,
        ignored_classes=config.vale.ignored_classes,
    )


def format_of(path: str, settings: Settings) -> str | None:
    """The input format a Vale project's ``[formats]`` gives ``path`` (None: by its name)."""
    if not settings.formats:
        return None
    from ..text.readers import format_for

    suffix = Path(path).suffix.lstrip(".")
    mapped = dict(settings.formats).get(suffix)
    return format_for(f"x.{mapped}") if mapped else None


def _extend(select: tuple[str, ...], extra: tuple[str, ...]) -> tuple[str, ...]:
    return select + tuple(n for n in extra if n not in select) if select else ()


def resolve_pack(name: str, root: str) -> str:
    """The file or folder of the pack ``name``: a built-in pack, or a path from ``root``."""
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


def pack_names(settings: Settings) -> tuple[str, ...]:
    """The packs the settings load (every built-in one unless they name some), then extras."""
    names = settings.packs if settings.packs is not None else tuple(builtin_pack_names())
    return (*names, *settings.extra_packs)


def matches(names: tuple[str, ...], spec: RuleSpec) -> bool:
    return any(n in (spec.id, spec.pack, spec.category) for n in names)


def level(current: Severity, setting: str) -> Severity | None:
    """The level ``setting`` gives a rule now at ``current`` (None: off)."""
    if setting == "off":
        return None
    if setting == "lower":
        return Severity(max(current - 1, Severity.SUGGESTION))
    if setting == "raise":
        return Severity(min(current + 1, Severity.ERROR))
    return Severity.parse(setting)


# the rules a config's vocabulary makes: copydesk's reject list, and a Vale project's Vocab
VOCAB_NAMES = frozenset(
    {"vocab", "vocab.reject", "Vale", "Vale.Terms", "Vale.Avoid", "Vale.Spelling"}
)


def known_names(packs: list[Pack]) -> frozenset[str]:
    """Every rule id, pack and category of ``packs``, and the vocabulary rule's names."""
    return VOCAB_NAMES | {n for p in packs for s in p.rules for n in (s.id, s.pack, s.category)}


def choose(
    settings: Settings, packs: list[Pack], profile: Levels = ()
) -> tuple[list[RuleSpec], dict[str, Severity]]:
    """The rules of ``packs`` the settings turn on, and each one's level (``profile``: the
    levels of the settings' profile, applied before the config's own)."""
    overrides = profile + settings.rules
    chosen: list[RuleSpec] = []
    severity: dict[str, Severity] = {}
    made = _vale_made_rules(settings)
    for spec in (*(spec for pack in packs for spec in pack.rules), *made):
        if settings.select and not matches(settings.select, spec):
            continue
        if settings.ignore and matches(settings.ignore, spec):
            continue
        spec = _with_options(spec, settings.options)
        now: Severity | None = spec.severity
        for key, setting in overrides:  # later settings win: profile, then config, then paths
            if matches((key,), spec):
                now = level(now or spec.severity, setting)
        if now is not None:
            chosen.append(spec)
            severity[spec.id] = now
    if settings.reject:
        chosen.append(_reject_rule(settings.reject, settings.config_path))
        severity["vocab.reject"] = Severity.ERROR
    return chosen, severity


def _with_options(spec: RuleSpec, options: tuple[RuleOption, ...]) -> RuleSpec:
    """The rule with the config's parameters applied, checked against its kind's keys."""
    mine = [o for o in options if o.rule == spec.id]
    if not mine:
        return spec
    from ..kinds import KINDS
    from ..kinds.base.rule import KindError

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


def _vale_made_rules(settings: Settings) -> list[RuleSpec]:
    """Vale's built-in rules that depend on the project: Vale.Spelling (the en_US dictionary,
    plus the dictionaries and word lists in StylesPath/config), and Vale.Terms and Vale.Avoid
    made from its Vocab: an accepted term written in another case, and a rejected one."""
    out = []
    common: dict[str, Any] = {"source": settings.config_path, "pack": "Vale", "category": "Vale",
                              "severity": Severity.ERROR}
    if settings.vale_styles and spelling_unavailable() is None:
        styles = Path(settings.vale_styles)
        out.append(RuleSpec(
            id="Vale.Spelling", extends="spelling", message="Did you really mean '%s'?",
            description="A word neither the dictionaries nor the project's Vocab knows.",
            # the kind reads StylesPath as the folder above the rule's own
            **{**common, "source": str(styles / "Vale" / "Spelling.yml")},
            options={"append": True, "dictionaries": ["*"],
                     "ignore": [str(styles / "config" / "ignore")]}))
    if settings.vale_terms:
        # found in any case, quiet where the text already reads as the term (vocab: false,
        # or every accepted term would excuse itself)
        # one entry per term whatever its case, the last vocabulary's spelling winning
        swap = {f"(?i:{term.lower()})": term for term in settings.vale_terms}
        out.append(RuleSpec(
            id="Vale.Terms", extends="substitution", message="Use '%s' instead of '%s'.",
            description="A term of the project's accepted vocabulary written differently.",
            options={"swap": swap, "vocab": False}, **common))
    if settings.vale_avoid:
        out.append(RuleSpec(
            id="Vale.Avoid", extends="existence", message="Avoid using '%s'.",
            description="A term of the project's rejected vocabulary.",
            options={"tokens": list(settings.vale_avoid), "vocab": False}, **common))
    return out


def spelling_unavailable() -> str | None:
    """Why spelling rules cannot run here (their optional library is missing), or None."""
    from ..kinds import KINDS

    why: str | None = KINDS["spelling"].unavailable()
    return why


def _reject_rule(terms: tuple[str, ...], source: str) -> RuleSpec:
    return RuleSpec(
        source=source,
        id="vocab.reject", pack="vocab", category="vocab", extends="existence",
        message="'%s' is on this project's reject list.", severity=Severity.ERROR,
        description="Terms the project's configuration rejects (vocabulary.reject).",
        options={"tokens": list(terms)},
    )
