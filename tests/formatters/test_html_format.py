"""``--format html`` and its shared renderer (html_view), read back with the standard HTML parser.

The browser tests (tests/browser/test_html_report.py) look at the same pages as a reader does;
these check the markup itself: every character of the story reaches the page as itself, every
finding's marks spell its match, nothing from the run becomes markup, and the summary counts.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from copydesk import formatters
from copydesk.cli.main import cli
from copydesk.core.kept import keep
from copydesk.core.model import FileResult, Fix, Replacement, Severity, Violation
from copydesk.formatters import html_view
from copydesk.run import parallel
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<script>alert(1)</script> and "><img src=x onerror=alert(1)> & \'quotes\''


class Page(HTMLParser):
    """What a browser would build, as far as these tests need: each mark's findings and text,
    the text of the document bodies, every start tag, and nesting of marks."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.marks: list[tuple[list[str], str]] = []  # (finding ids, text)
        self.bodies: dict[str, str] = {}  # article id -> text of its .cd-text
        self.scripts: list[str] = []
        self._mark: list[str] | None = None
        self._body: str | None = None
        self._article: str | None = None
        self._script = False
        self.nested = False
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "article":
            self._article = a.get("id")
        elif tag == "div" and a.get("class") == "cd-text":
            self._body = self._article
            self.bodies[self._body or ""] = ""
        elif tag == "mark":
            self.nested = self.nested or self._mark is not None
            self._mark = a.get("data-finding", "").split()
            self.marks.append((self._mark, ""))
        elif tag == "script":
            self._script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark = None
        elif tag == "div" and self._body is not None and self._mark is None:
            self._body = None
        elif tag == "script":
            self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts[-1] += data
            return
        if self._mark is not None:
            ids, text = self.marks[-1]
            self.marks[-1] = (ids, text + data)
        if self._body is not None:
            self.bodies[self._body] += data

    def finding_text(self, fid: str) -> str:
        return "".join(text for ids, text in self.marks if fid in ids)

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


def v(
    text: str, start: int, end: int, rule: str = "r.one", severity: Severity = Severity.WARNING,
    message: str = "m", category: str = "c", fix: Fix | None = None, url: str = "",
) -> Violation:
    return Violation(rule, category, severity, message, start, end, url, fix)


def span(text: str, needle: str) -> tuple[int, int]:
    """Where ``needle`` is: only to build fixtures, never inside the product."""
    start = text.index(needle)
    return start, start + len(needle)


def render(results: list[FileResult], **ctx: object) -> str:
    out = io.StringIO()
    formatters.get("html")(out, formatters.RenderContext(**ctx)).render(results)  # type: ignore[arg-type]
    return out.getvalue()


# emoji (astral), a combining mark, Arabic and Hebrew, CRLF and a finding across a CRLF
MIXED = (
    "Le café 😀 est cafe\u0301 👩\u200d👩\u200d👧 ici.\r\n"
    "قال المتحدث إن الجسر مغلق, and שלום עולם here.\r\n"
    "The very\r\nvery end"
)


def mixed_findings() -> list[Violation]:
    spans = [span(MIXED, s) for s in ("😀", "cafe\u0301", "👩\u200d👩\u200d👧", "المتحدث",
                                       "שלום", "very\r\nvery")]
    out = [v(MIXED, s, e, f"r.{i}") for i, (s, e) in enumerate(spans)]
    # overlapping: one from the emoji into "est", one inside it, one zero-length in the middle
    emoji = spans[0][0]
    out += [v(MIXED, emoji - 3, emoji + 5, "r.over", Severity.ERROR, category="legal"),
            v(MIXED, emoji, emoji + 1, "r.same", Severity.SUGGESTION),
            v(MIXED, emoji + 3, emoji + 3, "r.empty")]
    return out


def test_every_finding_s_marks_spell_its_match_and_the_body_is_the_text() -> None:
    found = mixed_findings()
    page = Page(html_view.annotated_document(MIXED, found, {}, doc_id="d"))
    ordered = sorted(found, key=lambda x: x.sort_key())
    for n, x in enumerate(ordered, 1):
        assert page.finding_text(f"d-{n}") == MIXED[x.offset : x.end_offset], x
    assert page.bodies["d"] == MIXED  # every character, CRs included, in order
    assert not page.nested  # cut at every boundary: marks never nest


def test_cr_is_a_character_reference_so_the_dom_keeps_crlf() -> None:
    markup = html_view.annotated_document(MIXED, mixed_findings(), {}, doc_id="d")
    assert "\r" not in markup  # an HTML parser would fold a literal CR LF into LF
    body = markup.split('<aside class="cd-margin"')[0]  # (the notes quote matches again)
    assert body.count("&#13;") == MIXED.count("\r")


