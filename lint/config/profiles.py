"""Profiles: load and validate a named list of rule overrides (``rules/profiles/<name>.yaml``).

A profile file has exactly three keys::

    profile: opinion                 # must equal the file name
    description: What the profile is for.
    rules:                           # applied in order, before the config's own ``rules:``
      neutrality: lower              # a pack name applies to every rule of the pack
      style.second-person: off       # a rule id applies to that rule only

A level is ``off``, ``error``, ``warning``, ``suggestion``, ``lower`` (one step towards
suggestion, never below it) or ``raise`` (one step towards error). A profile may also be given
as a path to a ``.yaml`` file, so a newsroom can copy a built-in profile and edit it. Every
mistake is a ConfigError at the file, line and column of the offending key or value.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import ConfigError
from ..core.regular_files import read_text
from ..core.shipped import shipped_dir
from .yaml_source import fail, load_yaml

PROFILE_LEVELS = ("off", "error", "warning", "suggestion", "lower", "raise")
PROFILE_KEYS = ("profile", "description", "rules")

Overrides = tuple[tuple[str, str], ...]


def profile_dir() -> Path:
    return shipped_dir() / "profiles"


def builtin_profile_names() -> list[str]:
    return sorted(p.stem for p in profile_dir().glob("*.yaml"))


def profile_path(name: str, root: str = ".") -> Path:
    """The file for ``name``: a built-in profile, or a ``.yaml`` path relative to ``root``."""
    if name.endswith((".yaml", ".yml")):
        p = Path(name) if Path(name).is_absolute() else Path(root) / name
        if not p.is_file():
            raise ConfigError(f"profile file '{name}' not found (looked in {root})")
        return p
    p = profile_dir() / f"{name}.yaml"
    if not p.is_file():
        known = ", ".join(builtin_profile_names()) or "none"
        raise ConfigError(f"unknown profile '{name}' (known: {known}; or a path to a .yaml file)")
    return p


def load_profile(name: str, root: str = ".") -> Overrides:
    """The profile's (rule-or-pack, level) pairs in file order, read afresh (a session keeps
    the profiles it has read: :meth:`copydesk.run.session.Session.profile`)."""
    return _load(str(profile_path(name, root).resolve()))


def _load(path: str) -> Overrides:
    text = read_text(path)
    data = load_yaml(text, path)
    if not isinstance(data, dict):
        raise fail("a profile must be a mapping with 'profile', 'description' and 'rules'",
                   path, text, [])
    for key in data:
        if key not in PROFILE_KEYS:
            raise fail(f"unknown profile key '{key}' (expected: {', '.join(PROFILE_KEYS)})",
                       path, text, [key], at_key=True)
    for key in PROFILE_KEYS:
        if key not in data:
            raise fail(f"a profile needs '{key}'", path, text, [])
    name = data["profile"]
    if name != Path(path).stem:
        raise fail(f"'profile: {name}' must match the file name '{Path(path).stem}'",
                   path, text, ["profile"])
    if not isinstance(data["description"], str) or not data["description"].strip():
        raise fail("'description' must be a non-empty string", path, text, ["description"])
    rules = data["rules"]
    if rules is None:
        rules = {}
    if not isinstance(rules, dict):
        raise fail("'rules' must be a mapping of rule id or pack name to a level",
                   path, text, ["rules"])
    out: list[tuple[str, str]] = []
    for key, value in rules.items():
        # YAML 1.1 reads a bare `off` as false; anything else that is not a string is a mistake
        level = "off" if value is False else value
        if not isinstance(key, str) or not key:
            raise fail("a rule key must be a rule id or a pack name", path, text,
                       ["rules", key], at_key=True)
        if level not in PROFILE_LEVELS:
            raise fail(f"rule {key}: level must be one of {', '.join(PROFILE_LEVELS)}, "
                       f"not {value!r}", path, text, ["rules", key])
        out.append((key, str(level)))
    return tuple(out)
