"""Shared test helpers: lint a string with chosen rules and get violations back."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.engine import compile_rules
from lint.model import FileResult
from lint.packs.load import load_pack
from lint.packs.locate import builtin_dir
from lint.runner import lint_text

ROOT = Path(__file__).resolve().parent.parent


def lint_with(pack_file: Path, path: str, text: str) -> FileResult:
    pack = load_pack(pack_file)
    return lint_text(path, text, compile_rules(pack.rules))


@pytest.fixture
def builtin() -> Path:
    return builtin_dir()
