"""Read a pack (one YAML file of rules, or a Vale-style folder of one-rule files) into RuleSpecs.

Every problem is a ConfigError naming the pack file and the line:col of the offending key.
A pack that loaded cleanly is kept in the on-disk cache (:mod:`copydesk.packs.cache`), keyed on the
bytes of its files, so the next run skips parsing and validation; errors are never cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config.yaml_source import KeyPath, fail, load_yaml, locate
from ..core import schema
from ..core.errors import ConfigError
from ..core.model import Severity
from ..core.regular_files import read_text
from ..core.rule_spec import Action, RuleSpec, RuleTest
from ..text import readers


@dataclass
class Pack:
    name: str
    path: str
    description: str = ""
    rules: list[RuleSpec] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # data files the rules name (``terms_file``), read or checked at load: the cache's key
    data_files: list[str] = field(default_factory=list)


class _Source:
    """One YAML file: its text (for positions) and its path (for messages)."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        try:
            self.text = read_text(path, "utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8"
            raise ConfigError(f"cannot read rule pack: {reason}", self.path) from None
        try:
            self.data = load_yaml(self.text, self.path)
        except ConfigError as exc:
            if "unknown escape" not in exc.message or "\\'" not in self.text:
                raise
            # Go's YAML reader (Vale's) reads \' in a double-quoted string as a quote, and
            # Vale styles rely on it; PyYAML refuses it
            self.text = self.text.replace("\\'", "'")
            self.data = load_yaml(self.text, self.path)

    def error(self, message: str, key_path: KeyPath, at_key: bool = False) -> ConfigError:
        return fail(message, self.path, self.text, key_path, at_key)

    def line_of(self, key_path: KeyPath) -> int:
        return locate(self.text, key_path, at_key=True)[0]


def rule_line(spec: RuleSpec) -> int:
    """Line of the rule in its pack file, found only when a message needs it."""
    if not spec.key_path:
        return 1
    return locate(spec.source_text, spec.key_path)[0]


def rule_where(spec: RuleSpec) -> str:
    """The rule's file and line; a rule made from a config's vocabulary has no line."""
    return f"{spec.source}:{rule_line(spec)}" if spec.source_text else spec.source or "config"


def load_pack(path: Path) -> Pack:
    from . import cache

    files = _pack_files(path)
    pack = cache.load_pack(str(path), files)
    if not isinstance(pack, Pack):
        pack = _load_folder(path) if path.is_dir() else _load_file(path)
        cache.store_pack(str(path), files, pack, [Path(f) for f in pack.data_files])
    return _runnable(pack)


def _runnable(pack: Pack) -> Pack:
    """The pack without the rules of a kind that cannot run here, for want of its optional
    library (spelling: chunspell), and one warning that says so. Asked on every load, after the
    cache: installing the library must not wait for a pack's files to change. The rules were
    validated all the same, so a mistake in one is not hidden."""
    from ..kinds import KINDS

    kept = []
    for spec in pack.rules:
        unavailable = getattr(KINDS[spec.extends], "unavailable", None)
        why = unavailable() if unavailable is not None else None
        if why is None:
            kept.append(spec)
        elif why not in pack.warnings:
            pack.warnings.append(why)
    pack.rules = kept
    return pack


def _pack_files(path: Path) -> list[Path]:
    """The YAML files a pack is read from, in load order."""
    if path.is_dir():
        return sorted([*path.glob("*.yml"), *path.glob("*.yaml")])
    return [path]


def _load_file(path: Path) -> Pack:
    src = _Source(path)
    data = src.data
    if not isinstance(data, dict):
        raise ConfigError("a rule pack must be a mapping with 'pack' and 'rules'", src.path, 1, 1)
    for key in data:
        if key not in schema.PACK_KEYS:
            raise src.error(f"unknown pack key '{key}'", [key], at_key=True)
    name = data.get("pack")
    if not isinstance(name, str) or not name:
        raise src.error("'pack' (the pack name) is required and must be a string", ["pack"])
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise src.error("'defaults' must be a mapping", ["defaults"])
    for key, value in defaults.items():
        check = schema.DEFAULT_KEYS.get(key)
        if check is None:
            raise src.error(f"unknown key '{key}' in defaults", ["defaults", key], at_key=True)
        if problem := check(value):
            raise src.error(f"defaults.{key} {problem}", ["defaults", key])
    rules = data.get("rules")
    if not isinstance(rules, list):
        raise src.error("'rules' must be a list of rules", ["rules"])
    pack = Pack(name, src.path, str(data.get("description", "")))
    seen: set[str] = set()
    for i, rule in enumerate(rules):
        spec = _build_rule(src, rule, ["rules", i], pack, defaults, rule_id=None, category=name)
        if spec is None:
            continue
        if spec.id in seen:
            raise src.error(f"duplicate rule id '{spec.id}'", ["rules", i, "id"])
        seen.add(spec.id)
        pack.rules.append(spec)
    return pack


def _load_folder(path: Path) -> Pack:
    """A Vale style: every .yml/.yaml file is one rule named Folder.File."""
    name = path.name
    pack = Pack(name, str(path))
    files = _pack_files(path)
    if not files:  # a typo'd or empty folder must not pass as a pack of no rules
        raise ConfigError("no rule files (*.yml, *.yaml) in this pack folder", str(path))
    for file in files:
        # One rule file is one rule: one copydesk cannot read (a Vale feature it lacks, or a
        # mistake) is skipped with a warning at its line, and the style's other rules run.
        try:
            src = _Source(file)
            if not isinstance(src.data, dict):
                raise ConfigError("a rule file must be a mapping", src.path, 1, 1)
            spec = _build_rule(
                src, src.data, [], pack, {}, rule_id=f"{name}.{file.stem}", category=name
            )
        except ConfigError as exc:
            pack.warnings.append(f"{exc}; rule {name}.{file.stem} skipped")
            continue
        if spec is not None:
            pack.rules.append(spec)
    return pack


def _build_rule(
    src: _Source,
    data: Any,
    at: list[str | int],
    pack: Pack,
    defaults: dict[str, Any],
    rule_id: str | None,
    category: str,
) -> RuleSpec | None:
    from ..kinds import KINDS, SKIPPED_KINDS
    from ..kinds.base.rule import KindError

    if not isinstance(data, dict):
        raise src.error("a rule must be a mapping", at)
    extends = data.get("extends")
    if not isinstance(extends, str):
        raise src.error(
            "'extends' (the rule kind) is required", [*at, "extends"] if "extends" in data else at
        )
    label = rule_id or str(data.get("id", f"#{at[-1] if at else ''}"))
    for key, value in data.items():  # a named data file (present or not) decides the result
        if key.endswith("_file") and isinstance(value, str) and value:
            pack.data_files.append(str(Path(src.path).parent / value))
    if extends in SKIPPED_KINDS:
        line = src.line_of(at) if at else 1
        pack.warnings.append(
            f"{src.path}:{line}: rule '{label}' extends '{extends}', which copydesk does not run; "
            "skipped"
        )
        return None
    kind = KINDS.get(extends)
    if kind is None:
        known = ", ".join(sorted(KINDS))
        raise src.error(f"unknown rule kind '{extends}' (known: {known})", [*at, "extends"])
    allowed = schema.COMMON | kind.KEYS
    for key, value in data.items():
        check = allowed.get(key)
        if check is None:
            raise src.error(f"unknown key '{key}' for a rule of kind '{extends}'", [*at, key], True)
        if problem := check(value):
            raise src.error(f"'{key}' {problem}", [*at, key])
    skip = getattr(kind, "skip_rule", None)
    if skip is not None and skip(data, Path(src.path)):
        return None  # an optional data file (the slur list) is left out of this build
    if rule_id is None:
        rid = data.get("id")
        if not isinstance(rid, str) or not rid:
            raise src.error("every rule in a pack needs an 'id'", at)
        if "." not in rid:
            rid = f"{pack.name}.{rid}"
        elif not rid.startswith(pack.name + "."):
            raise src.error(
                f"rule id '{rid}' must start with the pack name '{pack.name}.'", [*at, "id"]
            )
        rule_id = rid
    if "message" not in data:
        raise src.error(f"rule '{rule_id}' needs a 'message'", at)
    severity = _severity(src, data, defaults, at)
    scope = _scope(src, data.get("scope", defaults.get("scope", "text")), [*at, "scope"])
    action = data.get("action")
    spec = RuleSpec(
        id=rule_id,
        pack=pack.name,
        category=str(data.get("category", defaults.get("category", category))),
        extends=extends,
        message=data["message"],
        severity=severity,
        scope=scope,
        description=str(data.get("description", "")),
        link=str(data.get("link", defaults.get("link", ""))),
        limit=int(data.get("limit", 0)),
        once=bool(data.get("once", False)),
        yields_to=tuple(data.get("yields_to") or ()),
        action=Action(action["name"], tuple(action.get("params") or ())) if action else None,
        tests=_tests(src, data.get("tests", []), [*at, "tests"]),
        options={k: v for k, v in data.items() if k in kind.KEYS},
        source=src.path,
        key_path=tuple(at),
        source_text=src.text,
    )
    try:
        kind.validate(spec)
    except KindError as exc:
        raise src.error(
            f"rule '{rule_id}': {exc.message}", [*at, *exc.key_path], exc.at_key
        ) from None
    # files outside the rule that decide its result (spelling: dictionaries, word lists): the
    # cache's key, like the data files of `*_file` keys
    data_files = getattr(kind, "data_files", None)
    if data_files is not None:
        pack.data_files += data_files(spec)
    return spec


def _severity(
    src: _Source, data: dict[str, Any], defaults: dict[str, Any], at: list[str | int]
) -> Severity:
    key = "severity" if "severity" in data else "level" if "level" in data else None
    if key and "severity" in data and "level" in data and data["severity"] != data["level"]:
        raise src.error(
            "'severity' and 'level' disagree (they are the same setting)", [*at, "level"]
        )
    value = data[key] if key else defaults.get("severity", defaults.get("level", "warning"))
    try:
        return Severity.parse(value)
    except ValueError as exc:
        where = (
            [*at, key] if key else ["defaults", "severity" if "severity" in defaults else "level"]
        )
        raise src.error(str(exc), where) from None


def _scope(src: _Source, value: Any, at: list[str | int]) -> tuple[str, ...]:
    from ..analysis.scopes import ScopeError, parse

    names = tuple([value] if isinstance(value, str) else list(value))
    try:
        parse(names)
    except ScopeError as exc:
        where = at if isinstance(value, str) else [*at, exc.index]
        known = ", ".join(sorted(s for s in schema.SCOPES if "." not in s))
        raise src.error(
            f"{exc} (known: {known}, table.cell, table.header, alt, heading.h1 …; a format "
            "such as text.html; '~' negates, '&' joins)",
            where,
        ) from None
    return names


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


def _tests(src: _Source, value: list[Any], at: list[str | int]) -> tuple[RuleTest, ...]:
    tests = []
    for i, case in enumerate(value):
        for key in case:
            if key not in schema.TEST_KEYS:
                raise src.error(f"unknown test key '{key}'", [*at, i, key], True)
        if not isinstance(case.get("input"), str):
            raise src.error("a test needs an 'input' string", [*at, i])
        if not {"want", "contains", "absent"} & set(case):
            raise src.error("a test needs 'want', 'contains' or 'absent'", [*at, i])
        fmt = str(case.get("format", "text"))
        if fmt not in readers.readers():
            known = ", ".join(sorted(readers.readers()))
            raise src.error(f"test format must be one of: {known}", [*at, i, "format"])
        tests.append(
            RuleTest(
                name=str(case.get("name", f"case {i + 1}")),
                input=case["input"],
                want=_as_tuple(case["want"]) if "want" in case else None,
                contains=_as_tuple(case.get("contains")),
                absent=_as_tuple(case.get("absent")),
                format=fmt,
            )
        )
    return tuple(tests)
