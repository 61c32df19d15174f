"""The readers, one module per input format, found by file name: ``markdown.py`` reads the
format ``markdown``. Each declares ``FORMAT`` (its name), ``SUFFIXES`` (the file name endings
it reads; a folder walk lints exactly these), ``BOUNDED`` (whether it is third-party code read
under a time budget) and ``read(text) -> (ProseText, regions)``. Adding a format is adding its
module (and its tests); the folder walk, ``--stdin-filename`` and rule tests read this registry.

A lone ``\\r`` ends a line, as :class:`copydesk.core.positions.LineIndex` and editors count it; the
readers and the rules look for lines with ``\\n``. So each reader reads the text with every
lone ``\\r`` shown as ``\\n``: the same length, so every offset it reports is an offset of the
source, and a file saved with classic Mac line ends has the lines and paragraphs its editor
shows (without this a CR-only file was one line: one paragraph, one ``full`` output line).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache
from pathlib import PurePath
from types import ModuleType

from ..prose import ProseText
from ..regions import Region

DEFAULT = "text"  # the format of a file whose ending no reader claims
_LONE_CR = re.compile(r"\r(?!\n)")


@cache
def readers() -> dict[str, ModuleType]:
    """Every reader by format name (imported once: a reader keeps its heavy imports inside
    ``read``, so listing them costs little)."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if info.ispkg:  # parts/: the readers' helpers
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if getattr(module, "FORMAT", None) != info.name:
            raise LookupError(f"reader {module.__name__} must declare FORMAT = {info.name!r}")
        found[info.name] = module
    return found


@cache
def by_suffix() -> dict[str, str]:
    """File name ending (lower case, with its dot) -> format name."""
    return {suffix: name for name, module in readers().items() for suffix in module.SUFFIXES}


def format_for(path: str) -> str:
    return by_suffix().get(PurePath(path).suffix.lower(), DEFAULT)


def suffix_for(fmt: str) -> str:
    """The usual file name ending of a format (a rule test's input is named with it)."""
    return str(readers()[fmt].SUFFIXES[0])


def read(fmt: str, text: str) -> tuple[ProseText, list[Region]]:
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    result: tuple[ProseText, list[Region]] = readers()[fmt].read(text)
    return result


def read_bounded(
    fmt: str, text: str, budget: float | None = None
) -> tuple[str, ProseText, list[Region], list[str]]:
    """The format the text was read as, its view and regions, and notes for the user: a
    third-party reader (Markdown, HTML) reads within a time budget (:mod:`.parts.budget`),
    else the text is read as plain text."""
    if not readers()[fmt].BOUNDED:  # our own readers are linear
        prose, regions = read(fmt, text)
        return fmt, prose, regions, []
    from .parts import budget as bounds

    def reader(source: str) -> tuple[ProseText, list[Region]]:
        return read(fmt, source)

    def fallback(source: str) -> tuple[ProseText, list[Region]]:
        return read(DEFAULT, source)

    prose, regions, note = bounds.read_within(fmt, text, reader, fallback, budget)
    return (DEFAULT, prose, regions, [note]) if note else (fmt, prose, regions, [])
