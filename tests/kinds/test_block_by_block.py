"""A Vale rule's pattern reads each block apart (Vale lints block by block): a match that the
whole text would run into the next block, or over a blank line, is looked for again inside
the block, where ``^`` and ``$`` hold at its ends (Google.FirstPerson, Google.Exclamation,
Google.OxfordComma on Vale's own fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text

FIRST = "extends: existence\nmessage: m\nnonword: true\nignorecase: true\ntokens: ['(?:^|\\s)I\\s']"
BANG = "extends: existence\nmessage: m\nnonword: true\ntokens: ['\\w!(?:\\s|$)']"
OXFORD = ("extends: existence\nmessage: m\nscope: sentence\n"
          "tokens: ['(?:[^,]+,){1,}\\s\\w+\\s(?:and|or)']")


def matches(tmp_path: Path, rule: str, text: str, path: str) -> list[str]:
    """The source text of one rule's findings on ``text``."""
    pack = tmp_path / "k.yaml"
    body = "".join(f"    {line}\n" for line in rule.strip().splitlines())
    pack.write_text(f"pack: k\ndescription: d\nrules:\n  - id: r\n{body}")
    result = lint_text(path, text, compile_rules(load_pack(pack).rules))
    assert result.error is None, result.error
    return [text[v.offset : v.end_offset] for v in result.violations]


@pytest.mark.parametrize("path", ["a.md", "a.txt"])
def test_a_pattern_opening_on_white_space_is_found_at_a_paragraph_start(
    tmp_path: Path, path: str
) -> None:
    text = "# Head\n\nI am going.\n\nThen I left.\n"
    assert matches(tmp_path, FIRST, text, path) == ["I ", " I "]


@pytest.mark.parametrize("path", ["a.md", "a.txt"])
def test_a_pattern_ending_on_dollar_is_found_at_a_paragraph_end(tmp_path: Path, path: str) -> None:
    text = "That is cool!\n\nHello!\n"
    assert matches(tmp_path, BANG, text, path) == ["l!", "o!"]


def test_a_greedy_class_does_not_swallow_the_paragraph_before(tmp_path: Path) -> None:
    text = "# Fruit\n\nApples, pears or bananas\n\nI like red, blue and green.\n"
    found = matches(tmp_path, OXFORD, text, "a.md")
    assert found == ["Apples, pears or", "I like red, blue and"]


def test_a_match_kept_by_the_first_look_is_not_found_twice(tmp_path: Path) -> None:
    text = "Wow! Yes!\n\nNo!\n"
    assert matches(tmp_path, BANG, text, "a.md") == ["w! ", "s!", "o!"]


def test_a_substitution_key_on_white_space_is_found_at_a_paragraph_start(tmp_path: Path) -> None:
    rule = ("extends: substitution\nmessage: \"Use '%s' not '%s'.\"\n"
            "swap:\n  '(?:^|\\s)utilise': use")
    text = "We do.\n\nutilise it.\n"
    assert matches(tmp_path, rule, text, "a.md") == ["utilise"]


def test_a_phrase_is_still_never_found_across_two_blocks(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\ntokens: ['many\\s+experts']"
    assert matches(tmp_path, rule, "So many\n\nexperts say.\n", "a.md") == []
