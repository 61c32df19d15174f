"""The ``html`` report as an editor sees it: opened from a file in Chromium, read from the DOM.

Every finding's highlight must spell exactly the ``match`` the ``json`` format reports for it
(emoji, combining marks, right-to-left text, CRLF), a hostile story must stay text, the keys
must move from finding to finding, and print must keep the notes. The sample story's report is
screenshotted into ``$COPYDESK_ARTEFACTS`` (else tests/browser/artefacts/) for people to look at.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import copydesk
import pytest
from copydesk import formatters
from copydesk.core.model import FileResult, Severity, Violation
from playwright.sync_api import Dialog, Page

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = Path(os.environ.get("COPYDESK_ARTEFACTS") or ROOT / "tests/browser/artefacts")
SAMPLE = "examples/news/ferry-fine.md"

# Our own sentences, each around or inside a shipped rule's finding.
DOCS = {
    "emoji.txt": (
        "The minister's “party 🎉 boat” left at noon 🚢, a senior official said 👍.\n\n"
        "Tragically 🙁, the ferry 👩\u200d👩\u200d👧 was late (source).\n"
    ),
    "combining.md": (
        "# Cafe\u0301 news\n\nThe “cafe\u0301” shut. Its owner, Zoe\u0308, was arrested for fraud "
        "and was reportedly ruined (source).\n"
    ),
    "rtl.txt": (
        "قال المتحدث إن الجسر مغلق (source) اليوم.\n\n"
        "Hundreds of protesters came to כיכר שלום, and נתן was reportedly there.\n\n"
        "Tragically, the bridge at الجسر stayed shut, a senior official said.\n\n"
        "The mayor's “שלום plan” failed. “We are here today and we stay, שלום עולם.” "
        "Crowds waited. \"The bridge الجسر will stay shut for many weeks to come.\" "
        "The council met later.\n"
    ),
    "crlf.md": (
        "First line (source).\r\nA senior\r\nofficial said it was a stark reminder.\r\n\r\n"
        "The council's “fix\r\nit” team left.\r\n"
    ),
}
HOSTILE = (
    "The file held <script>alert(1)</script> and \"><img src=x onerror=alert(1)> "
    "and a '\"><svg onload=alert(2)>' too (source).\n"
    "</div></article><script>alert(3)</script> Tragically, it ended (source).\n"
)

JOINED = """() => Array.from(document.querySelectorAll(".cd-notes > li.cd-note")).map(note => {
  const id = note.getAttribute("data-finding");
  const marks = document.querySelectorAll('mark[data-finding~="' + id + '"]');
  return [id, Array.from(marks).map(m => m.textContent).join("")];
})"""


def report(results: list[FileResult], session: copydesk.Session, folder: Path) -> Path:
    out = io.StringIO()
    ctx = formatters.RenderContext(rules=session.rules)
    formatters.get("html")(out, ctx).render(results)
    path = folder / "report.html"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def open_report(page: Page, path: Path) -> list[str]:
    """Open the report; returns the list the page's errors and dialogs will be added to."""
    trouble: list[str] = []
    page.on("pageerror", lambda exc: trouble.append(f"error: {exc}"))

    def dialog(d: Dialog) -> None:
        trouble.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(path.as_uri())
    return trouble


def test_every_highlight_spells_the_json_match(page: Page, tmp_path: Path) -> None:
    session = copydesk.Session()
    results = [copydesk.check_text(text, name, session) for name, text in DOCS.items()]
    doc = copydesk.to_json(results, session)
    trouble = open_report(page, report(results, session, tmp_path))
    joined = dict(page.evaluate(JOINED))
    by_path = {f["path"]: f["violations"] for f in doc["files"]}
    checked = 0
    for i, (name, text) in enumerate(DOCS.items(), 1):
        # the report numbers each file's findings in (offset, end, rule) order
        wanted = sorted(by_path[name], key=lambda f: (f["offset"], f["end_offset"], f["rule"]))
        assert len(wanted) >= 3, name  # the fixture must give the rules something to find
        for n, finding in enumerate(wanted, 1):
            assert joined[f"f{i}-{n}"] == finding["match"], (name, finding)
            checked += 1
        body = page.locator(f"#f{i} .cd-text")
        assert body.evaluate("el => el.textContent") == text  # CRs and all, in order
    assert checked == len(joined) == sum(len(r.violations) for r in results)
    # the fixtures do reach what they are about
    matches = [f["match"] for f in doc["files"][0]["violations"]]
    assert "“party 🎉 boat”" in matches
    assert "“cafe\u0301”" in [f["match"] for f in by_path["combining.md"]]
    assert "A senior\r\nofficial" in [f["match"] for f in by_path["crlf.md"]]
    assert "“fix\r\nit”" in [f["match"] for f in by_path["crlf.md"]]
    rtl = [f["match"] for f in by_path["rtl.txt"]]
    assert "“שלום plan”" in rtl and any("الجسر" in m and len(m) > 20 for m in rtl)
    assert trouble == []


