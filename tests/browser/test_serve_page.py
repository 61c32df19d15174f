"""The ``copydesk serve`` page in Chromium: what an editor sees after pasting, opening a file,
choosing a profile and clicking a quick fix, read back from the rendered DOM.

A real uvicorn serves the app on a free loopback port in a thread. For every finding the json
endpoint reports, the text of the marks carrying its id must be exactly its ``match`` (the
page never computes a position: this is the server's code-point view surviving the trip into
the browser's UTF-16 DOM). Screenshots go to ``$COPYDESK_ARTEFACTS`` or tests/browser/artefacts/.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from copydesk.cli.serve import _bind
from copydesk.serve.app import create_app
from copydesk.serve.linting import Linter
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = Path(os.environ.get("COPYDESK_ARTEFACTS") or ROOT / "tests/browser/artefacts")

# our own words: astral emoji (with a skin tone and a ZWJ sequence), combining marks,
# Hebrew and Arabic, around and inside the sentences the rules flag
STORY = (
    "# Ferry 🚢 fire at the quay\n\n"
    "Zoë and Zoe\u0308 Marsh (👩🏽\u200d🚒) said the blaze was tragically avoidable. "
    "The man was arrested for theft, police said 🔥.\n\n"
    "Residents of רחוב הנמל reportedly left early; the café owner said مرحبا بكم and shut. "
    "Ticket prices have risen 40% since 2021.\n\n"
    "The firm recently retired two ferries 𝒜𝒷𝒸. It is a stark reminder, said Ame\u0301lie. "
    "Was it worth it?\n"
)
HOSTILE = (
    "<script>alert(1)</script>\n\n"
    '"><img src=x onerror=alert(1)> was reportedly seen.\n\n'
    "<b onmouseover=alert(2)>bold</b> &amp; &lt;i&gt; recently\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The page's address, served by uvicorn in a thread (stopped after the module)."""
    app = create_app(Linter(tmp_path_factory.mktemp("desk")))
    sock = _bind("127.0.0.1", 0)
    served = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           lifespan="off"))
    thread = threading.Thread(target=served.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not served.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    served.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture
def opened(page: Page, server: str) -> Iterator[tuple[Page, list[str]]]:
    """The page, opened; the list collects what must stay empty: dialogs, script errors and
    console errors (a CSP refusal of the page's own style or script is one)."""
    problems: list[str] = []

    def dialog(d: Any) -> None:
        problems.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda m: problems.append(f"console: {m.text}")
            if m.type == "error" else None)
    page.goto(server)
    yield page, problems
    assert problems == []


def ready(page: Page) -> None:
    page.wait_for_selector('#cds-view[data-state="ready"] article.cd-doc', timeout=20_000)


def paste(page: Page, text: str) -> None:
    """Put ``text`` in the textarea as a paste does (one input event) and wait for the view."""
    page.fill("#cds-text", "")
    page.focus("#cds-text")
    page.keyboard.insert_text(text)
    ready(page)


def reported(server: str, text: str, fmt: str = "markdown", profile: str = "") -> list[Any]:
    doc = httpx.post(server + "api/json", json={"text": text, "format": fmt, "profile": profile},
                     timeout=30).json()
    return doc["files"][0]["violations"] if doc["files"] else []


def assert_marks_spell_matches(page: Page, findings: list[Any]) -> None:
    assert findings, "the text should have findings"
    shown = page.eval_on_selector_all(
        "li.cd-note[data-finding]", "els => els.map(e => e.getAttribute('data-finding'))")
    assert shown == [f"doc-{n}" for n in range(1, len(findings) + 1)]
    for n, v in enumerate(findings, 1):
        joined = page.eval_on_selector_all(
            f'#cds-view mark[data-finding~="doc-{n}"]',
            "els => els.map(e => e.textContent).join('')")
        assert joined == v["match"], (n, v["rule"])
        rule = page.text_content(f"#doc-{n}-note code.cd-rule")
        assert rule == v["rule"]


def test_every_finding_is_highlighted_as_its_match(
    opened: tuple[Page, list[str]], server: str
) -> None:
    page, _ = opened
    paste(page, STORY)
    findings = reported(server, STORY)
    rules = {v["rule"] for v in findings}
    assert {"legal.presumption-of-guilt", "weasel.reportedly", "style.relative-time",
            "neutrality.editorializing", "style.cliche"} <= rules
    assert_marks_spell_matches(page, findings)
    assert page.text_content(".cd-text") == STORY  # every character, as typed
    summary = page.text_content("#cds-summary") or ""
    assert summary.startswith(f"{sum(v['severity'] == 'error' for v in findings)} error")


