"""Markdown reader: what the prose view keeps and masks, regions, CRLF, and end-to-end offsets."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.engine import compile_rules
from lint.model import Severity
from lint.packs.spec import RuleSpec
from lint.readers import marko_speed
from lint.readers.markdown import _crlf_map, _segments, _Walker, build_view, read_markdown
from lint.runner import lint_text

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
            "Council budget The mayor said it’s final, see the report . "
            "Run to check. A quoted line here. Ward Vote North yes"
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
        ("heading", 1, "# Council budget"),
        ("paragraph", 0, DOC[DOC.index("The mayor") : DOC.index("to check.") + len("to check.")]),
        ("link", 0, "the report"),
        ("code", 0, "`budget --final`"),
        ("code", 0, "```sh\nbudget --draft\n```"),
        ("blockquote", 1, "> A quoted *line* here."),
        ("paragraph", 0, "A quoted *line* here."),
        ("table", 0, "Ward"),
        ("table", 0, "Vote"),
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
    assert prose.text.split() == ["Body", "text."]


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


def test_crlf_offset_map() -> None:
    norm, to_original = _crlf_map("ab\r\ncd\r\n\r\ne")
    assert norm == "ab\ncd\n\ne"
    assert [to_original(i) for i in range(len(norm) + 1)] == [0, 1, 2, 4, 5, 6, 8, 10, 11]


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
        walker = _Walker(src.replace("\r\n", "\n"))
        from lint.readers.markdown import _markdown

        walker.visit(_markdown().parse(walker.norm))
        _, to_original = _crlf_map(src)
        segments = _segments(src, walker.ops, to_original)
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


INLINE_TOKENS = ["*", "**", "_", "__", "[", "]", "![", "(", ")", "`", "``", "\\", "\\*", "a",
                 "word", " ", "\n", "[ref]", "(http://x.org \"t\")", "<", ">", "!", "~~", "&amp;"]


def _found(fn: object, text: str) -> list[tuple[object, ...]]:
    refs = {"ref": ("http://ref.example", "T")}
    out = fn(text, refs)  # type: ignore[operator]
    return [(m.etype, m.span(), tuple(m._groups)) for m in out]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(INLINE_TOKENS), max_size=25))
def test_fast_delimiter_scan_equals_markos(tokens: list[str]) -> None:
    text = "".join(tokens)
    assert _found(marko_speed.find_links_or_emphs, text) == _found(marko_speed.ORIGINAL, text)


URL_TOKENS = ["www", ".", "www.", "example", "com", "http", "https", ":", "//", "://", "@",
              "a", "_", "`", "``", "~", "~~", " ", "\n", "(", ")", "x.org", "me@x.org", "-",
              "<", ">", "&amp;", "?", "*"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(URL_TOKENS), max_size=20))
def test_skipped_inline_scans_find_nothing_without_their_strings(tokens: list[str]) -> None:
    """Each element the reader skips on a paragraph without its strings finds what marko's
    own find does, with or without them."""
    text = "".join(tokens)
    for element, original in marko_speed.ORIGINAL_FIND.items():
        fast = [m.span() for m in element.find(text, source=None)]
        assert fast == [m.span() for m in original(element, text, source=None)], element


def test_fast_delimiter_scan_is_installed_for_the_verified_marko() -> None:
    import marko
    from marko import inline_parser

    assert marko.__version__ in marko_speed.VERIFIED  # else: compare the new release, add it
    assert inline_parser.find_links_or_emphs is marko_speed.find_links_or_emphs
    for element in marko_speed.NEEDS:
        assert element.find.__func__ is not marko_speed.ORIGINAL_FIND[element]


BLOCK_LINES = ["Plain words here", "  indented words", "\tTabbed words", "> quoted words", "",
               "*em* and **strong** [link](http://x.org) `code` ~~gone~~ www.x.org", "[ref]: /u",
               "![img](i.png) _a_ [ref] <http://a.b> me@x.org \\* &amp;",
               "- item", "1. item", "* item", "# Heading", "```", "~~~", "<div>", "<!-- c -->",
               "---", "***", "a | b", "--|--", "| x | y |", "> [!NOTE]", "   > lazy", "word",
               "    code", "===", "<span>x</span>", "+ plus", "  - nested", "Text <b>bold</b>",
               "   three spaces", "Word | pipe", ">", "> - in quote", "1) one"]


def _read_with(fast: bool, text: str) -> tuple[str, list[tuple[int, int, str, int]]]:
    """The reader's view and regions with the block-level stand-ins installed or not."""
    from marko import block, inline_parser, parser, source
    from marko.ext.gfm import elements as gfm

    saved = (block.HTMLBlock.__dict__["match"], block.Paragraph.__dict__["break_paragraph"],
             gfm.Table.__dict__["match"], inline_parser.parse,
             source.Source.__dict__["expect_re"], source.Source.__dict__["prefix"],
             parser.Parser.parse_source)
    if not fast:
        parser.Parser.parse_source = marko_speed.ORIGINAL_PARSE_SOURCE
        block.HTMLBlock.match = classmethod(marko_speed.ORIGINAL_HTML_MATCH)
        block.Paragraph.break_paragraph = classmethod(marko_speed.ORIGINAL_BREAK)
        gfm.Table.match = classmethod(marko_speed.ORIGINAL_TABLE_MATCH)
        inline_parser.parse = marko_speed.ORIGINAL_PARSE
        source.Source.expect_re = marko_speed.ORIGINAL_EXPECT
        source.Source.prefix = marko_speed.ORIGINAL_PREFIX
    try:
        prose, regions = read_markdown(text)
    finally:
        (block.HTMLBlock.match, block.Paragraph.break_paragraph, gfm.Table.match,
         inline_parser.parse, source.Source.expect_re, source.Source.prefix,
         parser.Parser.parse_source) = saved
    return prose.text, [(r.start, r.end, r.kind, r.level) for r in regions]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_LINES), max_size=14))
def test_block_stand_ins_read_what_marko_reads(lines: list[str]) -> None:
    """The block-level stand-ins (Source.expect_re and prefix, HTMLBlock.match,
    Paragraph.break_paragraph, Table.match, Parser.parse_source) and the inline parse give the
    same view and regions as marko's own on documents of mixed blocks."""
    text = "\n".join(lines) + "\n"
    assert _read_with(True, text) == _read_with(False, text)


def test_the_letter_line_shortcut_knows_every_paragraph_breaker() -> None:
    """The early answer for a line opening on a letter holds only for these elements: a new
    one that can interrupt a paragraph must be checked first."""
    from lint.readers.markdown import _markdown

    parser = _markdown()
    parser._setup_extensions()
    breakers = {e.__name__ for e in parser.parser.block_elements.values() if e.breaks_paragraph}
    assert breakers == marko_speed.BREAKS_PARAGRAPH


def test_a_letter_line_asks_only_table_code_and_paragraph() -> None:
    """At a line opening on a letter the block loop asks three element types, in marko's
    order; a marko whose list differs gets its own loop (the shortlist is None)."""
    from lint.readers.markdown import _markdown

    md = _markdown()
    md._setup_extensions()
    elements = md.parser._build_block_element_list()
    shortlist = marko_speed._letter_list(md.parser, elements)
    assert [e.__name__ for e in shortlist or []] == ["Table", "CodeBlock", "Paragraph"]
    assert marko_speed._remaining(list(reversed(elements)), marko_speed.NO_LETTER_OPENING) is None
