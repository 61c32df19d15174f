"""Scopes at work: which findings each selector keeps on Markdown, HTML and plain text, pattern
rules run on each scoped block's own text (``^``/``$`` at the block's edges), occurrence counts
per block, and the front matter's values (Vale styles see them under ``text``; copydesk packs
only when the scope names them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from copydesk.core.positions import LineIndex
from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text

MD = (
    "# Launch notes FIXME\n"
    "\n"
    "## Second level FIXME\n"
    "\n"
    "Body text FIXME here.\n"
    "\n"
    "- item FIXME\n"
    "\n"
    "> quoted FIXME\n"
    "\n"
    "| Head FIXME | Other |\n"
    "|---|---|\n"
    "| cell FIXME | two |\n"
    "\n"
    "![a chart FIXME](chart.png)\n"
)


def lint(
    tmp_path: Path, rule: str, text: str, path: str, vale: bool = False
) -> list[tuple[int, int]]:
    """(line, column) of one rule's findings: from a pack file, or a Vale style folder."""
    if vale:
        folder = tmp_path / "Style"
        folder.mkdir(exist_ok=True)
        (folder / "Rule.yml").write_text(rule.strip() + "\n")
        pack = load_pack(folder)
    else:
        file = tmp_path / "k.yaml"
        body = "".join(f"    {line}\n" for line in rule.strip().splitlines())
        file.write_text(f"pack: k\ndescription: d\nrules:\n  - id: r\n{body}")
        pack = load_pack(file)
    result = lint_text(path, text, compile_rules(pack.rules))
    assert result.error is None, result.error
    lines = LineIndex(text)
    return [lines.position(v.offset) for v in result.violations]


def fixme(scope: str) -> str:
    return f"extends: existence\nmessage: m\nscope: {scope}\ntokens: [FIXME]"


@pytest.mark.parametrize(
    ("scope", "lines"),
    [
        ("heading", [1, 3]),
        ("heading.h2", [3]),
        ("heading & ~heading.h1", [3]),
        ("'~heading & ~blockquote'", [5, 7, 11, 13, 15]),
        ("list", [7]),
        ("blockquote", [9]),
        ("table", [11, 13]),
        ("table.header", [11]),
        ("table.cell", [13]),
        ("alt", [15]),
        ("[table.cell, alt]", [13, 15]),
        ("heading.md", [1, 3]),
        ("heading.html", []),
        ("text.html", []),
        ("~heading.html", [1, 3, 5, 7, 9, 11, 13, 15]),
    ],
)
def test_markdown_selectors(tmp_path: Path, scope: str, lines: list[int]) -> None:
    found = lint(tmp_path, fixme(scope), MD, "a.md")
    assert [line for line, _ in found] == lines


HTML = (
    "<h1>Title FIXME</h1>\n"
    "<table>\n"
    "<caption>Caption FIXME</caption>\n"
    "<tr><th>Head FIXME</th></tr>\n"
    "<tr><td><p>Cell FIXME</p></td></tr>\n"
    "</table>\n"
    "<p>Para FIXME</p>\n"
)


@pytest.mark.parametrize(
    ("scope", "lines"),
    [
        ("table.caption", [3]),
        ("table.header", [4]),
        ("table.cell", [5]),
        ("text.html", [1, 3, 4, 5, 7]),
        ("heading.md", []),
    ],
)
def test_html_selectors(tmp_path: Path, scope: str, lines: list[int]) -> None:
    assert [line for line, _ in lint(tmp_path, fixme(scope), HTML, "a.html")] == lines


def test_paragraph_in_a_vale_style_is_running_text_only(tmp_path: Path) -> None:
    # copydesk's own packs count a cell's text (and bare text) as a paragraph; a Vale style's
    # paragraph is running text only, not a cell, header, caption, item or quotation
    found = lint(tmp_path, fixme("paragraph.html"), HTML, "a.html")
    assert [line for line, _ in found] == [3, 4, 5, 7]
    found = lint(tmp_path, fixme("paragraph.html"), HTML, "a.html", vale=True)
    assert [line for line, _ in found] == [7]
    # nor an image's alt text, which Vale lints on its own (scope alt, or text)
    found = lint(tmp_path, fixme("paragraph"), MD, "a.md", vale=True)
    assert [line for line, _ in found] == [5]
    assert [line for line, _ in lint(tmp_path, fixme("paragraph"), MD, "a.md")] == [5, 7, 9, 15]


def test_plain_text_has_text_paragraph_sentence_and_its_headings(tmp_path: Path) -> None:
    text = "Quarterly Results FIXME\n\nSales rose FIXME. Costs fell.\n"
    assert lint(tmp_path, fixme("text.txt"), text, "a.txt") == [(1, 19), (3, 12)]
    assert lint(tmp_path, fixme("paragraph"), text, "a.txt") == [(3, 12)]
    assert lint(tmp_path, fixme("list"), text, "a.txt") == []
    assert lint(tmp_path, fixme("text.md"), text, "a.txt") == []


