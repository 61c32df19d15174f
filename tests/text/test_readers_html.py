"""HTML reader: masked markup, decoded references, regions with implied end tags, CRLF offsets."""

from __future__ import annotations

from copydesk.core.model import Severity
from copydesk.core.rule_spec import RuleSpec
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text
from copydesk.text.readers.parts.html_parser import read_html

DOC = (
    "<!DOCTYPE html>\r\n<html><head><title>Vote day</title>\r\n"
    "<style>p { color: red }</style><script>if (a < b) { s = '&amp; words'; }</script></head>\r\n"
    '<body><h2 class="lead">It&rsquo;s vote day &#8212; &#x1F600;</h2>\r\n'
    '<p>The <a href="https://example.org/vote">ballot</a> opens at <code>09:00 sharp</code>.\r\n'
    "<p>Second<!-- an editor note --> paragraph &amp more.\r\n"
    "<ul><li>one<li>two<ul><li>deep</ul></ul>\r\n"
    "<table><tr><th>Ward<td>North</table><blockquote>Quoted words</blockquote>\r\n"
    "<pre>raw   text</pre></body></html>\r\n"
)


def test_view_keeps_text_and_masks_markup() -> None:
    prose, _ = read_html(DOC)
    assert (
        prose.text.split()
        == (
            "Vote day It’s vote day — 😀 The ballot opens at . Second paragraph & more. "
            "one two deep Ward North Quoted words"
        ).split()
    )
    for masked in (
        "DOCTYPE",
        "color",
        "words';",
        "editor note",
        "href",
        "example.org",
        "09:00",
        "raw",
    ):
        assert masked not in prose.text
    assert prose.text.count("\r\n") == DOC.count("\r\n")


def test_references_map_back_to_their_source() -> None:
    prose, _ = read_html(DOC)
    for shown, raw in (
        ("It’s", "It&rsquo;s"),
        ("—", "&#8212;"),
        ("😀", "&#x1F600;"),
        ("&", "&amp"),
    ):
        i = prose.text.index(shown)
        s, e = prose.to_source(i, i + len(shown))
        assert DOC[s:e] == raw


def test_regions_with_implied_end_tags() -> None:
    _, regions = read_html(DOC)
    got = [
        (r.kind, r.level, DOC[r.start : r.end])
        for r in sorted(regions, key=lambda r: (r.start, -r.end))
        if r.kind != "classed"
    ]
    # bare text (the title, list items, cells, the blockquote) is an anonymous paragraph
    assert got == [
        ("paragraph", 0, "Vote day"),
        ("heading", 2, "It&rsquo;s vote day &#8212; &#x1F600;"),
        (
            "paragraph",
            0,
            'The <a href="https://example.org/vote">ballot</a> opens at <code>09:00 sharp</code>.',
        ),
        ("link", 0, "ballot"),
        ("code", 0, "09:00 sharp"),
        ("paragraph", 0, "Second<!-- an editor note --> paragraph &amp more."),
        ("paragraph", 0, "one"),
        ("list", 1, "one"),
        ("list", 1, "two<ul><li>deep</ul>"),
        ("paragraph", 0, "two"),
        ("paragraph", 0, "deep"),
        ("list", 2, "deep"),
        ("paragraph", 0, "Ward"),
        ("table", 1, "Ward"),  # a header cell
        ("paragraph", 0, "North"),
        ("table", 0, "North"),
        ("paragraph", 0, "Quoted words"),
        ("blockquote", 1, "Quoted words"),
        ("code", 0, "raw   text"),
    ]


def test_unclosed_elements_end_at_end_of_file() -> None:
    src = "<h1>Title</h1><p>Open paragraph\n<li>item"
    _, regions = read_html(src)
    assert [(r.kind, src[r.start : r.end]) for r in regions] == [
        ("heading", "Title"),
        ("paragraph", "Open paragraph"),
        ("paragraph", "item"),
        ("list", "item"),
    ]


