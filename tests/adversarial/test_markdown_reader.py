"""The Markdown reader on pathological input: every case reads in bounded time, with exact
positions, and a file that overruns its reading budget is linted as plain text with a warning.

Each case runs under a CPU-time ceiling (SIGPROF) at least 20x what it costs on the project's
machine, so a regression to marko's exponential nesting or quadratic link scans fails the test
instead of hanging the suite; speed itself is never asserted.
"""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from copydesk.core.model import Severity
from copydesk.core.rule_spec import RuleSpec
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text
from copydesk.text.document import build_document
from copydesk.text.prose import ProseText
from copydesk.text.readers.parts import budget
from copydesk.text.readers.parts.markdown_events import read_markdown
from copydesk.text.regions import Region

CEILING = 5.0  # CPU seconds; each case below costs at most ~0.21 s on the 2-core machine


class Hung(Exception):
    """The work under the ceiling used up its CPU time."""


@contextmanager
def cpu_ceiling(seconds: float) -> Iterator[None]:
    """Fail (never hang) when the block uses more than ``seconds`` of CPU time."""

    def expire(signum: int, frame: object) -> None:
        raise Hung(f"over {seconds} s of CPU time")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def shown_words(source: str) -> list[tuple[int, str]]:
    """The view's words at their source offsets."""
    prose, _ = read_markdown(source)
    return [(prose.to_source(*m.span())[0], m.group()) for m in re.finditer(r"\S+", prose.text)]


def read(source: str) -> tuple[ProseText, list[Region]]:
    with cpu_ceiling(CEILING):
        return read_markdown(source)


# --------------------------------------------------------------------- nested containers
@pytest.mark.parametrize("depth", [25, 28, 32, 200, 1000])
def test_nested_quotes(depth: int) -> None:
    """marko 2.2.4: 25 levels 2.2 s, 28 levels 7 s, 32 levels minutes."""
    source = "> " * depth + "quoted\n"
    prose, regions = read(source)
    quotes = sorted(r.level for r in regions if r.kind == "blockquote")
    assert quotes == list(range(1, depth + 1))
    start = source.index("quoted")
    assert prose.text == " " * start + "quoted\n"
    assert [(r.start, r.end) for r in regions if r.kind == "paragraph"] == [(start, start + 6)]


def test_one_line_of_600_quote_markers() -> None:
    """marko 2.2.4: RecursionError."""
    source = ">" * 600 + " deep\n"
    prose, regions = read(source)
    assert max(r.level for r in regions if r.kind == "blockquote") == 600
    assert prose.text.split() == ["deep"] and prose.text.index("deep") == 601


@pytest.mark.parametrize(
    "source",
    ["".join("  " * i + "- item\n" for i in range(1000)), "- " * 5000 + "last\n",
     "> - " * 3000 + "last\n", "1. " * 5000 + "last\n"],
    ids=["indented-1000", "one-line-5000", "quote-list-3000", "ordered-5000"],
)
def test_deep_lists(source: str) -> None:
    _, regions = read(source)
    assert max(r.level for r in regions if r.kind == "list") >= 1000
    words = [w for _, w in shown_words(source)]
    assert set(words) <= {"item", "last"}
    assert all(source[s : s + len(w)] == w for s, w in shown_words(source))


# -------------------------------------------------------------------- inline scans
@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("[a](" * 5000, "all"),  # marko 2.2.4: 5.7 s
        ("[" * 100_000, "all"),
        ("![" * 50_000, "all"),
        ("[]((" * 25_000, "all"),
        ("*" * 100_000, "none"),  # a thematic break
        ("a" + "*" * 100_000, "all"),
        ("_" * 100_000, "none"),
        ("a" + "_" * 100_000, "all"),
        ("`" * 100_000, "none"),  # an unclosed code fence
        ("a" + "`" * 100_000, "all"),
        ("`a``" * 25_000, "some"),
        ("*a_" * 33_000, "some"),
        ("*a **a " * 15_000, "some"),
        ("&#" * 50_000, "all"),
        ("<" * 100_000, "all"),
        ("<a " * 30_000, "some"),
        ("~~a" * 30_000, "some"),
    ],
)
def test_unclosed_inline_syntax(source: str, kept: str) -> None:
    prose, _ = read(source)
    assert len(prose.text) == len(source) and prose.is_identity
    if kept == "all":  # nothing closes: the whole line is text, as written
        assert prose.text == source
    elif kept == "none":
        assert not prose.text.strip()
    for i, ch in enumerate(prose.text):  # every shown character is the source's own
        assert ch == " " or ch == source[i]


def test_100kb_of_reference_definitions() -> None:
    """marko 2.2.4: 13 s."""
    source = "".join(f"[ref{i}]: https://x.example/{i} 'title {i}'\n" for i in range(3000))
    source += "\nSee [ref2999] and [ref7].\n"
    prose, regions = read(source)
    assert prose.text.split() == ["See", "ref2999", "and", "ref7."]  # brackets are dropped
    links = [source[r.start : r.end] for r in regions if r.kind == "link"]
    assert links == ["ref2999", "ref7"]