def test_overlaps_are_split_and_a_piece_lists_every_finding_on_it() -> None:
    text = "abcdefghij"
    found = [v(text, 0, 6, "r.a", Severity.SUGGESTION), v(text, 3, 9, "r.b", Severity.ERROR),
             v(text, 3, 3, "r.z")]
    page = Page(html_view.annotated_document(text, found, {}, doc_id="x"))
    # sorted: r.a (0-6), r.z (3-3), r.b (3-9)
    assert [(ids, t) for ids, t in page.marks] == [
        (["x-1"], "abc"), (["x-2"], ""), (["x-1", "x-3"], "def"), (["x-3"], "ghi"),
    ]
    classes = [a["class"].split() for t, a in page.tags if t == "mark"]
    assert "cd-sev-error" in classes[2] and "cd-multi" in classes[2]  # the strongest shows
    assert "cd-empty" in classes[1]
    firsts = [a.get("data-first") for t, a in page.tags if t == "mark"]
    assert firsts == ["x-1", "x-2", "x-3", None]
    notes = {a["id"] for t, a in page.tags if t == "li"}
    assert notes == {"x-1-note", "x-2-note", "x-3-note"}
    described = [a["aria-describedby"] for t, a in page.tags if t == "mark"]
    assert described[2] == "x-1-note x-3-note"


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab \r\n😀\u0301ש<&\"'>"), max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=8),
)
def test_any_spans_over_any_text(text: str, raw: list[tuple[int, int]]) -> None:
    found = [v(text, min(s, len(text)), min(s + n, len(text)), f"r.{i}")
             for i, (s, n) in enumerate(raw)]
    page = Page(html_view.annotated_document(text, found, {}, doc_id="h"))
    assert page.bodies["h"] == text and not page.nested
    for n, x in enumerate(sorted(found, key=lambda x: x.sort_key()), 1):
        assert page.finding_text(f"h-{n}") == text[x.offset : x.end_offset]


def test_offsets_out_of_range_are_clamped_not_raised() -> None:
    page = Page(html_view.annotated_document("abc", [v("abc", 2, 99), v("abc", -4, 1)], {},
                                             doc_id="d"))
    assert page.bodies["d"] == "abc"
    assert page.finding_text("d-1") == "a" and page.finding_text("d-2") == "c"


def test_nothing_from_the_run_becomes_markup() -> None:
    text = f"Story {HOSTILE}\n"
    s, e = span(text, "<img")
    fix = Fix((Replacement(s, e, HOSTILE),))
    found = [v(text, s, e, rule=f"r.{HOSTILE}", message=HOSTILE, category=HOSTILE, fix=fix,
               url="javascript:alert(1)"),
             v(text, 0, 5, url='https://example.org/"><script>alert(1)</script>')]
    result = FileResult(f"dir/{HOSTILE}.md", text, found)
    broken = FileResult(f"{HOSTILE}.txt", "", error=HOSTILE)
    markup = render([result, broken])
    page = Page(markup)
    assert page.count("script") == 1 and page.scripts == [html_view.script()]
    assert page.count("img") == 0
    assert page.bodies["f1"] == text
    assert page.finding_text("f1-2") == "<img"
    # no attribute a story could reach carries a handler or a script address
    for _, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs)
        assert not any(val.lower().startswith("javascript:") for val in attrs.values())
    classes = {c for t, a in page.tags if t == "mark" for c in a["class"].split()}
    assert all(re.fullmatch(r"[a-z0-9-]+", c) for c in classes)
    assert "cd-cat-script-alert-1-script-and-img-src-x-onerror-alert-1-quotes" in classes
    assert html.escape(HOSTILE, quote=True) in markup  # the error, as text
    # the second finding's address holds a quote and <: not a plain http(s) URL, so no link
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    assert not any("example.org" in h for h in hrefs)