def test_a_crlf_file_is_linted_as_read(opened: tuple[Page, list[str]], server: str) -> None:
    page, _ = opened
    crlf = STORY.replace("\n", "\r\n")
    page.set_input_files("#cds-file", files=[{
        "name": "quay.md", "mimeType": "text/markdown", "buffer": crlf.encode("utf-8")}])
    ready(page)
    assert page.input_value("#cds-format") == "markdown"
    findings = reported(server, crlf)
    assert [v["offset"] for v in findings] != [v["offset"] for v in reported(server, STORY)]
    assert_marks_spell_matches(page, findings)
    assert page.text_content(".cd-text") == crlf  # the CRs reached the server and came back
    # a fix keeps the file's own line ends (the textarea shows LF; the file's text is sent)
    n = next(i for i, v in enumerate(findings, 1) if v["rule"] == "legal.presumption-of-guilt")
    page.click(f"#doc-{n}-note button.cds-apply")
    fixed = crlf.replace("arrested for", "arrested on suspicion of")
    page.wait_for_function(
        "want => document.querySelector('.cd-text').textContent === want", arg=fixed)
    ready(page)
    assert_marks_spell_matches(page, reported(server, fixed))


def test_an_uploaded_html_file_is_read_as_html(
    opened: tuple[Page, list[str]], server: str
) -> None:
    page, _ = opened
    text = "<p>The man was <em>arrested for</em> theft; it was reportedly planned.</p>\n"
    page.set_input_files("#cds-file", files=[{
        "name": "page.HTML", "mimeType": "text/html", "buffer": text.encode("utf-8")}])
    ready(page)
    assert page.input_value("#cds-format") == "html"
    assert page.input_value("#cds-text") == text
    findings = reported(server, text, "html")
    assert [v["match"] for v in findings] == ["arrested for", "reportedly"]
    assert_marks_spell_matches(page, findings)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markup_in_a_story_renders_as_text(
    opened: tuple[Page, list[str]], server: str, fmt: str
) -> None:
    page, problems = opened
    page.select_option("#cds-format", fmt)
    paste(page, HOSTILE)
    assert page.text_content(".cd-text") == HOSTILE
    for tag in ("img", "script", "b", "i"):
        assert page.locator(f"#cds-view .cd-text {tag}").count() == 0
    assert page.locator("#cds-view img, #cds-view [onerror], #cds-view [onmouseover]").count() == 0
    page.hover("#cds-view .cd-text")
    findings = reported(server, HOSTILE, fmt)
    if findings:
        assert_marks_spell_matches(page, findings)
    assert problems == []  # no alert(), no script error


def test_a_quick_fix_changes_the_text_and_the_finding_goes(
    opened: tuple[Page, list[str]], server: str
) -> None:
    page, _ = opened
    paste(page, STORY)
    findings = reported(server, STORY)
    n = next(i for i, v in enumerate(findings, 1) if v["rule"] == "legal.presumption-of-guilt")
    page.click(f"#doc-{n}-note button.cds-apply")
    ready(page)
    fixed = STORY.replace("arrested for", "arrested on suspicion of")
    page.wait_for_function(
        "want => document.getElementById('cds-text').value === want", arg=fixed)
    ready(page)
    after = reported(server, fixed)
    assert "legal.presumption-of-guilt" not in {v["rule"] for v in after}
    assert len(after) == len(findings) - 1
    assert_marks_spell_matches(page, after)
    assert page.locator("code.cd-rule", has_text="legal.presumption-of-guilt").count() == 0
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "serve-after-fix.png"))


def test_choosing_a_profile_changes_the_findings(
    opened: tuple[Page, list[str]], server: str
) -> None:
    page, _ = opened
    text = "You should read this. Was it worth it? Ministers reportedly agreed.\n"
    paste(page, text)
    news = {v["rule"] for v in reported(server, text)}
    assert "style.second-person" in news
    assert page.locator("code.cd-rule", has_text="style.second-person").count() == 1
    page.select_option("#cds-profile", "opinion")
    ready(page)
    opinion = reported(server, text, profile="opinion")
    assert "style.second-person" not in {v["rule"] for v in opinion}
    assert page.locator("code.cd-rule", has_text="style.second-person").count() == 0
    assert_marks_spell_matches(page, opinion)


def test_screenshot_after_pasting_a_story(opened: tuple[Page, list[str]], server: str) -> None:
    page, _ = opened
    page.set_viewport_size({"width": 1440, "height": 900})
    story = (ROOT / "examples/news/ferry-fine.md").read_text(encoding="utf-8")
    paste(page, story)
    assert_marks_spell_matches(page, reported(server, story))
    page.evaluate("window.scrollTo(0, 0); document.getElementById('cds-text').scrollTop = 0")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / "serve-ferry-fine.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