def test_sentence_in_a_vale_style_is_running_text_only(tmp_path: Path) -> None:
    # each sentence is its own block: '^.*$' is the whole sentence, not the whole line
    rule = "extends: existence\nmessage: m\nscope: sentence\nraw: ['^.*$']"
    text = "# A title\n\nOne short. Two short.\n\n- An item.\n"
    assert lint(tmp_path, rule, text, "a.md", vale=True) == [(3, 1), (3, 12)]
    assert lint(tmp_path, rule, text, "a.md") == [(1, 3), (3, 1), (3, 12), (5, 3)]


def test_caret_anchors_at_the_start_of_the_heading_text(tmp_path: Path) -> None:
    # the "# " markup is not part of the heading's text: '^' sits before its first word
    rule = "extends: existence\nmessage: m\nscope: heading.h1\nraw: ['^[a-z]\\w*']"
    text = "# lower start\n\n# Upper start\n\nlower paragraph\n"
    assert lint(tmp_path, rule, text, "a.md") == [(1, 3)]


def test_dollar_anchors_at_the_end_of_each_list_item(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\nscope: list\nraw: ['\\w+$']"
    text = "- first item\n- second *item*\n\nnot an item\n"
    assert lint(tmp_path, rule, text, "a.md") == [(1, 9), (2, 11)]


def test_a_blockwise_match_never_runs_into_the_next_block(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\nscope: list\nnonword: true\nraw: ['alpha\\s+beta']"
    assert lint(tmp_path, rule, "- alpha\n- beta\n- alpha beta\n", "a.md") == [(3, 3)]


def test_text_scope_keeps_matching_across_the_whole_view(tmp_path: Path) -> None:
    # the default scope is not blockwise: '^' is any line start of the prose view
    rule = "extends: existence\nmessage: m\nraw: ['^Note']"
    assert lint(tmp_path, rule, "Note one.\nNote two.\n", "a.txt") == [(1, 1), (2, 1)]


def test_occurrence_counts_per_heading_and_points_at_its_first_word(tmp_path: Path) -> None:
    rule = "extends: occurrence\nmessage: m\nscope: heading & ~heading.h1\nmax: 10\ntoken: ."
    text = "# A very long top heading here\n\n## Short\n\n## `code` then a longer tail\n"
    # the h1 is skipped; the h2 with code counts the code's characters (as Vale does) and
    # points at the first character that is not blank in the view (the code is blanked)
    assert lint(tmp_path, rule, text, "a.md") == [(5, 11)]


def test_occurrence_min_points_at_the_first_match_not_the_markup(tmp_path: Path) -> None:
    rule = "extends: occurrence\nmessage: m\nscope: heading.h3\nmin: 50\ntoken: '[\\w\\s]'"
    assert lint(tmp_path, rule, "### Tiny\n", "a.md") == [(1, 5)]


def test_occurrence_on_alt_text(tmp_path: Path) -> None:
    rule = "extends: occurrence\nmessage: m\nscope: alt\nmax: 5\ntoken: '\\w'"
    text = "![short](a.png)\n\n![much longer words](b.png)\n"
    assert lint(tmp_path, rule, text, "a.md") == [(3, 3)]


FRONT = (
    "---\n"
    'title: "Draft FIXME"\n'
    "summary: |\n"
    "  Second line\n"
    "  FIXME here\n"
    "tags: [FIXME]\n"
    "---\n"
    "\n"
    "Body FIXME.\n"
)


def test_a_vale_style_sees_front_matter_values_under_text(tmp_path: Path) -> None:
    found = lint(tmp_path, fixme("text"), FRONT, "a.md", vale=True)
    assert found == [(2, 15), (5, 3), (9, 6)]  # not the list value


def test_a_copydesk_pack_sees_front_matter_only_when_it_asks(tmp_path: Path) -> None:
    assert lint(tmp_path, fixme("text"), FRONT, "a.md") == [(9, 6)]
    assert lint(tmp_path, fixme("text.frontmatter.title"), FRONT, "a.md") == [(2, 15)]
    assert lint(tmp_path, fixme("frontmatter"), FRONT, "a.md") == [(2, 15), (5, 3)]


def test_front_matter_key_scope_is_blockwise(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\nscope: text.frontmatter.title\nraw: ['^Draft']"
    assert lint(tmp_path, rule, FRONT, "a.md", vale=True) == [(2, 9)]


def test_a_copydesk_occurrence_over_the_text_counts_after_the_front_matter(tmp_path: Path) -> None:
    rule = "extends: occurrence\nmessage: m\nmax: 2\ntoken: FIXME"
    # the pack rule counts the body's one FIXME: no finding; the Vale style counts three and
    # points at the first, in the title
    assert lint(tmp_path, rule, FRONT, "a.md") == []
    assert lint(tmp_path, rule, FRONT, "a.md", vale=True) == [(2, 15)]


def test_raw_may_be_one_string_as_vale_takes_it(tmp_path: Path) -> None:
    style = tmp_path / "House"
    style.mkdir()
    (style / "Whole.yml").write_text(
        "extends: existence\nmessage: \"'%s'\"\nscope: sentence\nraw: '^The .*\\.$'\n"
    )
    (rule,) = load_pack(style).rules
    text = "The plan works. A second one."
    found = lint_text("t.txt", text, compile_rules([rule])).violations
    assert [text[v.offset : v.end_offset] for v in found] == ["The plan works."]