def test_every_mark_is_described_by_a_note_that_exists(page: Page, tmp_path: Path) -> None:
    session = copydesk.Session()
    results = [copydesk.check_text(text, name, session) for name, text in DOCS.items()]
    open_report(page, report(results, session, tmp_path))
    missing = page.evaluate("""() => Array.from(document.querySelectorAll("mark.cd-finding"))
        .flatMap(m => m.getAttribute("aria-describedby").split(" "))
        .filter(id => !document.getElementById(id))""")
    assert missing == []
    # the severity reaches a screen reader as a word, not as a colour
    labels = page.evaluate("""() => Array.from(document.querySelectorAll(".cd-sev-label"))
        .map(el => getComputedStyle(el, "::before").content + el.textContent)""")
    shapes = {'"■ "error', '"▲ "warning', '"● "suggestion'}  # a shape and a word each
    assert labels and set(labels) <= shapes and len(set(labels)) >= 2


def _hostile_report(tmp_path: Path, keep_policy: bool) -> Path:
    story = tmp_path / "hostile.txt"
    story.write_text(HOSTILE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", "--format", "html", story.name],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert run.returncode == 1, run.stderr
    markup = run.stdout
    if not keep_policy:  # escaping alone must hold: the policy is only a second wall
        markup = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", markup)
        assert "Content-Security-Policy" not in markup
    path = tmp_path / f"report-{keep_policy}.html"
    path.write_text(markup, encoding="utf-8")
    return path


@pytest.mark.parametrize("keep_policy", [True, False], ids=["with-policy", "without-policy"])
def test_a_hostile_story_renders_as_text(page: Page, tmp_path: Path, keep_policy: bool) -> None:
    trouble = open_report(page, _hostile_report(tmp_path, keep_policy))
    page.keyboard.press("j")  # notes shown as tooltips are copies: they must stay text too
    page.wait_for_timeout(200)
    assert trouble == []
    assert page.locator("img").count() == 0 and page.locator("svg").count() == 0
    assert page.locator("script").count() == 1  # the report's own
    assert page.locator("#f1 .cd-text").evaluate("el => el.textContent") == HOSTILE
    shown = page.locator("#f1 .cd-text").inner_text()
    assert "<script>alert(1)</script>" in shown and '"><img src=x onerror=alert(1)>' in shown
    assert page.evaluate("() => Array.from(document.querySelectorAll('*'))"
                         ".some(el => Array.from(el.attributes).some(a => a.name.startsWith('on')))"
                         ) is False
    assert page.locator("mark.cd-finding").count() >= 3


def _sample_report(tmp_path: Path) -> Path:
    run = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", "--format", "html", "-o",
         str(tmp_path / "sample.html"), SAMPLE],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    return tmp_path / "sample.html"


