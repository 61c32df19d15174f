"""A phrase never spans two blocks (issue 15, item 18): a multi-word term or pattern is not
found from the end of one paragraph, heading, list item or table cell into the next, in
plain text, Markdown or HTML; a line break inside a paragraph (a hard wrap) is no boundary.
Quotations, sentences and counts are not phrases and keep their spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from copydesk.analysis.context import Context
from copydesk.kinds import KINDS
from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import Settings, lint_text, select_specs
from copydesk.text.document import build_document

PACK = """\
pack: phrases
rules:
  - id: idiom
    extends: existence
    message: "'%s'"
    ignorecase: true
    tokens: [at the end of the day, many experts, experts]
  - id: pattern
    extends: existence
    message: "'%s'"
    ignorecase: true
    nonword: true
    tokens: ['\\bsome\\s+critics\\s+said\\b']
  - id: swap
    extends: substitution
    message: "'%s', not '%s'"
    ignorecase: true
    swap:
      in order to: to
"""


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("pack") / "phrases.yaml"
    path.write_text(PACK, encoding="utf-8")
    return compile_rules(load_pack(Path(path)).rules)


def found(rules, path: str, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    result = lint_text(path, text, rules)
    assert result.error is None
    return [(v.rule.split(".")[-1], text[v.offset : v.end_offset]) for v in result.violations]


@pytest.mark.parametrize(("path", "text"), [
    ("a.txt", "We met at the end\n\nof the day it was over."),
    ("a.md", "We met at the end\n\nof the day it was over."),
    ("a.md", "# We met at the end\nof the day it was over."),
    ("a.md", "- We met at the end\n- of the day it was over."),
    ("a.md", "| at the end | of the day |\n|---|---|\n| a | b |"),
    ("a.html", "<p>We met at the end</p><p>of the day it was over.</p>"),
    ("a.html", "<ul><li>at the end</li><li>of the day</li></ul>"),
    ("a.html", "<table><tr><td>at the end</td><td>of the day</td></tr></table>"),
    ("a.html", "<h2>At the end</h2>of the day"),
])
def test_a_term_is_not_found_across_blocks(rules, path: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(rules, path, text) == []


@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_a_hard_wrap_inside_a_paragraph_is_no_boundary(rules, path: str) -> None:  # type: ignore[no-untyped-def]
    assert found(rules, path, "We met at the end\nof the day it was over.") == [
        ("idiom", "at the end\nof the day")]


def test_the_shorter_term_in_the_next_block_is_still_found(rules) -> None:  # type: ignore[no-untyped-def]
    """The crossing "many experts" is dropped before the longest match is chosen, so the
    "experts" it covered in the next paragraph is reported."""
    assert found(rules, "a.txt", "He quoted many\n\nexperts.") == [("idiom", "experts")]
    assert found(rules, "a.txt", "He quoted many experts.") == [("idiom", "many experts")]


@pytest.mark.parametrize(("path", "text"), [
    ("a.txt", "There were some\n\ncritics said to be absent."),
    ("a.html", "<p>Some</p><p>critics said it.</p>"),
])
def test_a_pattern_is_not_found_across_blocks(rules, path: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(rules, path, text) == []


def test_a_substitution_is_not_found_across_blocks(rules) -> None:  # type: ignore[no-untyped-def]
    assert found(rules, "a.txt", "It was done in order\n\nto win.") == []
    assert found(rules, "a.txt", "It was done in order to win.") == [("swap", "in order to")]


@pytest.mark.parametrize(("path", "text"), [
    ("a.txt", "The debate pitted supporters against critics\n\nSay what you like, it passed."),
    ("a.html", "<p>The debate pitted supporters against critics</p><p>Say what you like.</p>"),
    ("a.md", "# Against many people\n\nsay what you will, it passed."),
])
def test_vague_source_is_not_found_across_blocks(path: str, text: str) -> None:
    specs, severity = select_specs(Settings(select=("weasel.vague-source",)))
    result = lint_text(path, text, compile_rules(specs, severity))
    assert result.violations == []


def test_quotation_kinds_are_not_phrases() -> None:
    """A quotation, a question, a count: spans the engine leaves alone."""
    for kind in ("quote-attribution", "late-attribution", "scare-quotes", "unbalanced-quotes",
                 "rhetorical-question", "occurrence", "graphic-no-warning"):
        module = KINDS[kind]
        rule_classes = [v for v in vars(module).values()
                        if isinstance(v, type) and hasattr(v, "PHRASE") and v.__module__ ==
                        module.__name__]
        assert rule_classes and not any(c.PHRASE for c in rule_classes), kind
    for kind in ("existence", "substitution", "term-list", "vague-source", "pii-phone"):
        module = KINDS[kind]
        assert all(v.PHRASE for v in vars(module).values()
                   if isinstance(v, type) and hasattr(v, "PHRASE")), kind


def test_block_bounds() -> None:
    text = "One two\nthree.\n\nFour five.\n"
    doc = build_document("a.txt", text, "text")
    bounds = Context(doc, compile_rules([]).shared).block_bounds
    assert not bounds.crosses(0, text.index("three") + 5)  # a hard wrap
    assert bounds.crosses(text.index("three"), text.index("Four") + 4)  # a blank line
    assert not bounds.crosses(text.index("Four"), text.index("five") + 4)
