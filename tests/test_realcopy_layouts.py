"""The real-copy stories read the same in every layout (issue 13 1, "Done when").

Each plain-text story of tests/fixtures/realcopy is taken apart into the paragraphs the reader
finds, then set again three ways — blank-line paragraphs on one line each, blank-line
paragraphs hard-wrapped at 58 columns, and wire copy (five-space first-line indent, wrapped at
64, no blank lines) — and linted with the whole default rule set: every layout must give the
same findings at the moved positions. Each Markdown story is compared with itself re-wrapped.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from copydesk.run.engine import RuleSet, compile_rules
from copydesk.run.session import Settings, lint_text, select_specs
from copydesk.text.readers.text import read_text

SUITE = Path(__file__).parent / "fixtures" / "realcopy"
# every plain-text story but the court record (layout "mixed": numbered lines and a caption,
# whose "paragraphs" are not prose to re-set)
STORIES = sorted(
    p for p in SUITE.iterdir()
    if p.suffix == ".txt" and "layout: mixed" not in p.with_suffix(".key.yaml").read_text()
)
MARKDOWN = sorted(p for p in SUITE.iterdir() if p.suffix == ".md")
_WORD = re.compile(r"\S+")


@cache
def rules() -> RuleSet:
    specs, severity = select_specs(Settings())
    return compile_rules(specs, severity)


def findings(path: str, text: str) -> Counter[tuple[str, int, str]]:
    """(rule, index of the match's first word, the match with its spaces normalised)."""
    words = [m.start() for m in _WORD.finditer(text)]
    out: Counter[tuple[str, int, str]] = Counter()
    for v in lint_text(path, text, rules()).violations:
        first = sum(1 for w in words if w <= v.offset) - 1
        out[(v.rule, first, " ".join(text[v.offset : v.end_offset].split()))] += 1
    return out


def paragraphs(text: str) -> list[str]:
    """The story's paragraphs as the reader finds them, each on one line."""
    return [" ".join(text[r.start : r.end].split()) for r in read_text(text)[1]
            if r.kind == "paragraph"]


def wrap(paragraph: str, width: int, indent: str = "") -> str:
    return "\n".join(textwrap.wrap(paragraph, width, initial_indent=indent,
                                   break_long_words=False, break_on_hyphens=False))


@pytest.mark.parametrize("story", STORIES, ids=[p.stem for p in STORIES])
def test_a_story_reads_the_same_in_every_layout(story: Path) -> None:
    paras = paragraphs(story.read_text(encoding="utf-8"))
    layouts = {
        "one line each": "\n\n".join(paras) + "\n",
        "wrapped at 58": "\n\n".join(wrap(p, 58) for p in paras) + "\n",
        "wire": "\n".join(wrap(p, 64, "     ") for p in paras) + "\n",
    }
    found = {name: findings("story.txt", text) for name, text in layouts.items()}
    assert found["wrapped at 58"] == found["one line each"]
    assert found["wire"] == found["one line each"]


def rewrap_markdown(text: str, width: int) -> str:
    """Wrap each plain paragraph of a Markdown file (not headings, quotes, lists or tables)."""
    out = []
    for block in text.split("\n\n"):
        plain = block.strip() and not re.match(r"\s*(?:[#>|*+-]|\d+\.)", block)
        out.append(wrap(" ".join(block.split()), width) if plain else block)
    return "\n\n".join(out)


@pytest.mark.parametrize("story", MARKDOWN, ids=[p.stem for p in MARKDOWN])
def test_a_markdown_story_reads_the_same_rewrapped(story: Path) -> None:
    text = story.read_text(encoding="utf-8")
    wide, narrow = rewrap_markdown(text, 400), rewrap_markdown(text, 52)
    assert wide != narrow
    assert findings("story.md", narrow) == findings("story.md", wide)
