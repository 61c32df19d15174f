"""A Vale project's configuration (``.vale.ini``) read as a copydesk config.

Vale's ini has a core section (before any ``[header]``: ``StylesPath``, ``MinAlertLevel``,
``Vocab``, scopes), a global section ``[*]`` and glob sections (``[*.md]``, ``[docs/*.{md,txt}]``)
holding ``BasedOnStyles``, ``Style.Rule = YES|NO|level`` switches and ``BlockIgnores`` /
``TokenIgnores``, plus ``[formats]`` (one extension linted as another). For a file, as Vale's
``NewFile`` decides: the styles are the global ones, replaced by those of the last glob section
matching it that names any; the switches of every matching section apply, later ones winning; a
rule runs when switched on, or when its style is one of the file's styles and it is not
switched off. A level given to a rule holds everywhere (Vale keeps one level per rule).

Positions: every error names the ini file and the line of the key. A key copydesk does not act
on is a warning naming it and its line, never silently dropped (:attr:`ValeSetup.warnings`).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ConfigError
from ..core.regular_files import read_text
from ..core.shipped import shipped_dir
from .ini_syntax import Line, glob_pattern, parse_ini
from .ini_syntax import values as _values

LEVELS = ("suggestion", "warning", "error")
_LIST_KEYS = frozenset({"BasedOnStyles", "Vocab", "IgnoredScopes", "SkippedScopes",
                        "BlockIgnores", "IgnorePatterns", "TokenIgnores", "IgnoredClasses"})
# what Vale ignores or skips anyway, and copydesk's readers already leave out
_DEFAULT_IGNORED = frozenset({"code", "tt"})
_DEFAULT_SKIPPED = frozenset({"script", "style", "pre", "figure", "noscript"})
# the other scopes Vale names by their HTML tag that copydesk's readers mark as regions: what a
# project's IgnoredScopes (inline) or SkippedScopes (blocks) add is left out by its region
SCOPE_REGIONS = {
    "IgnoredScopes": {"a": "link", "link": "link", "strong": "strong", "b": "strong"},
    "SkippedScopes": {"blockquote": "blockquote", "table": "table", "ul": "list", "ol": "list",
                      "li": "list"},
}
_NOT_ACTED_ON = {
    "Packages": "copydesk downloads nothing: run `vale sync` once, and the synced styles in "
                "StylesPath are used",
    "NLPEndpoint": "copydesk tags words itself",
    "WordTemplate": "word boundaries follow each rule's own pattern",
    "DictionaryPath": "dictionaries are found in StylesPath/config/dictionaries",
    "Transform": "XSLT transforms are not run",
    "Lang": "copydesk lints English",
    "CommentDelimiters": "comments are found by each format's reader",
    "View": "views of structured files are not read",
}



@dataclass(frozen=True)
class ValeSection:
    """One glob section: the files it matches and what it says about them."""

    glob: str
    pattern: str  # the glob as a regular expression (gobwas semantics: ``*`` crosses ``/``)
    styles: tuple[str, ...] | None  # BasedOnStyles (None: the section names none)
    switches: tuple[tuple[str, bool], ...]
    ignores: tuple[str, ...]  # BlockIgnores and TokenIgnores patterns


@dataclass(frozen=True)
class ValeFile:
    """What the ini says about one file."""

    styles: tuple[str, ...]
    switches: tuple[tuple[str, bool], ...]
    ignores: tuple[str, ...]


@dataclass(frozen=True)
class ValeSetup:
    """A parsed ``.vale.ini``: what :func:`for_file` needs, and where the styles live."""

    path: str
    root: Path
    styles_path: Path | None  # StylesPath, when the ini sets one
    style_dirs: tuple[tuple[str, str], ...]  # style name -> its folder (or the built-in pack)
    global_styles: tuple[str, ...]
    global_switches: tuple[tuple[str, bool], ...]
    global_ignores: tuple[str, ...]
    sections: tuple[ValeSection, ...]
    levels: tuple[tuple[str, str], ...]  # rule -> level, wherever it was given
    min_level: str
    accept: tuple[str, ...]
    reject: tuple[str, ...]
    formats: tuple[tuple[str, str], ...]  # extension -> the extension it is linted as
    warnings: tuple[str, ...]
    # region kinds IgnoredScopes and SkippedScopes leave out, and IgnoredClasses' classes: no
    # rule reports inside them
    left_out: tuple[str, ...] = ()
    ignored_classes: tuple[str, ...] = ()

    def for_file(self, path: str | Path) -> ValeFile:
        """The styles, switches and ignore patterns that apply to ``path``."""
        names = _names_of(Path(path), self.root)
        styles = self.global_styles
        switches = dict(self.global_switches)
        ignores = list(self.global_ignores)
        for section in self.sections:
            if not any(re.fullmatch(section.pattern, n, re.S) for n in names):
                continue
            if section.styles is not None:
                styles = section.styles
            switches.update(section.switches)
            ignores.extend(section.ignores)
        return ValeFile(styles, tuple(switches.items()), tuple(ignores))


def _names_of(path: Path, root: Path) -> list[str]:
    """The names a section's glob is tried on: the path from the ini's folder, and as given."""
    names = [path.as_posix()]
    with contextlib.suppress(ValueError, OSError):
        names.insert(0, path.resolve().relative_to(root.resolve()).as_posix())
    return names


def builtin_vale_pack() -> Path:
    """Vale's built-in style (Vale.Repetition, Vale.Spelling), shipped with copydesk."""
    return shipped_dir() / "vale" / "Vale.yaml"


