"""Parsed packs kept on disk: a pack that loaded cleanly is not read and validated again.

A ``pack`` record (:mod:`copydesk.match.disk_cache`, sealed) holds a parsed, validated
:class:`~copydesk.packs.load.Pack`, keyed on the pack's path, the bytes of every file it was read
from (its YAML files and the data files its rules name) and the code fingerprint (the version
of copydesk and of the loader code). Any byte change to any of them misses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..core.regular_files import read_bytes
from ..match import disk_cache


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, None when it cannot be read (a missing data file counts)."""
    try:
        return hashlib.sha256(read_bytes(path)).hexdigest()
    except OSError:
        return None


def _pack_key(name: str, files: Iterable[Path]) -> str | None:
    parts = [disk_cache.code_fingerprint(), name]
    for f in files:
        digest = file_digest(f)
        if digest is None:
            return None  # let the loader report the unreadable file
        parts.append(f"{f.name}:{digest}")
    return "\n".join(parts)


def load_pack(name: str, files: list[Path]) -> Any:
    """The cached Pack for these files, or None. Its data files must still hash the same."""
    key = _pack_key(name, files)
    record = disk_cache.read("pack", key) if key is not None else None
    if not (isinstance(record, tuple) and len(record) == 2):
        return None
    pack, deps = record
    if any(file_digest(Path(p)) != digest for p, digest in deps):
        return None
    return pack


def store_pack(name: str, files: list[Path], pack: Any, data_files: Iterable[Path]) -> None:
    key = _pack_key(name, files)
    if key is not None:
        deps = [(str(p), file_digest(p)) for p in dict.fromkeys(data_files)]
        disk_cache.write("pack", key, (pack, deps))
