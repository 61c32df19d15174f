"""Reading a rule's scope: Vale's selectors (alternatives, '&', '~', dotted sections as a set,
format sections) and the errors for names copydesk does not know."""

from __future__ import annotations

from pathlib import Path

import pytest
from copydesk.analysis.scopes import Part, ScopeError, parse
from copydesk.packs.load import load_pack


def test_a_list_is_alternatives_and_ampersand_joins_parts() -> None:
    assert parse(("heading & ~heading.h1", "list")) == (
        (Part("heading"), Part("heading.h1", negated=True)),
        (Part("list"),),
    )


@pytest.mark.parametrize(
    ("selector", "part"),
    [
        ("heading.h3", Part("heading.h3")),
        ("h3.heading", Part("heading.h3")),  # sections are a set, as in Vale
        ("table.cell", Part("table.cell")),
        ("cell.table", Part("table.cell")),
        ("table.header", Part("table.header")),
        ("table.caption", Part("table.caption")),
        ("alt", Part("alt")),
        ("attr.alt", Part("alt")),
        ("text", Part("text")),
        ("text.html", Part("text", formats=frozenset({"html"}))),
        ("paragraph.md", Part("paragraph", formats=frozenset({"markdown"}))),
        ("sentence.txt", Part("sentence", formats=frozenset({"text"}))),
        # a format copydesk never reads: the part applies to no file
        ("paragraph.rst", Part("paragraph", formats=frozenset({""}))),
        ("text.frontmatter.title", Part("frontmatter.title")),
        ("frontmatter.summary.md", Part("frontmatter.summary", formats=frozenset({"markdown"}))),
        ("frontmatter", Part("frontmatter")),
        ("~quote", Part("quote", negated=True)),
        ("raw", Part("raw")),
        ("summary", Part("summary")),
    ],
)
def test_selectors(selector: str, part: Part) -> None:
    assert parse((selector,)) == ((part,),)


def test_format_parts_apply_only_to_their_format() -> None:
    ((html,),) = parse(("text.html",))
    assert html.applies("html") and not html.applies("markdown")
    ((rst,),) = parse(("paragraph.rst",))
    assert not any(rst.applies(f) for f in ("markdown", "html", "text"))
    ((any_format,),) = parse(("heading",))
    assert any_format.applies("text")


@pytest.mark.parametrize(
    ("scope", "index"),
    [
        (("footnote",), 0),
        (("heading", "heading.h7"), 1),
        (("heading & ~table.footer",), 0),
        (("heading..h2",), 0),
        (("text.frontmatter.a.b",), 0),
        (("~",), 0),
    ],
)
def test_unknown_selectors_name_their_place(scope: tuple[str, ...], index: int) -> None:
    with pytest.raises(ScopeError) as info:
        parse(scope)
    assert info.value.index == index


def test_a_bad_scope_in_a_rule_file_is_said_at_the_entry(tmp_path: Path) -> None:
    style = tmp_path / "House"
    style.mkdir()
    (style / "Cells.yml").write_text(
        "extends: existence\nmessage: m\nscope:\n  - table.cell\n  - table.footer\ntokens: [x]\n"
    )
    pack = load_pack(style)  # a Vale style: the rule is skipped, the warning says why and where
    assert not pack.rules
    text = pack.warnings[0]
    assert "unknown scope 'table.footer'" in text and "'&' joins" in text
    assert ":5:" in text  # the second entry's line
