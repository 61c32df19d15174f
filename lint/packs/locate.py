"""The built-in packs by name: ``<name>.yaml`` in the shipped data folder (core.shipped)."""

from __future__ import annotations

from pathlib import Path

from ..core.shipped import shipped_dir


def builtin_dir() -> Path:
    """The folder of the built-in packs."""
    return shipped_dir()


def builtin_pack_names() -> list[str]:
    d = builtin_dir()
    return sorted(p.stem for p in d.glob("*.yaml"))


def builtin_pack_path(name: str) -> Path | None:
    p = builtin_dir() / f"{name}.yaml"
    return p if p.is_file() else None