@pytest.mark.parametrize(
    "source",
    ["a_" * 50_000 + "@", "x a_" * 25_000 + "@b", "a@" + ".-" * 50_000 + "!",
     "_www." * 20_000, "(http://a" * 10_000, "a@b" * 30_000, "www.a" * 20_000 + " x@y.z"],
)
def test_bare_link_scans(source: str) -> None:
    """GFM bare URLs and e-mail addresses: marko's e-mail pattern is quadratic on the first."""
    prose, _ = read(source)
    assert len(prose.text) == len(source)
    for i, ch in enumerate(prose.text):
        assert ch == " " or ch == source[i]


def test_wide_table() -> None:
    source = "|" + "a|" * 2000 + "\n|" + "-|" * 2000 + "\n" + ("|" + "b|" * 2000 + "\n") * 20
    _, regions = read(source)
    cells = [r for r in regions if r.kind == "table"]
    assert len(cells) == 2000 * 21
    assert {source[r.start : r.end] for r in cells} == {"a", "b"}


# ------------------------------------------------------------------ the reading budget
def existence(term: str) -> RuleSpec:
    return RuleSpec(id="test.term", pack="test", category="test", extends="existence",
                    message="Avoid '%s'.", severity=Severity.ERROR, options={"tokens": [term]})


DOC = "# Title\n\nRun `frobnicate` now, or frobnicate by hand.\n"


def test_within_budget_is_read_as_markdown() -> None:
    result = lint_text("doc.md", DOC, compile_rules([existence("frobnicate")]))
    assert result.warnings == []
    assert [DOC[v.offset : v.end_offset] for v in result.violations] == ["frobnicate"]


def test_over_budget_is_linted_as_plain_text_with_a_warning() -> None:
    result = lint_text("doc.md", DOC, compile_rules([existence("frobnicate")]), budget=1e-6)
    assert result.warnings == ["1:1: Markdown reading took over 0.0 s; linted as plain text"]
    # read as text, the code span is prose: both places are found, at their source offsets
    starts = [v.offset for v in result.violations]
    assert starts == [m.start() for m in re.finditer("frobnicate", DOC)]
    doc = build_document("doc.md", DOC, budget=1e-6)
    assert doc.format == "text" and doc.prose.text == DOC


def test_a_reader_that_recurses_too_deep_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    def recurse(text: str) -> tuple[object, list[object]]:
        raise RecursionError

    monkeypatch.setattr("copydesk.text.readers.parts.markdown_events.read_markdown", recurse)
    doc = build_document("deep.md", DOC)
    assert doc.notes == ["Markdown nesting too deep for its reader; linted as plain text"]
    assert doc.format == "text"


def test_without_an_alarm_deep_nesting_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("copydesk.match.watchdog.available", lambda: False)
    deep = "> " * (budget.UNTIMED_MAX_NESTING + 1) + "a\n"
    assert build_document("deep.md", deep).notes == [
        f"not read as Markdown (a line nests more than {budget.UNTIMED_MAX_NESTING} quotes or "
        "lists, and no timer can bound it here); linted as plain text"
    ]
    shallow = "> " * budget.UNTIMED_MAX_NESTING + "a\n"
    doc = build_document("ok.md", shallow)
    assert doc.notes == [] and doc.format == "markdown"


def test_the_alarm_is_put_away_after_reading() -> None:
    build_document("doc.md", DOC)
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_cli_names_the_file_and_exits_as_usual(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from cli_helpers import run, write

    root = write(Path(str(tmp_path)), {"slow.md": DOC, "fine.txt": "Nothing here.\n"})
    monkeypatch.setattr(budget, "budget_for", lambda text: 1e-6)
    code, _, err = run(["check", "--format", "concise", str(root / "slow.md"),
                          str(root / "fine.txt")])
    assert code in (0, 1)
    path = str(root / "slow.md")
    line = f"copydesk: warning: {path}:1:1: Markdown reading took over 0.0 s; linted as plain text"
    assert line in err.splitlines()
    assert "fine.txt" not in err


def test_ceiling_catches_a_hang() -> None:
    """The guard itself: a busy loop past the ceiling fails instead of running on."""
    with pytest.raises(Hung), cpu_ceiling(0.2):
        deadline = time.process_time() + 5
        while time.process_time() < deadline:
            pass



def test_html_is_read_within_the_same_budget() -> None:
    page = "<p>Run <code>frobnicate</code> now, or frobnicate by hand.</p>\n"
    rules = compile_rules([existence("frobnicate")])
    assert lint_text("page.html", page, rules).warnings == []
    slow = lint_text("page.html", page, rules, budget=1e-6)
    assert slow.warnings == ["1:1: HTML reading took over 0.0 s; linted as plain text"]
    assert build_document("page.html", page, budget=1e-6).format == "text"


@pytest.mark.parametrize("markup", ["<p", "<!--"])
def test_html_the_stdlib_parser_reads_slowly_falls_back_in_time(markup: str) -> None:
    # html.parser grows ~x15 per x4 on runs of an unclosed tag or comment (8 s per 100 KB):
    # the budget ends the reading and the page is linted as text
    page = markup * (100_000 // len(markup))
    start = time.process_time()
    result = lint_text("page.html", page, compile_rules([existence("frobnicate")]), budget=0.3)
    assert result.warnings and "HTML reading took over 0.3 s" in result.warnings[0]
    assert time.process_time() - start < 20  # hang guard: ~0.5 s here
