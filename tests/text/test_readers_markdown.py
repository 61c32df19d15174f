"""Markdown reader: what the prose view keeps and masks, regions, CRLF, and end-to-end offsets."""

from __future__ import annotations

import re

from copydesk.core.model import Severity
from copydesk.core.rule_spec import RuleSpec
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text
from copydesk.text.readers.parts.byte_offsets import ByteOffsets
from copydesk.text.readers.parts.gfm_urls import find_links
from copydesk.text.readers.parts.markdown_events import build_view, read_markdown, read_spans
from hypothesis import given, settings
from hypothesis import strategies as st

DOC = """---
title: Budget vote
tags: [council]
---
# Council budget

The mayor said it&rsquo;s final, see [the report](https://example.org/r "Report title").
Run `budget --final` to check.

```sh
budget --draft
```

> A quoted *line* here.

| Ward | Vote |
|------|------|
| North | yes |
"""


def words_of(view: str) -> list[str]:
    return view.split()


def test_example_view_keeps_prose_and_masks_the_rest() -> None:
    prose, _ = read_markdown(DOC)
    view = prose.text
    assert (
        words_of(view)
        == (
            # the front matter's string value is shown (its key and the tag list are not)
            "Budget vote Council budget The mayor said it’s final, see the report . "
            # a code span is one placeholder word, as in Vale's text
            "Run * to check. A quoted line here. Ward Vote North yes"
        ).split()
    )
    for masked in (
        "title",
        "council]",
        "example.org",
        "Report title",
        "--final",
        "--draft",
        "```",
        "#",
        ">",
        "|",
    ):
        assert masked not in view
    # every line break of the source survives in the view
    assert view.count("\n") == DOC.count("\n")


def test_example_regions() -> None:
    _, regions = read_markdown(DOC)
    got = [(r.kind, r.level, DOC[r.start : r.end]) for r in sorted(regions, key=lambda r: r.start)]
    assert got == [
        ("frontmatter", 0, "---\ntitle: Budget vote\ntags: [council]\n---"),
        ("frontmatter-value", 0, "Budget vote"),
        ("heading", 1, "# Council budget"),
        ("paragraph", 0, DOC[DOC.index("The mayor") : DOC.index("to check.") + len("to check.")]),
        ("link", 0, "the report"),
        ("code", 0, "`budget --final`"),
        ("code", 0, "```sh\nbudget --draft\n```"),
        ("blockquote", 1, "> A quoted *line* here."),
        ("paragraph", 0, "A quoted *line* here."),
        ("table", 1, "Ward"),  # header cells
        ("table", 1, "Vote"),
        ("table", 0, "North"),
        ("table", 0, "yes"),
    ]


def test_entity_is_one_word_and_maps_to_its_source() -> None:
    prose, _ = read_markdown(DOC)
    start = prose.text.index("it’s")
    s, e = prose.to_source(start, start + 4)
    assert DOC[s:e] == "it&rsquo;s"
    assert not prose.is_identity


def test_escapes_show_the_character_and_map_to_backslash_pair() -> None:
    src = "Not \\*emphasis\\* and a \\[bracket]; keep \\a as is.\n"
    prose, _ = read_markdown(src)
    assert prose.text.split() == "Not *emphasis* and a [bracket]; keep \\a as is.".split()
    star = prose.text.index("*")
    assert prose.to_source(star, star + 1) == (4, 6)
    assert src[4:6] == "\\*"


def test_numeric_and_unknown_references() -> None:
    prose, _ = read_markdown("A &#8212; B &#x1F600; C &nosuch; D &copy E &#0; F\n")
    assert prose.text.split() == [
        "A",
        "—",
        "B",
        "😀",
        "C",
        "&nosuch;",
        "D",
        "&copy",
        "E",
        "\ufffd",
        "F",
    ]


