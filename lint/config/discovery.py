"""Which files a folder walk lints: prose extensions, minus what git would ignore.

``.gitignore`` files at every level (deeper files win, ``!`` re-includes), the repository's
``.git/info/exclude`` and the usual tool folders are honoured. A path named on the command line
is always linted, whatever its name.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.regular_files import read_text
from ..core.work_tree import work_tree_top
from ..text import readers

if TYPE_CHECKING:  # imported when an ignore file has lines: a single named file never needs it
    from pathspec import PathSpec

ALWAYS_SKIP = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}
)


def _spec(file: Path) -> PathSpec[Any] | None:
    try:
        lines = read_text(file, errors="replace").splitlines()
    except OSError:
        return None
    if not any(ln.strip() for ln in lines):
        return None
    from pathspec import PathSpec

    return PathSpec.from_lines("gitignore", lines)


class IgnoreRules:
    """The stack of ignore specs that apply inside one walk, by folder."""

    def __init__(self, top: Path) -> None:
        top = top.resolve()
        self.specs: list[tuple[Path, PathSpec[Any]]] = []
        root = work_tree_top(top)
        if root is not None:
            exclude = _spec(root / ".git" / "info" / "exclude")
            if exclude:
                self.specs.append((root, exclude))
            # .gitignore files above the walk's top still apply to it
            for d in reversed([top, *top.parents]):
                if d == top or not d.is_relative_to(root):
                    continue
                self._add(d)
            if self.ignored(top, True):
                # the user named an ignored folder: lint it, with only its own ignore files
                self.specs.clear()

    def _add(self, folder: Path) -> None:
        spec = _spec(folder / ".gitignore")
        if spec:
            self.specs.append((folder, spec))

    def ignored(self, path: Path, is_dir: bool) -> bool:
        verdict = False
        for base, spec in self.specs:
            if not path.is_relative_to(base):
                continue
            rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                verdict = result.include
        return verdict


def walk(top: Path, also: frozenset[str] = frozenset()) -> Iterator[Path]:
    """Prose files under ``top`` (relative to it) in sorted order, honouring ignore files.
    ``also``: more file name endings to walk (lower case, with the dot: a Vale project's
    ``[formats]`` reads ``.mdx`` as Markdown).

    The walk keeps its own stack (a folder tree thousands deep is no recursion limit) and
    lints only regular files: FIFOs, sockets and devices are skipped, as are symbolic links
    that dangle or lead out of ``top`` (a path named on the command line is still linted).
    """
    rules = IgnoreRules(top)
    top = top.resolve()
    rules._add(top)
    # each level: its sorted entries still to visit, and the ignore depth to restore after it
    stack: list[tuple[Iterator[os.DirEntry[str]], int]] = [(_entries(top), len(rules.specs))]
    while stack:
        entries, depth = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            del rules.specs[depth:]
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            if entry.name in ALWAYS_SKIP or rules.ignored(path, True):
                continue
            depth = len(rules.specs)
            rules._add(path)
            stack.append((_entries(path), depth))
        elif (
            (path.suffix.lower() in readers.by_suffix() or path.suffix.lower() in also)
            and not rules.ignored(path, False)
            and _lintable(entry, top)
        ):
            yield path.relative_to(top)


def _entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return iter(())
    return iter(entries)


def _lintable(entry: os.DirEntry[str], top: Path) -> bool:
    """A regular file (symlinks followed), and a symlink only when it stays inside ``top``."""
    try:
        if entry.is_symlink():
            target = Path(entry.path).resolve(strict=True)
            if not target.is_relative_to(top):
                return False
        return stat.S_ISREG(entry.stat().st_mode)
    except (OSError, RuntimeError):  # dangling, a loop, or unreadable: not ours to lint
        return False
