"""Property tests: every reader's view maps back into its source exactly.

Documents are generated from fragments of all three formats (so each reader also meets the
others' syntax), with LF, CRLF and lone CR line endings, a BOM dropped by ``decode``, emoji and
other astral characters, combining marks, character references, Markdown links, code spans,
fences and escapes.
"""

from __future__ import annotations

import html
import re

from copydesk.core.positions import LineIndex
from copydesk.text.decode import decode
from copydesk.text.prose import ProseText
from copydesk.text.readers.parts.html_parser import read_html
from copydesk.text.readers.parts.markdown_events import (
    CODE_PLACEHOLDER,
    build_view,
    read_markdown,
    read_spans,
)
from copydesk.text.readers.text import read_text
from copydesk.text.regions import REGION_KINDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ALPHABET = "aZ09 .,;:!?'\"-_*#>|[]()<>&\\`~\t’“”é\u0301漢😀𝔘🇫🇷\u00a0"
FRAGMENTS = [
    # line endings
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    # character references, valid and not
    "&amp;",
    "&rsquo;",
    "it&rsquo;s",
    "&#8212;",
    "&#x1F600;",
    "&copy",
    "&nosuch;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&",
    "&#",
    # Markdown
    '[link](http://x.example/a "title")',
    "![alt text](i.png)",
    "[ref][r]",
    "[r]: /u",
    "`code`",
    "``a`b``",
    "\n```\nfence &amp; `x`\n```\n",
    "\\*",
    "\\\\",
    "\\a",
    "*em*",
    "**strong**",
    "~~del~~",
    "<https://a.example>",
    "www.c.example",
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "    ",
    "\n| a | b |\n|---|---|\n| c \\| d | e |\n",
    "---",
    "===",
    "- [ ] ",
    # HTML
    "<p>",
    "</p>",
    '<a href="x">',
    "</a>",
    "<script>x<y &amp;</script>",
    "<style>a{}</style>",
    "<!DOCTYPE html>",
    "<br/>",
    "<h3>",
    "</h3>",
    "<li>",
    "<td>",
    "<code>",
    "</code>",
    "<pre>",
    "<!-- note -->",
    "<!--",
    "-->",
    "<?pi?>",
    "<![CDATA[x]]>",
    "</>",
    "<![",
    "<!DOCTYPE x [",
    "<a",
]
documents = st.builds(
    lambda front, body, bom: _finish(front + "".join(body), bom),
    st.sampled_from(["", "---\ntitle: x\n---\n", "---\r\na: b\r\n...\r\n", "+++\nx = 1\n+++\n"]),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(ALPHABET, max_size=6)), max_size=40),
    st.booleans(),
)


def _finish(text: str, bom: bool) -> str:
    """The text as ``decode`` hands it to a reader (a leading BOM is dropped)."""
    data = text.encode("utf-8")
    return decode(b"\xef\xbb\xbf" + data if bom else data)


READERS = {"text": read_text, "markdown": read_markdown, "html": read_html}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def decodes_to(chunk: str) -> str:
    """What a source span that a reader substituted stands for."""
    if chunk.startswith("\\") and len(chunk) == 2:
        return chunk[1]
    if "`" in chunk:  # inline marks around a code span, which shows its placeholder
        return CODE_PLACEHOLDER
    return html.unescape(chunk)


def check_view(source: str, prose: ProseText) -> None:
    view = prose.text
    n = len(source)
    assert prose.source_length == n
    if prose.is_identity:
        assert len(view) == n
        for i, ch in enumerate(view):
            if source[i] == "\n" or ch == "\n":
                assert source[i] == ch == "\n"
            elif ch != " ":
                assert source[i] == ch
        # the same line breaks, so every offset has the same line:column in view and source
        src_lines, view_lines = LineIndex(source), LineIndex(view)
        for off in range(n + 1):
            assert src_lines.position(off) == view_lines.position(off)
        return
    last_start = last_end = 0
    for i, ch in enumerate(view):
        s, e = prose.to_source(i, i + 1)
        assert 0 <= s <= e <= n
        assert s >= last_start and e >= last_end, "the piece map must be monotone"
        last_start, last_end = s, e
        if e - s == 1 and (ch != " " or source[s] == "\n"):
            assert source[s] == ch  # an exact piece: the same character
        elif e - s != 1:
            assert ch != "\n"
            assert ch in decodes_to(source[s:e]), (source[s:e], ch)
    s, e = prose.to_source(0, len(view))
    assert 0 <= s <= e <= n
    # source -> view is monotone and in bounds too (region boundaries use it)
    previous = 0
    for off in range(n + 1):
        v = prose.to_view(off)
        assert previous <= v <= len(view)
        previous = v


def check_regions(source: str, regions: list) -> None:  # type: ignore[type-arg]
    for r in regions:
        assert 0 <= r.start < r.end <= len(source)
        assert r.kind in REGION_KINDS
        if r.kind == "heading":
            assert 1 <= r.level <= 6


def check_line_index(source: str) -> None:
    lines = LineIndex(source)
    for off in range(len(source) + 1):
        line, col = lines.position(off)
        assert lines.offset(line, col) == off


@SETTINGS
@given(documents)
def test_text_reader(source: str) -> None:
    prose, regions = read_text(source)
    # the view is the source with furniture (slugs, bylines, tables) blanked: same length,
    # same line breaks, nothing else changed (check_view)
    assert prose.is_identity
    check_view(source, prose)
    check_regions(source, regions)
    check_line_index(source)