def test_html_urls_and_definitions_are_masked() -> None:
    src = (
        "Go <span class='x'>here</span> <!-- hidden note --> to <https://a.example/x> or "
        "www.b.example now.\n\n<div>\nblock html words\n</div>\n\n"
        'See ![alt words](pic.png "pic title") and [ref link][r].\n\n'
        '    indented code words\n\n[r]: https://c.example "ref title"\n'
    )
    prose, regions = read_markdown(src)
    assert prose.text.split() == ("Go here to or now. See alt words and ref link .".split())
    kinds = {r.kind for r in regions}
    assert {"html", "code", "link", "paragraph"} <= kinds
    assert [src[r.start : r.end] for r in regions if r.kind == "link"] == ["ref link"]


def test_heading_levels_lists_and_quotes() -> None:
    src = "Setext\n======\n\nSub\n---\n\n### Three ###\n\n- a\n  - b\n\n> one\n> > two\n"
    _, regions = read_markdown(src)
    got = [
        (r.kind, r.level, src[r.start : r.end])
        for r in sorted(regions, key=lambda r: (r.start, -r.end))
    ]
    assert ("heading", 1, "Setext\n======") in got
    assert ("heading", 2, "Sub\n---") in got
    assert ("heading", 3, "### Three ###") in got
    assert ("list", 1, "- a\n  - b") in got
    assert ("list", 2, "- b") in got
    assert ("blockquote", 1, "> one\n> > two") in got
    assert ("blockquote", 2, "> two") in got


def test_front_matter_only_at_the_top_and_closed() -> None:
    # not closed: it is a thematic break followed by a paragraph, not front matter
    prose, regions = read_markdown("---\ntitle: x\n")
    assert "frontmatter" not in {r.kind for r in regions}
    assert "title: x" in prose.text
    # "..." closes YAML front matter too; CRLF keeps its \r outside the region
    src = "---\r\na: b\r\n...\r\nBody text.\r\n"
    prose, regions = read_markdown(src)
    fm = [r for r in regions if r.kind == "frontmatter"]
    assert len(fm) == 1 and src[fm[0].start : fm[0].end] == "---\r\na: b\r\n..."
    assert prose.text.split() == ["b", "Body", "text."]  # the value "b" is shown


def test_front_matter_string_values_are_shown_with_their_keys() -> None:
    src = (
        "---\n"
        'title: "Quarterly figures"\n'
        "summary: |\n"
        "  Two lines\n"
        "  of summary\n"
        "tags: [budget, vote]\n"
        "weight: 8\n"
        "plain: words here\n"
        "---\n"
        "Body.\n"
    )
    prose, regions = read_markdown(src)
    values = [(r.key, src[r.start : r.end]) for r in regions if r.kind == "frontmatter-value"]
    # inside the quotes; a block scalar's lines; no list, no number
    assert values == [
        ("title", "Quarterly figures"),
        ("summary", "Two lines\n  of summary"),
        ("plain", "words here"),
    ]
    assert prose.text.split() == "Quarterly figures Two lines of summary words here Body.".split()
    # front matter that is not YAML has no values
    _, regions = read_markdown("---\n: [ bad\n---\nBody.\n")
    assert "frontmatter-value" not in {r.kind for r in regions}


def test_crlf_twin_gives_the_same_view_and_the_same_words() -> None:
    lf = DOC + "Tail with \\* and &amp; here.\n"
    crlf = lf.replace("\n", "\r\n")
    p_lf, r_lf = read_markdown(lf)
    p_crlf, r_crlf = read_markdown(crlf)
    assert p_crlf.text.replace("\r", "") == p_lf.text
    assert len(r_lf) == len(r_crlf)
    for a, b in zip(
        sorted(r_lf, key=lambda r: r.start), sorted(r_crlf, key=lambda r: r.start), strict=True
    ):
        assert (a.kind, a.level) == (b.kind, b.level)
        assert crlf[b.start : b.end] == lf[a.start : a.end].replace("\n", "\r\n")
    words_lf = [(m.group(), p_lf.to_source(*m.span())) for m in re.finditer(r"\S+", p_lf.text)]
    words_crlf = [
        (m.group(), p_crlf.to_source(*m.span())) for m in re.finditer(r"\S+", p_crlf.text)
    ]
    assert [w for w, _ in words_lf] == [w for w, _ in words_crlf]
    for (_, (s1, e1)), (_, (s2, e2)) in zip(words_lf, words_crlf, strict=True):
        assert lf[s1:e1] == crlf[s2:e2]
        # the CRLF offset is the LF offset plus one per line above
        assert s2 - s1 == lf.count("\n", 0, s1)


