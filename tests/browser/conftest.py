"""The browser the tests look through: Debian's Chromium, headless, driven by Playwright.

.ci/run installs the package (``/usr/bin/chromium``); Playwright's own browser download is
never used. A missing browser is a test error naming the package, never a skip: these tests
are the only ones that see the report and the page as an editor does.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.environ.get("COPYDESK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own calls home are refused by a closed network, many at a time: turned off
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# per module, not per session: Playwright's sync API keeps an event loop running while it is
# open, and the asyncio tests collected after tests/browser (the language server's) need none
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's 'chromium' (.ci/run does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
