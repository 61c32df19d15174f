"""Project configuration: ``.copydesk.yaml`` or ``[tool.copydesk]`` in ``pyproject.toml``.

The nearest config file to a linted file wins, searching up to the repository root (the folder
holding ``.git``); ``--config`` overrides the search. Every key is validated; an error names
the file and the line:col of the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint.errors import ConfigError
from lint.packs import schema
from lint.yamlsource import fail, load_yaml

CONFIG_NAMES = (".copydesk.yaml", ".copydesk.yml")
RULE_LEVELS = ("off", "error", "warning", "suggestion")
KEYS = frozenset(
    {"packs", "extra-packs", "profile", "rules", "fail-on", "ignore", "paths", "vocabulary",
     "select", "min-severity"}
)
PATH_KEYS = frozenset({"profile", "rules", "packs", "select", "ignore-rules"})


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
    paths: tuple[tuple[str, dict[str, Any]], ...] = ()
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()


def _strs(value: Any, name: str, err: Any, at: list[str | int]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise err(f"'{name}' must be a string or a list of strings", at)


def _rules(value: Any, err: Any, at: list[str | int]) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise err("'rules' must map rule ids (or pack names) to off|error|warning|suggestion", at)
    out = []
    for rid, level in value.items():
        level = "off" if level is False else level
        if level not in RULE_LEVELS:
            raise err(f"rule '{rid}': level must be one of {', '.join(RULE_LEVELS)}", [*at, rid])
        out.append((str(rid), str(level)))
    return tuple(out)


def parse_config(data: Any, path: str, text: str, root: Path) -> Config:
    def err(message: str, at: list[str | int], at_key: bool = False) -> ConfigError:
        return fail(message, path, text, [*prefix, *at], at_key)

    prefix: list[str | int] = []
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a mapping", path, 1, 1)
    for key in data:
        if key not in KEYS:
            raise err(f"unknown configuration key '{key}' (known: {', '.join(sorted(KEYS))})", [key], True)
    kw: dict[str, Any] = {}
    if "packs" in data:
        kw["packs"] = _strs(data["packs"], "packs", err, ["packs"])
    if "extra-packs" in data:
        kw["extra_packs"] = _strs(data["extra-packs"], "extra-packs", err, ["extra-packs"])
    if "profile" in data:
        kw["profile"] = _strs(data["profile"], "profile", err, ["profile"])[0]
    if "rules" in data:
        kw["rules"] = _rules(data["rules"], err, ["rules"])
    if "select" in data:
        kw["select"] = _strs(data["select"], "select", err, ["select"])
    for key, attr in (("fail-on", "fail_on"), ("min-severity", "min_severity")):
        if key in data:
            value = data[key]
            allowed = ("error", "warning", "suggestion") + (("never",) if key == "fail-on" else ())
            if value not in allowed:
                raise err(f"'{key}' must be one of {', '.join(allowed)}", [key])
            kw[attr] = value
    if "ignore" in data:
        kw["ignore"] = _strs(data["ignore"], "ignore", err, ["ignore"])
    if "paths" in data:
        kw["paths"] = _paths(data["paths"], err)
    if "vocabulary" in data:
        vocab = data["vocabulary"]
        if not isinstance(vocab, dict) or set(vocab) - {"accept", "reject"}:
            raise err("'vocabulary' must be a mapping with 'accept' and/or 'reject' lists", ["vocabulary"])
        for key in ("accept", "reject"):
            if key in vocab:
                kw[key] = _strs(vocab[key], f"vocabulary.{key}", err, ["vocabulary", key])
                for i, pattern in enumerate(kw[key]):
                    if schema.is_str(pattern) is None:
                        _check_vocab(pattern, err, ["vocabulary", key, i])
    return Config(path=path, root=root, **kw)


def _check_vocab(pattern: str, err: Any, at: list[str | int]) -> None:
    import regex

    try:
        regex.compile(pattern)
    except regex.error as exc:
        raise err(f"bad vocabulary pattern {pattern!r}: {exc}", at) from None


def _paths(value: Any, err: Any) -> tuple[tuple[str, dict[str, Any]], ...]:
    if not isinstance(value, dict):
        raise err("'paths' must map globs to settings", ["paths"])
    out = []
    for glob, settings in value.items():
        if not isinstance(settings, dict):
            raise err(f"paths '{glob}' must be a mapping", ["paths", glob])
        for key in settings:
            if key not in PATH_KEYS:
                raise err(f"unknown key '{key}' under paths '{glob}' (known: {', '.join(sorted(PATH_KEYS))})",
                          ["paths", glob, key], True)
        if "rules" in settings:
            _rules(settings["rules"], err, ["paths", glob, "rules"])
        out.append((str(glob), dict(settings)))
    return tuple(out)


def load_config_file(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", str(path)) from None
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(text).get("tool", {}).get("copydesk", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", str(path)) from None
        return _parse_toml(data, path, text)
    return parse_config(load_yaml(text, str(path)), str(path), text, path.parent)


def _parse_toml(data: Any, path: Path, text: str) -> Config:
    try:
        return parse_config(data, str(path), "", path.parent)
    except ConfigError as exc:
        # TOML has no ruamel positions: point at the [tool.copydesk] table instead.
        line = next((i + 1 for i, ln in enumerate(text.splitlines()) if ln.strip() == "[tool.copydesk]"), 0)
        raise ConfigError(exc.message, str(path), line, 1 if line else 0) from None


def _has_table(pyproject: Path) -> bool:
    try:
        return "copydesk" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (OSError, ValueError):
        return False


@lru_cache(maxsize=256)
def find_config(folder: Path) -> Path | None:
    """The nearest config file at or above ``folder``, stopping at the repository root."""
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            p = candidate_dir / name
            if p.is_file():
                return p
        pyproject = candidate_dir / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
        if (candidate_dir / ".git").exists():
            return None
    return None


@lru_cache(maxsize=64)
def config_at(path: Path | None) -> Config:
    return load_config_file(path) if path else Config()
