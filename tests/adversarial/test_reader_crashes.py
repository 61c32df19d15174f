"""Documents that crashed copydesk, each shrunk to its smallest form (issue 15, item 8).

The generated ones (``CRASHES``) raised IndexError: a rule found a word in prose that lay in no
block, asked for the sentence around it, and the document had no sentence at all (its only
blocks were empty: a paragraph of ``&nbsp;``, a heading holding a tag, a ``<p>`` inside
``<pre>``). The HTML reader left bare text (outside ``<p>`` and headings) out of every
paragraph, and a Markdown table cell was no block. Now the HTML reader makes bare text an
anonymous paragraph, table cells with prose are blocks, and ``blocks_of`` gives any prose
still outside every block a block of its own, so every word lies in a sentence. Markdown
nested hundreds of levels deep (``TOO_DEEP``) raised RecursionError in marko.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from copydesk.analysis.editorial import Editorial
from copydesk.run.engine import RuleSet, compile_rules
from copydesk.run.session import Settings, lint_text, select_specs
from copydesk.text.document import build_document

CRASHES = [
    # (file name, minimised document, the rule that raised)
    ("a.html", "<p>&nbsp;</p>Officials claimed it.", "loaded_verb"),
    ("a.html", "<pre><p>x</p></pre>Officials claimed it.", "loaded_verb"),
    ("a.html", "claimed<h5><r>", "loaded_verb"),
    ("a.html", "officials report<code><p>t", "vague_source"),
    ("a.html", "<H4><e></H4>allegedly", "legal_base (unsourced-allegation)"),
    ("a.md", "#\r.|boasted\n-|-", "loaded_verb"),
    ("a.md", "&nbsp;\n\n| Officials claimed it |\n|---|\n| x |", "loaded_verb"),
]


# Found by hand, not by the generator (it nests three levels at most): marko parses nesting
# by recursion, and a few hundred levels raised RecursionError. Such a file is read as text.
TOO_DEEP = [
    ">" * 2000 + " Critics say so.",
    "\n".join("  " * i + "- Critics say so." for i in range(1000)),
    "*" * 2000 + "Critics say so." + "*" * 2000,
]


@pytest.fixture(scope="module")
def every_rule() -> RuleSet:
    specs, severity = select_specs(Settings())
    return compile_rules(specs, severity)


@pytest.mark.parametrize(("name", "text", "raised_in"), CRASHES)
def test_crash_is_fixed(every_rule: RuleSet, name: str, text: str, raised_in: str) -> None:
    result = lint_text(name, text, every_rule)
    assert result.error is None
    assert all(0 <= v.offset <= v.end_offset <= len(text) for v in result.violations)


def sentences_cover_the_prose(name: str, text: str) -> Editorial:
    """Every character of prose (not white space) lies in exactly one sentence, in order."""
    ed = Editorial(build_document(name, text))
    view = ed.text
    spans = ed.sentences
    assert spans == sorted(spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in pairwise(spans))
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert [i for i, c in enumerate(view) if not c.isspace() and i not in covered] == []
    return ed


@pytest.mark.parametrize(("name", "text", "raised_in"), CRASHES)
def test_every_word_of_a_crash_is_in_a_sentence(name: str, text: str, raised_in: str) -> None:
    sentences_cover_the_prose(name, text)


def test_nested_blocks_give_disjoint_sentences() -> None:
    # a paragraph inside a heading, a heading inside a heading (no end tags the reader honours)
    ed = sentences_cover_the_prose("a.html", "<h1>Title <p>Body one.</p> tail</h1><h2>A<h3>B")
    words = [ed.text[s:e] for s, e in ed.sentences]
    assert words == ["Title", "Body one.", "tail", "A", "B"]
    headings = [ed.text[b.start : b.end].strip() for b in ed.blocks if b.heading]
    assert headings == ["Title", "tail", "A", "B"]


def test_markdown_table_cells_are_blocks_of_their_own() -> None:
    text = "Intro.\n\n| Critics say | it is |\n|---|---|\n| the best | ever |\n"
    ed = sentences_cover_the_prose("a.md", text)
    assert [ed.text[s:e] for s, e in ed.sentences] == [
        "Intro.", "Critics say", "it is", "the best", "ever",
    ]


def test_text_outside_every_region_still_gets_a_block() -> None:
    # bare text after a heading, in a <div>, after </p>: each its own paragraph
    ed = sentences_cover_the_prose(
        "a.html", "<h1>Head</h1>Officials claimed it.<div>Critics say so.</div><p>P.</p>tail"
    )
    assert [ed.text[s:e] for s, e in ed.sentences] == [
        "Head", "Officials claimed it.", "Critics say so.", "P.", "tail",
    ]


@pytest.mark.parametrize("text", TOO_DEEP, ids=["quotes", "list", "emphasis"])
def test_markdown_nested_too_deep_is_read_as_text(every_rule: RuleSet, text: str) -> None:
    result = lint_text("deep.md", text, every_rule)
    assert result.error is None
    assert "weasel.vague-source" in {v.rule for v in result.violations}
    # and the parser still reads the next file as Markdown
    doc = build_document("next.md", "# Title\n\nBody.\n")
    assert [r.kind for r in doc.regions] == ["heading", "paragraph"]
