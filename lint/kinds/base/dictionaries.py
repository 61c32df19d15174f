"""Hunspell dictionaries for the ``spelling`` kind: where a named one is, loading it once per
process, and the word lists of ``ignore``.

The speller is chunspell (the optional extra ``copydesk[spelling]``): real Hunspell, with an
en_US dictionary in its wheel. It is imported only when a spelling rule is loaded.

Dictionaries are read tolerantly. An .aff file that declares a legacy encoding (or none, which
Hunspell takes for ISO8859-1) over a UTF-8 .dic is common (Vale's own test dictionaries do it):
Hunspell compares bytes, so such a dictionary is asked in UTF-8 bytes, which is what it holds.
"""

from __future__ import annotations

import codecs
import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

EXTRA = "pip install 'copydesk[spelling]'"


def backend() -> ModuleType:
    """chunspell's module (imported as ``hunspell``); ImportError when it is not installed."""
    return importlib.import_module("hunspell")


def missing_backend() -> str | None:
    """Why spelling rules cannot run here (chunspell is not installed), or None."""
    try:
        backend()
    except ImportError:
        return (
            "spelling rules skipped: the 'spelling' kind needs the chunspell library "
            f"({EXTRA})"
        )
    return None


@dataclass(frozen=True)
class DictionaryFiles:
    """One Hunspell dictionary: ``<folder>/<name>.aff`` and ``.dic``."""

    folder: Path
    name: str

    def paths(self) -> tuple[Path, Path]:
        return self.folder / f"{self.name}.aff", self.folder / f"{self.name}.dic"


def bundled() -> DictionaryFiles:
    """The en_US dictionary in chunspell's wheel (named here, not through $HUNSPELL_DATA)."""
    return DictionaryFiles(Path(str(backend().__file__)).parent / "dictionaries", "en_US")


def dictionary_roots(styles: Path, dicpath: str | None) -> list[Path]:
    """Where named dictionaries are looked for, in order: ``dicpath`` (absolute, or relative
    to StylesPath or the working folder) or else ``<StylesPath>/config/dictionaries``, then
    each folder of $DICPATH."""
    if dicpath:
        first = next(
            (p for p in (Path(dicpath), styles / dicpath, Path.cwd() / dicpath) if p.is_dir()),
            None,
        )
        if first is None:
            raise LookupError(f"dicpath '{dicpath}' is not a folder (nor under {styles})")
        roots = [first]
    else:
        roots = [styles / "config" / "dictionaries"]
    roots += [Path(p) for p in os.environ.get("DICPATH", "").split(os.pathsep) if p]
    return roots


def find(name: str, roots: Sequence[Path]) -> list[DictionaryFiles]:
    """The dictionaries called ``name``; LookupError naming the paths tried when a plain name
    is in no root. A name with ``*`` is a glob over the first root only (the style's own
    dictionaries, as Vale.Spelling loads them; not every language $DICPATH may hold): every
    match, maybe none."""
    if "*" in name:
        return [
            DictionaryFiles(roots[0], dic.stem)
            for dic in sorted(roots[0].glob(f"{name}.dic"))
            if dic.with_suffix(".aff").is_file()
        ]
    tried = []
    for root in roots:
        files = DictionaryFiles(root, name)
        aff, dic = files.paths()
        if aff.is_file() and dic.is_file():
            for path in (aff, dic):
                if not os.access(path, os.R_OK):
                    raise LookupError(f"dictionaries: '{name}' cannot be read ({path})")
            return [files]
        tried += [str(aff), str(dic)]
    raise LookupError(f"dictionaries: '{name}' not found (tried {', '.join(tried)})")


class Speller:
    """One loaded dictionary: ``accepts(word)``."""

    def __init__(self, files: DictionaryFiles) -> None:
        self._h: Any = backend().Hunspell(
            files.name, hunspell_data_dir=str(files.folder),
            system_encoding=sys.getfilesystemencoding(),
        )
        # chunspell encodes a word in the encoding the .aff declares; a dictionary written in
        # UTF-8 under another name is handed the UTF-8 bytes dressed as that encoding's text
        self._declared: str = self._h._dic_encoding
        self._as_utf8 = codecs.lookup(self._declared).name != "utf-8" and _is_utf8_text(
            files.paths()[1]
        )

    def accepts(self, word: str) -> bool:
        try:
            if self._as_utf8:
                word = word.encode("utf-8").decode(self._declared)
            return bool(self._h.spell(word))
        except UnicodeError:  # a letter the dictionary's encoding cannot hold
            return False


@cache
def speller(files: DictionaryFiles) -> Speller:
    """The dictionary loaded once per process."""
    return Speller(files)


def _is_utf8_text(dic: Path) -> bool:
    data = dic.read_bytes()
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def word_list_candidates(entry: str, styles: Path) -> list[Path]:
    """Where an ``ignore`` entry may be, in Vale's order."""
    return [Path(entry).absolute(), styles / entry, styles / "config" / "ignore" / entry]


def word_list_files(entry: str, styles: Path) -> list[Path]:
    """The files an ``ignore`` entry names, as Vale looks for them: the path itself (absolute
    or from the working folder), then under StylesPath, then under ``<StylesPath>/config/ignore``;
    every one that exists is read, and a folder stands for the files in it. Like Vale, an entry
    that names nothing adds no words (a style that lists a file it does not ship still loads)."""
    out: list[Path] = []
    for path in word_list_candidates(entry, styles):
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            out.append(path)
    return list(dict.fromkeys(p.resolve() for p in out))


def read_word_lists(paths: Iterable[Path]) -> frozenset[str]:
    """One word a line, UTF-8 (a stray byte does not stop it); blank lines and '#' are skipped."""
    words: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.strip()
            if word and word != "#":
                words.add(word)
    return frozenset(words)