def test_byte_offsets_map_to_code_points() -> None:
    text = "a é 漢 😀 b"
    at = ByteOffsets(text)
    for i in range(len(text) + 1):
        assert at(len(text[:i].encode())) == i
    assert ByteOffsets("plain").identity


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_byte_offsets_of_any_text(text: str) -> None:
    at = ByteOffsets(text)
    for i in range(len(text) + 1):
        assert at(len(text[:i].encode("utf-8", "surrogatepass"))) == i


def test_cr_before_crlf_keeps_offsets() -> None:
    src = "0\r\r\n| a | b |\n|---|---|\n| c \\| d | e |\n"
    prose, regions = read_markdown(src)
    assert prose.text.split() == ["0", "a", "b", "c", "|", "d", "e"]
    bar = prose.text.index("|")
    assert src[slice(*prose.to_source(bar, bar + 1))] == "\\|"
    assert [src[r.start : r.end] for r in regions if r.kind == "table"] == [
        "a",
        "b",
        "c \\| d",
        "e",
    ]


def test_fast_path_matches_the_builder() -> None:
    for src in (DOC, DOC.replace("&rsquo;", "'"), "plain *text* only\r\n"):
        segments, _ = read_spans(src)
        fast, slow = build_view(src, segments), build_view(src, segments, fast=False)
        assert fast.text == slow.text
        assert fast.is_identity == slow.is_identity


def existence(term: str) -> RuleSpec:
    return RuleSpec(
        id="test.term",
        pack="test",
        category="test",
        extends="existence",
        message="Avoid '%s'.",
        severity=Severity.ERROR,
        options={"tokens": [term]},
    )


def test_end_to_end_term_in_code_or_url_is_not_flagged() -> None:
    src = (
        "Use `frobnicate` here, see <https://x.example/frobnicate> and "
        "[docs](https://y.example/frobnicate).\r\nIt&rsquo;s fine to frobnicate in prose.\r\n"
    )
    result = lint_text("doc.md", src, compile_rules([existence("frobnicate")]))
    spans = [(v.offset, v.end_offset) for v in result.violations]
    expected = src.rindex("frobnicate")
    assert spans == [(expected, expected + len("frobnicate"))]
    assert src[spans[0][0] : spans[0][1]] == "frobnicate"


def test_end_to_end_word_with_entity_matches_as_one_word() -> None:
    src = "# Title\n\nWell, it&rsquo;s done.\n"
    result = lint_text("doc.md", src, compile_rules([existence("it’s")]))
    start = src.index("it&rsquo;s")
    assert [(v.offset, v.end_offset) for v in result.violations] == [
        (start, start + len("it&rsquo;s"))
    ]




# marko 2.2.4's GFM Url element, the previous reader's rules for bare links, kept as the spec
# of copydesk.text.readers.parts.gfm_urls (whose e-mail scan is linear where this pattern is
# quadratic)
_MARKO_WWW = re.compile(r"(?:^|(?<=[\s*_~(\uff00-\uffef]))(www\.([\w.\-]*?\.[\w.\-]+)[^<\s]*)")
_MARKO_EMAIL = r"[\w.\-+]+@[\w.\-]*?\.[\w.\-]*[a-zA-Z0-9]"
_MARKO_BARE = re.compile(
    r"(?:^|(?<=[\s*_~(\uff00-\uffef]))((?:https?|ftp)://([\w.\-]*?\.[\w.\-]+)"
    rf"[^<\s]*|{_MARKO_EMAIL}(?=[\s.<]|\Z))"
)