def load_vale_config(path: Path, shown: str) -> ValeSetup:
    """Read ``path`` (shown as ``shown`` in messages). Raises ConfigError."""
    try:
        text = read_text(path, "utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(f"cannot read Vale configuration: {reason}", shown) from None
    try:
        sections = parse_ini(text)
    except ConfigError as exc:
        raise ConfigError(exc.message, shown, exc.line, 1) from None
    return _Reader(path, shown, sections).setup()


class _Reader:
    """Turns parsed sections into a :class:`ValeSetup`, collecting warnings as it goes."""

    def __init__(self, path: Path, shown: str, sections: dict[str, list[Line]]) -> None:
        self.root = path.resolve().parent
        self.shown = shown
        self.sections = sections
        self.warnings: list[str] = []
        self.levels: dict[str, str] = {}
        self.styles_path: Path | None = None

    def error(self, message: str, line: int) -> ConfigError:
        return ConfigError(message, self.shown, line, 1)

    def warn(self, message: str, line: int) -> None:
        self.warnings.append(f"{self.shown}:{line}: {message}")

    def setup(self) -> ValeSetup:
        core = self._merged(self.sections[""])
        min_level = "suggestion"
        accept: list[str] = []
        reject: list[str] = []
        if "StylesPath" in core:
            value, line = core["StylesPath"]
            self.styles_path = (self.root / value).resolve()
            if not self.styles_path.is_dir():
                raise self.error(f"StylesPath '{value}' is not a folder", line)
        if "MinAlertLevel" in core:
            value, line = core["MinAlertLevel"]
            if value not in LEVELS:
                raise self.error("MinAlertLevel must be suggestion, warning or error", line)
            min_level = value
        if "Vocab" in core:
            value, line = core["Vocab"]
            for name in _values(value):
                yes, no = self._vocab(name, line)
                accept += yes
                reject += no
        left_out: set[str] = set()
        for key, regions in SCOPE_REGIONS.items():
            if key in core:
                value, line = core[key]
                named = set(_values(value))
                left_out.update(regions[n] for n in named if n in regions)
                unread = named - _DEFAULT_IGNORED - _DEFAULT_SKIPPED - regions.keys()
                if unread:
                    known = ", ".join(sorted(_DEFAULT_IGNORED | _DEFAULT_SKIPPED | regions.keys()))
                    self.warn(f"{key}: copydesk leaves out {known}; "
                              f"{', '.join(sorted(unread))} is linted", line)
        classes = tuple(_values(core["IgnoredClasses"][0])) if "IgnoredClasses" in core else ()
        for key, (_value, line) in core.items():
            if key in _NOT_ACTED_ON:
                self.warn(f"{key} is not acted on: {_NOT_ACTED_ON[key]}", line)
            elif key not in {"StylesPath", "MinAlertLevel", "Vocab", "IgnoredScopes",
                             "SkippedScopes", "IgnoredClasses"}:
                self.warn(f"'{key}' is not a core Vale setting here (styles and rules go in "
                          "a [*] or glob section); ignored", line)
        glob_styles: tuple[str, ...] = ()
        glob_switches: tuple[tuple[str, bool], ...] = ()
        glob_ignores: tuple[str, ...] = ()
        sections: list[ValeSection] = []
        formats: list[tuple[str, str]] = []
        for name, lines in self.sections.items():
            if name == "":
                continue
            if name == "formats":
                formats += [(k.lstrip("."), v.lstrip(".")) for k, v, _ in lines]
                continue
            if name == "asciidoctor":
                if lines:
                    self.warn("[asciidoctor] is not acted on: AsciiDoc is not read", lines[0][2])
                continue
            styles, switches, ignores = self._section(lines)
            if name == "*":
                glob_styles, glob_switches, glob_ignores = styles or (), switches, ignores
            else:
                sections.append(ValeSection(name, glob_pattern(name), styles, switches, ignores))
        return ValeSetup(
            path=self.shown, root=self.root, styles_path=self.styles_path,
            style_dirs=tuple(self._style_dirs()),
            global_styles=glob_styles, global_switches=glob_switches,
            global_ignores=glob_ignores, sections=tuple(sections),
            levels=tuple(self.levels.items()), min_level=min_level, accept=tuple(accept),
            reject=tuple(reject), formats=tuple(formats), warnings=tuple(self.warnings),
            left_out=tuple(sorted(left_out)), ignored_classes=classes,
        )

    def _merged(self, lines: list[Line]) -> dict[str, tuple[str, int]]:
        """Each key once: a list key's repeats joined (Vale's shadows), else the last."""
        out: dict[str, tuple[str, int]] = {}
        for key, value, line in lines:
            if key in out and key in _LIST_KEYS:
                value = out[key][0] + "," + value
            out[key] = (value, line)
        return out

    def _section(
        self, lines: list[Line]
    ) -> tuple[tuple[str, ...] | None, tuple[tuple[str, bool], ...], tuple[str, ...]]:
        merged = self._merged(lines)
        styles = None
        switches: dict[str, bool] = {}
        ignores: list[str] = []
        for key, (value, line) in merged.items():
            if key == "BasedOnStyles":
                styles = tuple(_values(value))
                for style in styles:
                    self._style_dir(style, line)
            elif key in ("BlockIgnores", "IgnorePatterns", "TokenIgnores"):
                ignores += self._patterns(key, value, line)
            elif key in _NOT_ACTED_ON:
                self.warn(f"{key} is not acted on: {_NOT_ACTED_ON[key]}", line)
            elif "." in key:
                # Vale's validateLevel: NO (or anything unknown) turns a rule off
                on = value == "YES" or value in LEVELS
                if value not in ("YES", "NO", *LEVELS):
                    self.warn(f"{key} = {value}: not YES, NO or a level; the rule is off", line)
                switches[key] = on
                if value in LEVELS:
                    self.levels[key] = value
            else:
                self.warn(f"'{key}' is not a Vale section setting; ignored", line)
        return styles, tuple(switches.items()), tuple(ignores)

    def _patterns(self, key: str, value: str, line: int) -> list[str]:
        import regex

        out = []
        for pattern in _values(value):
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise self.error(f"{key}: bad regular expression {pattern!r}: {exc}",
                                 line) from None
            out.append(pattern)
        return out

    def _style_dir(self, style: str, line: int) -> Path:
        if style == "Vale":
            return builtin_vale_pack()
        folder = self.styles_path / style if self.styles_path else None
        if folder is None or not folder.is_dir():
            where = f"in {self.styles_path}" if self.styles_path else "(no StylesPath is set)"
            raise self.error(f"style '{style}' not found {where}", line)
        return folder

    def _style_dirs(self) -> list[tuple[str, str]]:
        """Every style the ini names, with its folder: based on, or one of its rules switched."""
        names: dict[str, None] = {}
        for lines in self.sections.values():
            for key, value, _line in lines:
                if key == "BasedOnStyles":
                    names.update(dict.fromkeys(_values(value)))
                elif "." in key and value != "NO":
                    names[key.split(".", 1)[0]] = None
        out = []
        for style in names:
            if style == "Vale":
                out.append((style, str(builtin_vale_pack())))
            elif self.styles_path and (self.styles_path / style).is_dir():
                out.append((style, str(self.styles_path / style)))
        return out

    def _vocab(self, name: str, line: int) -> tuple[list[str], list[str]]:
        """A vocabulary's accept.txt and reject.txt (Vale 3's config/vocabularies/NAME, or
        Vale 2's Vocab/NAME): one regular expression a line, ``#`` lines are comments."""
        base = self.styles_path
        places = [base / "config" / "vocabularies" / name, base / "Vocab" / name] if base else []
        folder = next((p for p in places if p.is_dir()), None)
        if folder is None:
            raise self.error(f"Vocab '{name}' not found (looked for "
                             f"{', '.join(str(p) for p in places) or 'a StylesPath'})", line)
        lists = []
        for file in ("accept.txt", "reject.txt"):
            entries = []
            if (folder / file).is_file():
                for entry in read_text(folder / file, "utf-8-sig").splitlines():
                    entry = entry.strip()
                    if entry and not entry.startswith("#"):
                        entries.append(entry)
            lists.append(entries)
        return lists[0], lists[1]
