"""The serve app under Starlette's TestClient, with real lints: one Linter for a folder with no
config (the built-in packs, the news profile), as ``copydesk serve`` started there would make."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from copydesk.serve.app import create_app
from copydesk.serve.linting import Linter

with warnings.catch_warnings():  # Starlette 1.x would have httpx2; httpx still works
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

ORIGIN = "http://127.0.0.1:8000"


@pytest.fixture(scope="session")
def served_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("newsroom")


@pytest.fixture(scope="session")
def linter(served_folder: Path) -> Linter:
    return Linter(served_folder)


@pytest.fixture
def client(linter: Linter) -> Iterator[TestClient]:
    with TestClient(create_app(linter), base_url=ORIGIN) as test_client:
        yield test_client


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Starlette 1.x asks for httpx2 in its test client; httpx (the test extra's) still works
    quiet = pytest.mark.filterwarnings("ignore:Using `httpx` with:UserWarning")
    for item in items:
        if "tests/serve/" in str(item.path).replace("\\", "/"):
            item.add_marker(quiet)