def _current(page: Page) -> Any:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const note = document.querySelector(".cd-notes > li.cd-note.cd-active");
        const tip = document.getElementById("cd-tip");
        const r = el.getBoundingClientRect();
        return {tag: el.tagName, first: el.getAttribute("data-first"),
                note: note && note.id, tip: tip && !tip.hidden && tip.innerText,
                outline: getComputedStyle(el).outlineStyle,
                inView: r.top >= 0 && r.bottom <= innerHeight};
    }""")


def test_keys_move_from_finding_to_finding(page: Page, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 900, "height": 420})  # so that findings lie off screen
    trouble = open_report(page, _sample_report(tmp_path))
    count = page.locator(".cd-notes > li.cd-note").count()
    assert count >= 5
    seen = []
    for _ in range(count):
        page.keyboard.press("j")
        now = _current(page)
        assert now["tag"] == "MARK" and now["inView"] and now["outline"] != "none"
        n = now["note"].removeprefix("f1-").removesuffix("-note")
        assert now["first"].split()[0] == f"f1-{n}" and now["tip"]
        seen.append(int(n))
    assert seen == list(range(1, count + 1))
    page.keyboard.press("j")  # past the last: stays there
    assert _current(page)["note"] == f"f1-{count}-note"
    page.keyboard.press("k")
    page.keyboard.press("p")
    assert _current(page)["note"] == f"f1-{count - 2}-note"
    page.keyboard.press("n")
    assert _current(page)["note"] == f"f1-{count - 1}-note"
    page.keyboard.press("Escape")
    assert _current(page)["tip"] is False
    # Tab reaches the marks too, and focusing one shows its note
    page.locator("#f1-1").focus()
    assert _current(page)["note"] == "f1-1-note"
    page.keyboard.press("Tab")
    assert _current(page)["note"] == "f1-2-note"
    assert trouble == []


def test_print_keeps_the_notes_numbered(page: Page, tmp_path: Path) -> None:
    open_report(page, _sample_report(tmp_path))
    page.keyboard.press("j")
    page.emulate_media(media="print")
    notes = page.locator(".cd-notes > li.cd-note")
    assert notes.count() >= 5 and all(notes.nth(i).is_visible() for i in range(notes.count()))
    assert page.locator("#cd-tip").is_hidden() and page.locator(".cd-keys").is_hidden()
    numbers = page.evaluate("""() => Array.from(document.querySelectorAll("mark[data-n]"))
        .map(m => getComputedStyle(m, "::before").content)""")
    assert numbers == [f'"{n}"' for n in range(1, len(numbers) + 1)]
    assert page.evaluate("() => getComputedStyle(document.querySelector('.cd-margin')).position"
                         ) == "static"
    page.pdf(path=str(tmp_path / "printed.pdf"))  # it prints at all


def _luminance(colour: str) -> float:
    r, g, b = (int(x) / 255 for x in re.findall(r"[\d.]+", colour)[:3])
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_contrast_is_at_least_4_5(page: Page, tmp_path: Path) -> None:
    session = copydesk.Session()
    results = [copydesk.check_text(text, name, session) for name, text in DOCS.items()]
    open_report(page, report(results, session, tmp_path))
    pairs = page.evaluate("""() => Array.from(document.querySelectorAll(
            "mark.cd-finding, li.cd-note .cd-sev-label, li.cd-note .cd-msg, .cd-cat-label, "
            + ".cd-fix del, .cd-fix ins, .cd-meta, .cd-desc, .cd-note-n"))
        .map(el => {
            let bg = el, colour = getComputedStyle(el).backgroundColor;
            while (bg && /rgba\\(.*, 0\\)|transparent/.test(colour)) {
                bg = bg.parentElement;
                colour = bg ? getComputedStyle(bg).backgroundColor : "rgb(255, 255, 255)";
            }
            return [el.className || el.tagName, getComputedStyle(el).color, colour];
        })""")
    assert len(pairs) > 20
    low = [(what, fg, bg) for what, fg, bg in pairs if _contrast(fg, bg) < 4.5]
    assert low == []


def test_screenshots_of_the_sample_story(page: Page, tmp_path: Path) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    trouble = open_report(page, _sample_report(tmp_path))
    # the top of the report down to the first highlights (docs/report.png is this one)
    page.screenshot(path=str(ARTEFACTS / "report-top.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": 1200, "height": 1320})
    page.screenshot(path=str(ARTEFACTS / "report-full.png"), full_page=True)
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.screenshot(path=str(ARTEFACTS / "report-finding.png"))
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTEFACTS / "report-print.png"), full_page=True)
    for name in ("report-top", "report-full", "report-finding", "report-print"):
        assert (ARTEFACTS / f"{name}.png").stat().st_size > 10_000
    assert trouble == []


def test_overlapping_and_empty_findings_are_each_visited(page: Page, tmp_path: Path) -> None:
    # made-up findings where no shipped rule overlaps so: two from one start, one inside
    # another, one of no length (the positions contract holds for any spans)
    text = "Ferry 😀 fares rose.\r\nSo did the fees.\n"
    def at(start: int, end: int, rule: str) -> Violation:
        return Violation(rule, "c", Severity.WARNING, f"m {rule}", start, end)

    found = [at(0, 12, "r.a"), at(0, 5, "r.b"), at(6, 6, "r.empty"), at(8, 22, "r.c"),
             at(11, 16, "r.d")]
    results = [FileResult("made-up.txt", text, found)]
    trouble = open_report(page, report(results, copydesk.Session(), tmp_path))
    ordered = sorted(found, key=lambda v: v.sort_key())
    joined = dict(page.evaluate(JOINED))
    assert [joined[f"f1-{n}"] for n in range(1, 6)] == [text[v.offset:v.end_offset]
                                                        for v in ordered]
    visited = []
    for _ in ordered:
        page.keyboard.press("j")
        visited.append(_current(page)["note"])
    assert visited == [f"f1-{n}-note" for n in range(1, 6)]
    # a click on a later piece of a finding shows the finding that starts there first
    page.locator('mark[data-finding="f1-4"]').last.click()
    assert _current(page)["note"] == "f1-4-note"
    assert trouble == []


def test_hovering_a_finding_shows_its_note_until_the_pointer_leaves(
    page: Page, tmp_path: Path
) -> None:
    trouble = open_report(page, _sample_report(tmp_path))
    mark = page.locator("#f1-2")
    mark.hover()
    tip = page.locator("#cd-tip")
    assert tip.is_visible()
    assert page.locator("#f1-2-note .cd-msg").inner_text() in tip.inner_text()
    page.mouse.move(5, 5)  # the page's top corner: no finding there
    assert tip.is_hidden()
    page.keyboard.press("j")  # a focused finding's note comes back after a hover elsewhere
    page.locator("#f1-3").hover()
    page.mouse.move(5, 5)
    assert tip.is_visible() and page.locator("#f1-1-note .cd-msg").inner_text() in tip.inner_text()
    assert trouble == []
