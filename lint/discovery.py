"""Which files a folder walk lints: prose extensions, minus what git would ignore.

``.gitignore`` files at every level (deeper files win, ``!`` re-includes), the repository's
``.git/info/exclude`` and the usual tool folders are honoured. A path named on the command line
is always linted, whatever its name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when an ignore file has lines: a single named file never needs it
    from pathspec import PathSpec

PROSE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})
ALWAYS_SKIP = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}
)


def _spec(file: Path) -> PathSpec[Any] | None:
    try:
        lines = file.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not any(ln.strip() for ln in lines):
        return None
    from pathspec import PathSpec

    return PathSpec.from_lines("gitignore", lines)


def _git_root(start: Path) -> Path | None:
    for d in (start, *start.parents):
        if (d / ".git").exists():
            return d
    return None


class IgnoreRules:
    """The stack of ignore specs that apply inside one walk, by folder."""

    def __init__(self, top: Path) -> None:
        top = top.resolve()
        self.specs: list[tuple[Path, PathSpec[Any]]] = []
        root = _git_root(top)
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


def walk(top: Path) -> Iterator[Path]:
    """Prose files under ``top`` (relative to it) in sorted order, honouring ignore files."""
    rules = IgnoreRules(top)
    top = top.resolve()
    rules._add(top)

    def visit(folder: Path) -> Iterator[Path]:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if entry.name in ALWAYS_SKIP or rules.ignored(path, True):
                    continue
                depth = len(rules.specs)
                rules._add(path)
                yield from visit(path)
                del rules.specs[depth:]
            elif path.suffix.lower() in PROSE_SUFFIXES and not rules.ignored(path, False):
                yield path.relative_to(top)

    yield from visit(top)