def test_bare_text_is_an_anonymous_paragraph() -> None:
    # text outside <p> and headings runs from its first word to the next block-level tag or
    # two <br> with no word between them
    src = (
        "<div>One <em>two</em> three\n</div>four<p>five</p> six &amp; seven<br>eight<hr>nine"
        "<br> <br/>ten<br>\n<!-- c --><br>eleven<br><b>twelve</b><br>thirteen"
    )
    _, regions = read_html(src)
    assert [src[r.start : r.end] for r in regions if r.kind == "paragraph"] == [
        "One <em>two</em> three",
        "four",
        "five",
        "six &amp; seven<br>eight",
        "nine",
        "ten",
        "eleven<br><b>twelve</b><br>thirteen",
    ]


def test_blank_text_opens_no_paragraph() -> None:
    src = "<div> &nbsp;\u00a0\n</div><!-- note --><script>x</script>"
    _, regions = read_html(src)
    assert regions == []


def test_unknown_reference_and_stray_markup_stay_text() -> None:
    src = "a &nosuch; b < c &#xZZ; d"
    prose, _ = read_html(src)
    assert prose.text == src
    assert prose.is_identity


def test_plain_view_is_identity_when_nothing_is_decoded() -> None:
    src = "<p>Hello <b>world</b></p>\n"
    prose, _ = read_html(src)
    assert prose.is_identity
    assert prose.text == "   Hello    world        \n"


def test_end_to_end_term_in_markup_or_code_is_not_flagged() -> None:
    spec = RuleSpec(
        id="test.term",
        pack="test",
        category="test",
        extends="existence",
        message="Avoid '%s'.",
        severity=Severity.ERROR,
        options={"tokens": ["frobnicate"]},
    )
    src = (
        '<p title="frobnicate">Run <code>frobnicate</code> <!-- frobnicate -->\r\n'
        '<a href="https://x.example/frobnicate">docs</a>; it&rsquo;s fine to frobnicate.</p>\r\n'
    )
    result = lint_text("page.html", src, compile_rules([spec]))
    start = src.rindex("frobnicate")
    assert [(v.offset, v.end_offset) for v in result.violations] == [
        (start, start + len("frobnicate"))
    ]


def test_malformed_declarations_do_not_stop_the_reader() -> None:
    # the stdlib scanners raise on these; they read as bogus comments up to ">"
    src = "a <![if x]> b <!DOCTYPE x [ y ]> c <![alt"
    prose, _ = read_html(src)
    assert prose.text.split() == ["a", "b", "c", "<![alt"]


def test_malformed_declaration_keeps_later_offsets_exact() -> None:
    # the first bogus comment runs to the first ">" (that of "<p>"); the second is unclosed
    src = "<![\nfence &amp; x <p>\ny &rsquo;z <![x &amp; w\n"
    prose, _ = read_html(src)
    assert prose.text.split() == ["y", "’z", "<![x", "&", "w"]
    for shown, raw in (("’", "&rsquo;"), ("&", "&amp;")):
        i = prose.text.index(shown)
        s, e = prose.to_source(i, i + 1)
        assert src[s:e] == raw


def test_an_element_with_a_class_is_a_region_from_its_start_tag_to_its_end_tag() -> None:
    doc = ('<div class="aside  note"><p>One <b class=x>two</b></p><img class="pic" alt="a">'
           '</div><span class="open">never closed')
    _, regions = read_html(doc)
    got = [(r.key, doc[r.start : r.end]) for r in regions if r.kind == "classed"]
    assert sorted(got) == sorted([
        ("aside note", '<div class="aside  note"><p>One <b class=x>two</b></p>'
                       '<img class="pic" alt="a">'),
        ("x", "<b class=x>two"),
        ("open", '<span class="open">never closed'),  # to the end of the file
    ])
    # elements left open inside each other all end at the end of the file
    doc = "<span class=a><b class=b>x<i class=c>y"
    _, regions = read_html(doc)
    assert sorted((r.key, doc[r.start : r.end]) for r in regions if r.kind == "classed") == [
        ("a", doc), ("b", doc[14:]), ("c", doc[26:])]
