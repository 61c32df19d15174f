"""Project configuration: ``.copydesk.yaml``, ``[tool.copydesk]`` in ``pyproject.toml``, or a
Vale project's ``.vale.ini`` (:mod:`copydesk.config.vale_ini`; a copydesk config may
``extends`` one).

The nearest config file to a linted file wins, searching up to the repository root (the folder
holding ``.git``); ``--config`` overrides the search. Every key is validated; an error names
the file and the line:col of the key: ruamel positions for YAML; for TOML, which keeps no
positions, a scan of the table's lines (:mod:`copydesk.config.toml_source`). Which file governs a
folder is :mod:`copydesk.config.nearest`'s business.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import ConfigError
from ..core.regular_files import read_text
from .toml_source import toml_locate
from .yaml_source import load_yaml, locate

CONFIG_NAMES = (".copydesk.yaml", ".copydesk.yml")
# a Vale project's config, in Vale's own search order (its core/ini.go); read by vale_ini.py
VALE_NAMES = (".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini")
RULE_LEVELS = ("off", "error", "warning", "suggestion")
KEYS = frozenset(
    {"packs", "extra-packs", "profile", "rules", "fail-on", "ignore", "paths", "vocabulary",
     "select", "min-severity", "extends"}
)
PATH_KEYS = frozenset({"profile", "rules", "packs", "select", "ignore-rules"})

if TYPE_CHECKING:
    from .vale_ini import ValeSetup

KeyPath = Sequence[str | int]
Locator = Callable[[KeyPath, bool], tuple[int, int]]


@dataclass(frozen=True)
class Config:
    """A validated config; ``root`` is the folder relative paths and globs start from."""

    path: str = ""
    root: Path = field(default_factory=Path.cwd)
    packs: tuple[str, ...] | None = None  # None: every built-in pack
    extra_packs: tuple[str, ...] = ()
    profile: str | None = None
    rules: tuple[tuple[str, str], ...] = ()
    select: tuple[str, ...] = ()
    fail_on: str | None = None
    min_severity: str | None = None
    ignore: tuple[str, ...] = ()
    paths: tuple[tuple[str, PathOverride], ...] = ()
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    options: tuple[RuleOption, ...] = ()
    # every rule, pack or category name the file mentions, with its line:col, so that a
    # typo ("weasel.reportdly: off") can be reported once the packs are known
    names: tuple[tuple[str, int, int], ...] = ()
    # a Vale project's .vale.ini (read as this config, or named by ``extends``), which decides
    # each file's styles and rules (run/selection.py); warnings name the keys not acted on
    vale: ValeSetup | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleOption:
    """``rules: {id: {key: value}}``: one rule parameter set in a config, with its position so a
    bad value (checked once the rule's kind is known) can be reported at the right line."""

    rule: str
    key: str
    value: Any  # lists are stored as tuples so settings stay hashable
    path: str
    line: int
    column: int


@dataclass(frozen=True)
class PathOverride:
    """Settings under one ``paths:`` glob; None / empty means "keep the file's setting"."""

    profile: str | None = None
    rules: tuple[tuple[str, str], ...] = ()
    packs: tuple[str, ...] | None = None
    select: tuple[str, ...] = ()
    ignore_rules: tuple[str, ...] = ()


def _strs(value: Any, name: str, err: Any, at: list[str | int]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise err(f"'{name}' must be a string or a list of strings", at)


def _rules(value: Any, err: Any, at: list[str | int]) -> tuple[tuple[str, str], ...]:
    """Levels from ``rules:``; a rule's value is a level or a mapping with ``level`` and options."""
    if not isinstance(value, dict):
        raise err("'rules' must map rule ids (or pack names) to off|error|warning|suggestion", at)
    out = []
    for rid, setting in value.items():
        if isinstance(setting, dict):
            if "level" not in setting:
                continue
            setting, where = setting["level"], [*at, rid, "level"]
        else:
            where = [*at, rid]
        level = "off" if setting is False else setting  # YAML 1.1 reads a bare `off` as false
        if level not in RULE_LEVELS:
            raise err(f"rule '{rid}': level must be one of {', '.join(RULE_LEVELS)}", where)
        out.append((str(rid), str(level)))
    return tuple(out)


def _options(value: Any, path: str, where: Locator) -> tuple[RuleOption, ...]:
    """Parameters from ``rules: {id: {key: value}}`` (validated later against the rule's kind)."""
    out = []
    for rid, setting in value.items():
        if not isinstance(setting, dict):
            continue
        for key, v in setting.items():
            if key == "level":
                continue
            line, col = where(["rules", rid, key], True)
            frozen = tuple(v) if isinstance(v, list) else v
            out.append(RuleOption(str(rid), str(key), frozen, path, line, col))
    return tuple(out)


def parse_config(data: Any, path: str, where: Locator, root: Path) -> Config:
    """Validate ``data`` (already parsed); ``where`` turns a key path into line:col."""

    def err(message: str, at: list[str | int], at_key: bool = False) -> ConfigError:
        line, col = where(at, at_key)
        return ConfigError(message, path, line or 1, col or 1)

    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a mapping", path, 1, 1)
    for key in data:
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise err(f"unknown configuration key '{key}' (known: {known})", [key], True)
    kw: dict[str, Any] = {}
    for key, attr in (("packs", "packs"), ("extra-packs", "extra_packs"), ("select", "select"),
                      ("ignore", "ignore")):
        if key in data:
            kw[attr] = _strs(data[key], key, err, [key])
    if "profile" in data:
        if not isinstance(data["profile"], str):
            raise err("'profile' must be a string", ["profile"])
        kw["profile"] = data["profile"]
    if "rules" in data:
        kw["rules"] = _rules(data["rules"], err, ["rules"])
        kw["options"] = _options(data["rules"], path, where)
    for key, attr in (("fail-on", "fail_on"), ("min-severity", "min_severity")):
        if key in data:
            allowed = ("error", "warning", "suggestion") + (("never",) if key == "fail-on" else ())
            if data[key] not in allowed:
                raise err(f"'{key}' must be one of {', '.join(allowed)}", [key])
            kw[attr] = data[key]
    if "paths" in data:
        kw["paths"] = _paths(data["paths"], err)
    if "vocabulary" in data:
        vocab = data["vocabulary"]
        if not isinstance(vocab, dict) or set(vocab) - {"accept", "reject"}:
            raise err("'vocabulary' must be a mapping with 'accept' and/or 'reject' lists",
                      ["vocabulary"])
        for key in ("accept", "reject"):
            if key in vocab:
                kw[key] = _strs(vocab[key], f"vocabulary.{key}", err, ["vocabulary", key])
                for i, pattern in enumerate(kw[key]):
                    _check_vocab(pattern, err, ["vocabulary", key, i])
    names = _names_used(data, where)
    if "extends" in data:
        base = _extended(data["extends"], root, err)
        # the Vale setup underneath; this file's keys on top (its levels after the ini's)
        kw["rules"] = base.rules + kw.get("rules", ())
        kw["accept"] = base.accept + kw.get("accept", ())
        kw.setdefault("min_severity", base.min_severity)
        return replace(base, path=path, root=root, names=names, **kw)
    return Config(path=path, root=root, names=names, **kw)


def _extended(value: Any, root: Path, err: Any) -> Config:
    """The config ``extends:`` names: a Vale ini (a path from this file's folder)."""
    if not isinstance(value, str) or Path(value).name not in VALE_NAMES:
        names = ", ".join(VALE_NAMES)
        raise err(f"'extends' must name a Vale configuration file ({names})", ["extends"])
    target = root / value
    if not target.is_file():
        raise err(f"'extends': no file {target}", ["extends"])
    return vale_config(target)


def vale_config(path: Path) -> Config:
    """A ``.vale.ini`` as a config: its styles only (no built-in copydesk pack), its level."""
    from .vale_ini import load_vale_config  # (imported only for a Vale project)

    setup = load_vale_config(path, display_path(path))
    return Config(
        path=setup.path, root=setup.root, packs=(), rules=setup.levels,
        min_severity=setup.min_level, accept=setup.accept, vale=setup, warnings=setup.warnings,
    )


def _names_used(data: dict[str, Any], where: Locator) -> tuple[tuple[str, int, int], ...]:
    """(name, line, column) of each rule, pack or category the (valid) config names."""
    places: list[tuple[str, KeyPath, bool]] = []

    def collect(section: dict[str, Any], at: list[str | int]) -> None:
        for rid in section.get("rules") or {}:
            places.append((str(rid), [*at, "rules", rid], True))
        for key in ("select", "ignore-rules"):
            value = section.get(key) or ()
            if isinstance(value, str):
                places.append((value, [*at, key], False))
            else:
                places.extend((str(name), [*at, key, i], False) for i, name in enumerate(value))

    collect(data, [])
    for glob, settings in (data.get("paths") or {}).items():
        collect(settings, ["paths", glob])
    return tuple((name, *where(at, at_key)) for name, at, at_key in places)


def _check_vocab(pattern: str, err: Any, at: list[str | int]) -> None:
    import regex

    try:
        regex.compile(pattern)
    except regex.error as exc:
        raise err(f"bad vocabulary pattern {pattern!r}: {exc}", at) from None


def _paths(value: Any, err: Any) -> tuple[tuple[str, PathOverride], ...]:
    if not isinstance(value, dict):
        raise err("'paths' must map globs to settings", ["paths"])
    out = []
    for glob, settings in value.items():
        at: list[str | int] = ["paths", glob]
        if not isinstance(settings, dict):
            raise err(f"paths '{glob}' must be a mapping", at)
        for key in settings:
            if key not in PATH_KEYS:
                known = ", ".join(sorted(PATH_KEYS))
                raise err(f"unknown key '{key}' under paths '{glob}' (known: {known})",
                          [*at, key], True)
        kw: dict[str, Any] = {}
        if "profile" in settings:
            if not isinstance(settings["profile"], str):
                raise err("'profile' must be a string", [*at, "profile"])
            kw["profile"] = settings["profile"]
        if "rules" in settings:
            kw["rules"] = _rules(settings["rules"], err, [*at, "rules"])
        for key, attr in (("packs", "packs"), ("select", "select"),
                          ("ignore-rules", "ignore_rules")):
            if key in settings:
                kw[attr] = _strs(settings[key], key, err, [*at, key])
        out.append((str(glob), PathOverride(**kw)))
    return tuple(out)


def load_config_file(path: Path) -> Config:
    """Read and validate one config file (YAML, or the [tool.copydesk] table of a pyproject)."""
    if path.name in VALE_NAMES:
        return vale_config(path)
    shown = display_path(path)
    try:
        text = read_text(path, "utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(f"cannot read configuration: {reason}", shown) from None
    root = path.resolve().parent
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise _toml_error(exc, shown) from None
        data = table.get("tool", {}).get("copydesk", {})
        return parse_config(data, shown, lambda at, _k: toml_locate(text, at), root)
    data = load_yaml(text, shown)
    return parse_config(data, shown, lambda at, k: locate(text, at, k), root)


def _toml_error(exc: tomllib.TOMLDecodeError, path: str) -> ConfigError:
    # Python < 3.14 keeps the position only in the message: "... (at line 3, column 7)".
    message = str(exc)
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if m:
        return ConfigError(f"invalid TOML: {message[: m.start()]}", path, int(m[1]), int(m[2]))
    return ConfigError(f"invalid TOML: {message}", path)


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when it lies inside it (shorter messages)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