def test_the_policy_lets_only_the_report_s_own_script_run() -> None:
    page = Page(render([FileResult("a.md", "Hi.\n")]))
    (policy,) = [a["content"] for t, a in page.tags
                 if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(html_view.script().encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy


def test_the_page_loads_nothing() -> None:
    markup = render([FileResult("a.md", "x\n", [v("x\n", 0, 1, url="https://example.org/r")])])
    page = Page(markup)
    assert not [a for t, a in page.tags if "src" in a or t in ("link", "img", "iframe")]
    assert "@import" not in markup and "url(" not in markup and "@font-face" not in markup


def test_notes_carry_severity_words_and_fixes_as_suggested_edits() -> None:
    text = "We utilize it.\n"
    s, e = span(text, "utilize")
    fix = Fix((Replacement(s, e, "use"),))
    page = Page(html_view.annotated_document(
        text, [v(text, s, e, severity=Severity.ERROR, message="Prefer use.", fix=fix,
                 url="https://example.org/rule")], {}, doc_id="d"))
    tags = [t for t, _ in page.tags]
    assert "del" in tags and "ins" in tags
    markup = html_view.annotated_document(text, [v(text, s, e, fix=fix)], {}, doc_id="d")
    assert '<span class="cd-sev-label">warning</span>' in markup
    assert re.search(r"<del[^>]*>.*utilize</del>.*<ins[^>]*>.*use</ins>", markup)
    assert ("a", {"class": "cd-rule-link", "href": "https://example.org/rule",
                  "rel": "noreferrer"}) in page.tags


def test_doc_ids_are_made_safe() -> None:
    page = Page(html_view.annotated_document("ab", [v("ab", 0, 1)], {}, doc_id='a b"<'))
    assert page.marks == [(["a_b__-1"], "a")]


def summary_results() -> list[FileResult]:
    one = "One error.\n"
    three = "Three here: a b c.\n"
    return [
        FileResult("quiet.md", "Nothing.\n"),
        FileResult("one.md", one, [v(one, 0, 3, severity=Severity.ERROR, category="legal")]),
        FileResult("broken.txt", "", error="not valid UTF-8 (byte 0xe9 at byte offset 3)"),
        FileResult("three.md", three, [
            v(three, 12, 13, category="style"), v(three, 14, 15, category="style"),
            v(three, 16, 17, severity=Severity.SUGGESTION, category="legal")]),
    ]


def test_contents_list_files_with_the_most_findings_first() -> None:
    page = Page(render(summary_results()))
    links = [a["href"] for t, a in page.tags if t == "a" and a.get("href", "").endswith("-file")]
    assert links == ["#f4-file", "#f2-file", "#f1-file", "#f3-file"]  # ties: input order
    sections = [a["id"] for t, a in page.tags if t == "section" and "id" in a]
    assert sections == ["f4-file", "f2-file", "f1-file", "f3-file"]


def test_summary_counts_by_severity_and_category() -> None:
    markup = render(summary_results())
    rows = re.findall(r'<li class="([^"]+)"[^>]*><span class="cd-bar-label">([^<]+)</span>'
                      r'.*?<span class="cd-count">(\d+)</span>', markup)
    assert [(label, int(n)) for _, label, n in rows] == [
        ("error", 1), ("warning", 2), ("suggestion", 1), ("legal", 2), ("style", 2),
    ]
    assert "<title>copydesk: 4 findings in 4 files</title>" in markup
    assert "3 files checked; 1 file could not be checked" in markup


def test_a_file_with_an_error_shows_it() -> None:
    markup = render(summary_results())
    assert ("<strong>Could not be checked:</strong> not valid UTF-8 (byte 0xe9 at byte offset 3)"
            in markup)
    assert "could not be checked</td>" in markup


def test_a_clean_file_s_text_is_folded_and_a_single_file_gets_the_summary() -> None:
    page = Page(render([FileResult("quiet.md", "Nothing <here>.\n")]))
    assert page.bodies["f1"] == "Nothing <here>.\n"
    assert page.count("details") == 1 and page.count("figure") == 1  # severities only


def test_a_kept_result_says_its_text_is_gone() -> None:
    text = "ab\n"
    markup = render([keep(FileResult("a.md", text, [v(text, 0, 1)]))])
    assert "The text of this file was not kept." in markup


def test_keep_leaves_the_whole_text_when_asked() -> None:
    result = FileResult("a.md", "ab\n", [v("ab\n", 0, 1)])
    assert keep(result, whole_text=True) is result
    assert formatters.get("html").needs_text and not formatters.get("full").needs_text


def _story(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8", newline="")
    return path


def test_the_command_writes_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    body = "The minister, who sources say, was (source) here.\r\n😀 <b>bold</b> (source).\r\n"
    _story(tmp_path, "story.md", body)
    result = CliRunner().invoke(cli, ["check", "--isolated", "--select", "citations",
                                      "--format", "html", "story.md"])
    assert result.exit_code == 1, result.stderr
    page = Page(result.stdout)
    assert page.bodies["f1"] == body
    assert len(page.marks) == 2 and all(t == "(source)" for _, t in page.marks)


def test_workers_send_back_the_whole_text_for_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)  # two small files still use workers
    bodies = ["A (source) in one.\n", "Two: (source), and a café 😀 (source).\r\n"]
    for i, body in enumerate(bodies):
        _story(tmp_path, f"s{i}.md", body)
    args = ["check", "--isolated", "--select", "citations", "--format", "html", "s0.md", "s1.md"]
    pooled = CliRunner().invoke(cli, [*args, "--jobs", "2"])
    alone = CliRunner().invoke(cli, [*args, "--jobs", "1"])
    assert pooled.stdout == alone.stdout
    page = Page(pooled.stdout)
    assert sorted(page.bodies.values()) == sorted(bodies)
    assert "not kept" not in pooled.stdout


def test_the_sample_story(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", "--format", "html", "examples/news/ferry-fine.md"])
    page = Page(result.stdout)
    text = (ROOT / "examples/news/ferry-fine.md").read_text(encoding="utf-8")
    assert page.bodies["f1"] == text
    assert len({i for ids, _ in page.marks for i in ids}) >= 5
