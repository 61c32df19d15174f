"""A Session: everything one run (a command, an editor, a library user) loads and remembers.

A session is made from a config (or None: each file's nearest config) and the command line's
:class:`Overrides`. It owns what a run used to keep in module globals: the configs found and
parsed, the packs loaded and their warnings, the profiles read and the rule sets compiled (one
per distinct :class:`Settings`). Two sessions in one process share nothing, so each gives what
a process of its own would::

    session = Session(config, Overrides(select=("neutrality",)))
    result = session.check_text("story.md", text)     # a FileResult
    results = session.check_paths(["docs"])           # files and folders, in order
    session.warnings                                  # pack warnings, each once
    session.rules                                     # id -> RuleSpec of every pack loaded

The command line makes one session per invocation; a worker process makes its own
(:mod:`copydesk.run.parallel`) from the settings each job carries.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..config.nearest import ConfigFinder
from ..config.profiles import load_profile
from ..config.project import Config
from ..core.errors import CopydeskError
from ..core.model import FileResult, Severity
from ..core.regular_files import read_bytes
from ..core.rule_spec import RuleSpec
from ..match import re_warm
from ..packs.load import Pack, load_pack
from ..text.decode import InputError, decode, looks_binary
from ..text.document import build_document
from ..text.readers import format_for
from .engine import RuleSet, check_document, compile_rules
from .selection import (
    Levels,
    Overrides,
    Settings,
    choose,
    format_of,
    known_names,
    pack_names,
    resolve_pack,
    settings_for,
    spelling_unavailable,
)

__all__ = [
    "Overrides", "Session", "Settings", "lint_bytes", "lint_text", "ruleset_for", "select_specs",
    "settings_for",
]

RULESETS_KEPT = 32  # compiled rule sets a session keeps (one per distinct settings)


class Session:
    """Loaded packs, warnings and caches of one run; see the module's docstring."""

    def __init__(self, config: Config | None = None, overrides: Overrides | None = None) -> None:
        self.config = config  # None: each file's nearest config
        self.overrides = overrides or Overrides()
        self.configs = ConfigFinder(config)
        self._packs: dict[str, Pack] = {}  # by resolved path, in load order
        self._warnings: dict[str, None] = {}  # an ordered set
        self._profiles: dict[tuple[str, str], Levels] = {}
        self._rulesets: dict[Settings, RuleSet] = {}

    # --- what a file's settings are -----------------------------------------------------
    def config_for(self, path: str | Path) -> Config:
        """The config that governs ``path``. Raises ConfigError for a broken one."""
        return self.configs.for_file(path)

    def settings_for(self, path: str | Path) -> Settings:
        config = self.config_for(path)
        self._warnings.update(dict.fromkeys(config.warnings))  # a Vale key not acted on
        settings = settings_for(str(path), config, self.overrides)
        if settings.vale_styles and (why := spelling_unavailable()):
            self._warnings[f"{config.path}: Vale.Spelling skipped: {why}"] = None
        return settings

    # --- what they load -------------------------------------------------------------------
    def load_pack(self, path: str) -> Pack:
        """The pack at ``path`` (a file or a Vale folder), loaded once per session."""
        pack = self._packs.get(path)
        if pack is None:
            pack = self._packs[path] = load_pack(Path(path))
            self._warnings.update(dict.fromkeys(pack.warnings))
        return pack

    def packs_of(self, settings: Settings) -> list[Pack]:
        """The settings' packs, each name once: a pack the command line names (``--pack``)
        replaces a config's pack of the same name (a Vale style the ini also loads, say)."""
        loaded = [self.load_pack(resolve_pack(n, settings.root)) for n in pack_names(settings)]
        kept: list[Pack] = []
        names: set[str] = set()
        for pack in reversed(loaded):  # the command line's packs come last, and win
            if pack.name not in names:
                names.add(pack.name)
                kept.append(pack)
        return kept[::-1]

    def profile(self, name: str, root: str = ".") -> Levels:
        """The (rule, level) pairs of the profile ``name`` (built-in, or a file from ``root``)."""
        key = (name, root)
        if key not in self._profiles:
            self._profiles[key] = load_profile(name, root)
        return self._profiles[key]

    def select_specs(self, settings: Settings) -> tuple[list[RuleSpec], dict[str, Severity]]:
        """The rules the settings turn on, and each one's level."""
        packs = self.packs_of(settings)
        profile = self.profile(settings.profile, settings.root) if settings.profile else ()
        return choose(settings, packs, profile)

    def ruleset_for(self, settings: Settings) -> RuleSet:
        """The settings' rules, compiled once per session."""
        ruleset = self._rulesets.get(settings)
        if ruleset is None:
            specs, severity = self.select_specs(settings)
            ruleset = compile_rules(specs, severity, settings.accept)
            ruleset.known = known_names(self.packs_of(settings))
            if settings.ignore_patterns:
                from ..match.patterns import compile_user

                ruleset.ignore_patterns = tuple(compile_user(p) for p in settings.ignore_patterns)
            ruleset.left_out = frozenset(settings.left_out)
            ruleset.ignored_classes = frozenset(settings.ignored_classes)
            if len(self._rulesets) >= RULESETS_KEPT:
                del self._rulesets[next(iter(self._rulesets))]  # the oldest
            self._rulesets[settings] = ruleset
        return ruleset

    # --- what it found ----------------------------------------------------------------------
    @property
    def packs(self) -> list[Pack]:
        """Every pack this session has loaded, in load order."""
        return list(self._packs.values())

    @property
    def rules(self) -> dict[str, RuleSpec]:
        """Rule id -> RuleSpec of every pack loaded (the metadata formatters show)."""
        return {s.id: s for p in self._packs.values() for s in p.rules}

    @property
    def warnings(self) -> list[str]:
        """The loaded packs' warnings (a skipped rule kind, …), each once, in load order."""
        return list(self._warnings)

    def known_names(self) -> frozenset[str]:
        """Every rule id, pack and category loaded, and the vocabulary rule's names."""
        return known_names(self.packs)

    # --- linting ----------------------------------------------------------------------------
    def check_text(self, path: str, text: str, fmt: str | None = None) -> FileResult:
        """Lint ``text`` as the file ``path`` (its config, its format unless ``fmt``)."""
        settings = self.settings_for(path)
        return lint_text(path, text, self.ruleset_for(settings), fmt or format_of(path, settings))

    def check_bytes(self, path: str, data: bytes, fmt: str | None = None) -> FileResult:
        """Lint a file's bytes: decoded as UTF-8, or a result that says why they are not."""
        settings = self.settings_for(path)
        return lint_bytes(path, data, self.ruleset_for(settings), fmt or format_of(path, settings))

    def walked_endings(self, folder: Path) -> frozenset[str]:
        """The file name endings beyond copydesk's own that a walk of ``folder`` lints: those
        its config's Vale ``[formats]`` maps to a format copydesk reads. A broken config adds
        none (its files say so when they are linted)."""
        from .inputs import walked_endings

        try:
            return walked_endings(self.configs.for_folder(folder))
        except CopydeskError:
            return frozenset()

    def check_paths(self, paths: Iterable[str]) -> list[FileResult]:
        """Lint files and folders in this process, in order, as ``copydesk check`` walks them:
        a folder's prose files minus what git and the config's ``ignore:`` exclude; a walked
        binary file is skipped; a missing, unreadable or misconfigured file is a result with
        an error."""
        from .inputs import ignored_by_config, inputs

        out: list[FileResult] = []
        for path, explicit, exists in inputs(tuple(paths), self.walked_endings):
            if not exists:
                out.append(FileResult(path, "", error="no such file or directory"))
                continue
            try:
                if not explicit and ignored_by_config(Path(path), self.config_for(path)):
                    continue
                data = read_bytes(path)
                if not explicit and looks_binary(data):
                    continue
                out.append(self.check_bytes(path, data))
            except CopydeskError as exc:
                out.append(FileResult(path, "", error=str(exc)))
            except OSError as exc:
                out.append(FileResult(path, "", error=f"cannot read: {exc.strerror or exc}"))
        return out


def select_specs(
    settings: Settings, session: Session | None = None
) -> tuple[list[RuleSpec], dict[str, Severity]]:
    """:meth:`Session.select_specs` (of a new session unless one is given)."""
    return (session or Session()).select_specs(settings)


def ruleset_for(settings: Settings, session: Session | None = None) -> RuleSet:
    """:meth:`Session.ruleset_for` (of a new session unless one is given)."""
    return (session or Session()).ruleset_for(settings)


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
