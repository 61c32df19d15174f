"""The browser fixture itself: Chromium starts, renders markup and reads it back as text."""

from __future__ import annotations

from playwright.sync_api import Page


def test_chromium_renders_a_page_and_keeps_markup_out_of_text(page: Page) -> None:
    page.set_content("<p>one <mark>two</mark></p><p>&lt;script&gt;</p>")
    assert page.inner_text("mark") == "two"
    assert page.locator("p").nth(1).inner_text() == "<script>"
