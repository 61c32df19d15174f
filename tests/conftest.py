"""Shared test helpers: lint a string with chosen rules and get violations back."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from copydesk.core.model import FileResult
from copydesk.match import anchors
from copydesk.packs.load import load_pack
from copydesk.packs.locate import builtin_dir
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text

ROOT = Path(__file__).resolve().parent.parent


def lint_with(pack_file: Path, path: str, text: str) -> FileResult:
    pack = load_pack(pack_file)
    return lint_text(path, text, compile_rules(pack.rules))


@pytest.fixture(scope="module")
def own_patterns_at_once() -> Iterator[None]:
    """A common word tries its own pattern (copydesk.match.anchors.WordAnchors) from its first
    place on,
    not once a process has met it OWN_PATTERN_FROM times, so that a test exercises it."""
    saved, anchors.OWN_PATTERN_FROM = anchors.OWN_PATTERN_FROM, 0
    yield
    anchors.OWN_PATTERN_FROM = saved


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The pack cache of the whole session (and of the CLIs it starts) in a temporary folder,
    never in the user's ~/.cache; shared by all tests, so later tests run on warm records."""
    saved = {name: os.environ.get(name) for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME")}
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("xdg-state"))  # the seal's key
    yield
    for name, old in saved.items():
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


@pytest.fixture
def builtin() -> Path:
    return builtin_dir()