def _marko_links(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in [*_MARKO_WWW.finditer(text), *_MARKO_BARE.finditer(text)]:
        domain = m.group(2)
        if domain:
            parts = domain.split(".")
            if len(parts) < 2 or any("_" in p for p in parts[-2:]):
                continue
        link, shift = m.group(), 0
        if link[-1] in ("?", "!", ".", ",", ":", "*", "_", "~"):
            shift = 1
        elif link[-1] == ")" and link.count(")") > link.count("("):
            shift = link.count(")") - link.count("(")
        elif entity := re.search(r"&[a-zA-Z]+;$", link):
            shift = len(entity.group())
        if m.end() - shift > m.start():
            spans.append((m.start(), m.end() - shift))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


URL_TOKENS = ["www", ".", "www.", "example", "com", "http", "https", "ftp", ":", "//", "://",
              "@", "a", "b_", "_", "`", "~", " ", "\n", "(", ")", "x.org", "me@x.org", "-", "+",
              "<", ">", "&amp;", "?", "*", "!", ",", "Ａ", "９", "é"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(URL_TOKENS), max_size=20))
def test_bare_links_are_marko_gfm_links(tokens: list[str]) -> None:
    text = "".join(tokens)
    assert find_links(text) == _marko_links(text)


def test_bare_links_in_a_block_of_the_source() -> None:
    src = "Ask me@x.org.\n\n(www.y.org/a_(b)) and **www.z.org**, not [www.q.org](u)\n"
    found = [src[s:e] for s, e in find_links(src, src.index("(www"), len(src))]
    assert found == ["www.y.org/a_(b)", "www.z.org**"]  # one trailing mark goes; "[" opens none
    prose, _ = read_markdown(src)
    assert prose.text.split() == ["Ask", ".", "(", ")", "and", ",", "not", "www.q.org"]


def test_emphasis_marks_beside_a_space_leave_no_run_of_spaces() -> None:
    """Vale's text has no trace of ``**`` or ``[``: no rule may see spaces nobody typed."""
    source = "In the **Plan** field, see [the note](https://x.example/n) and a*b*c.\n"
    prose, _ = read_markdown(source)
    assert prose.text.startswith("In the Plan field, see the note and")  # no address either
    assert "a b c." in prose.text  # between two letters a mark stays a space
    start = source.index("Plan")
    assert prose.text[prose.to_view(start) : prose.to_view(start + 4)] == "Plan"
    at = prose.text.index("field")
    assert prose.to_source(at, at + 5) == (source.index("field"), source.index("field") + 5)


def test_inline_html_with_a_class_is_a_region_between_its_tags() -> None:
    text = ('Say <span class="nop">TODO</span> and <b>so <i class=\'x  y\'>on</i></b>.\n\n'
            'An <em class="open">unclosed tag\n\nEnds with its paragraph.\n')
    _, regions = read_markdown(text)
    got = [(r.key, text[r.start : r.end]) for r in regions if r.kind == "classed"]
    assert got == [("nop", '<span class="nop">TODO'), ("x y", "<i class='x  y'>on")]


def test_a_display_math_block_is_code_and_inline_dollars_stay_text() -> None:
    text = "Prices rose.\n\n$$\ny = mx + b\n$$\n\nA ticket costs $5-$10 and $x$ is text.\n"
    prose, regions = read_markdown(text)
    assert "mx" not in prose.text and "$$" not in prose.text
    assert "$5-$10 and $x$ is text." in prose.text
    assert [(r.kind, text[r.start : r.end]) for r in regions if r.kind == "code"] == [
        ("code", "$$\ny = mx + b\n$$")]


def test_a_code_span_then_inline_html_reads_without_a_regex_engine_error() -> None:
    # CPython 3.11 raised SystemError on the pattern of left-out markup when it was written as
    # a possessive repeat holding the code span's capturing group (found by hypothesis)
    text = ":`0`<script>x<y &amp;</script>\r\n"
    prose, _ = read_markdown(text)
    assert prose.text.startswith(":*")