@SETTINGS
@given(documents)
def test_markdown_reader(source: str) -> None:
    prose, regions = read_markdown(source)
    check_view(source, prose)
    check_regions(source, regions)
    check_line_index(source)


@SETTINGS
@given(documents)
def test_html_reader(source: str) -> None:
    prose, regions = read_html(source)
    check_view(source, prose)
    check_regions(source, regions)
    check_line_index(source)


@SETTINGS
@given(documents)
def test_markdown_crlf_twin(source: str) -> None:
    """A CRLF file reads like its LF twin: same view modulo \\r, words at matching offsets."""
    lf = source.replace("\r\n", "\n").replace("\r", "\n")
    crlf = lf.replace("\n", "\r\n")
    p_lf, r_lf = read_markdown(lf)
    p_crlf, r_crlf = read_markdown(crlf)
    assert p_crlf.text.replace("\r", "") == p_lf.text
    assert sorted((r.kind, r.level) for r in r_lf) == sorted((r.kind, r.level) for r in r_crlf)
    assert sorted(crlf[r.start : r.end].replace("\r\n", "\n") for r in r_crlf) == sorted(
        lf[r.start : r.end] for r in r_lf
    )


@SETTINGS
@given(documents)
def test_markdown_fast_view_equals_builder_view(source: str) -> None:
    segments, _ = read_spans(source)
    fast, slow = build_view(source, segments), build_view(source, segments, fast=False)
    assert fast.text == slow.text and fast.is_identity == slow.is_identity


# Markup-free prose with references: both markup readers must show exactly the decoded text.
# (Runs of spaces are collapsed: four leading spaces would make a Markdown code block.)
plain_prose = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "&amp;",
                "&rsquo;",
                "it&rsquo;s",
                "&#8212;",
                "&#x1F600;",
                "&nosuch;",
                "&#0;",
                " ",
                "\n",
                "\r\n",
            ]
        ),
        st.text("abcXYZé😀𝔘", min_size=1, max_size=5),
    ),
    max_size=30,
).map(lambda parts: re.sub(" +", " ", "".join(parts)) + " end")  # 4 spaces would be code


@SETTINGS
@given(plain_prose)
def test_markup_free_prose_reads_as_its_decoded_text(source: str) -> None:
    expected = html.unescape(source)
    for read in (read_markdown, read_html):
        prose, _ = read(source)
        assert prose.text == expected
        assert prose.is_identity == (expected == source)
        check_view(source, prose)


# Markdown with container prefixes on its lines (quotes, bullets, numbers, indentation, tabs),
# so text events sit at every depth and after multi-byte characters.
PREFIXES = ["", "", "> ", ">", "- ", "1. ", "  ", "    ", "\t", "> - ", "* > ", "😀 ", "é"]
nested_markdown = st.builds(
    lambda lines, ending: ending.join(prefix + body for prefix, body in lines),
    st.lists(st.tuples(st.sampled_from(PREFIXES), documents), max_size=8),
    st.sampled_from(["\n", "\r\n", "\r"]),
)


def _text_events(source: str) -> list[tuple[int, int, str, bool]]:
    """pulldown-cmark's text events in code points: (start, end, text, blanked whole), the
    last true in front matter, a code or HTML block or an autolink."""
    import pyromark
    from copydesk.text.prose import blank
    from copydesk.text.readers.parts.byte_offsets import ByteOffsets
    from copydesk.text.readers.parts.frontmatter import front_matter_end
    from copydesk.text.readers.parts.markdown_events import OPTIONS

    front = front_matter_end(source)
    source = blank(source[:front]) + source[front:]  # as the reader parses it
    at, hides, out = ByteOffsets(source), [], []
    for event, span in pyromark.events_with_range(source, options=OPTIONS):
        if not isinstance(event, dict):
            continue
        if "Start" in event:
            tag = event["Start"]
            link = tag.get("Link") if isinstance(tag, dict) else None
            hides.append(tag == "HtmlBlock" or (isinstance(tag, dict) and "CodeBlock" in tag)
                         or bool(link and link["link_type"] in ("Autolink", "Email")))
        elif "End" in event:
            hides.pop()
        elif "Text" in event:
            start, end = at(span["start"]), at(span["end"])
            out.append((start, end, event["Text"], any(hides) or start < front))
    return out


@SETTINGS
@given(nested_markdown)
def test_markdown_text_events_map_exactly(source: str) -> None:
    """Every text event's range, in code points, covers the source it stands for (itself, or
    the character reference it decodes), and the view shows it there: each of its characters
    at its own source offset (a bare URL, found by the reader, may be blanked)."""
    from copydesk.text.readers.parts.gfm_urls import find_links

    prose, regions = read_markdown(source)
    check_view(source, prose)
    check_regions(source, regions)
    shown: set[int] = set()
    for i, ch in enumerate(prose.text):
        s, e = prose.to_source(i, i + 1)
        if ch not in " \r\n" or e - s != 1:
            shown.update(range(s, e))
    # the bare links the reader looks for in each block of inline text, which it may blank
    blocks = [r for r in regions if r.kind in ("paragraph", "heading", "table")]
    links = [span for r in blocks for span in find_links(source, r.start, r.end)]
    for start, end, text, hidden in _text_events(source):
        chunk = source[start:end]
        if hidden:
            continue
        assert chunk == text or (chunk.startswith("&") and html.unescape(chunk) == text)
        for i in range(start, end):
            if not source[i].isspace():
                assert i in shown or any(a <= i < b for a, b in links), (chunk, i)
