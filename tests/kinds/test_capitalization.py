"""The ``capitalization`` kind: title case (AP, Chicago), sentence case, $lower/$upper, a regex,
and its keys (exceptions, threshold, indicators, prefix, vocab), through real packs."""

from __future__ import annotations

from pathlib import Path

import pytest
from copydesk.core.errors import ConfigError
from copydesk.core.model import Severity
from copydesk.core.rule_spec import RuleSpec
from copydesk.kinds.base.rule import KindError
from copydesk.kinds.capitalization import validate
from copydesk.packs.load import load_pack
from rule_helpers import run_rule

TITLE = "extends: capitalization\nmessage: \"'%s' should be in title case ('%s').\"\nscope: heading"
SENTENCE = "extends: capitalization\nmessage: \"'%s' should be sentence-cased ('%s').\"\n"
SENTENCE += "scope: heading\nmatch: $sentence"


def run(
    tmp_path: Path, rule: str, text: str, path: str = "a.md", accept: tuple[str, ...] = ()
) -> list[tuple[str, str, str | None]]:
    """(flagged source text, message, fix text) of the rule's findings on ``text``."""
    return run_rule(tmp_path, rule, text, path, accept)


def flagged(tmp_path: Path, rule: str, text: str, **kw: tuple[str, ...]) -> list[str]:
    return [m for m, _, _ in run(tmp_path, rule, text, **kw)]


# --- title case --------------------------------------------------------------------------


def test_ap_title_case_flags_a_heading_and_gives_the_title_cased_form(tmp_path: Path) -> None:
    rule = TITLE + "\nmatch: $title"
    text = "# A guide to the rivers of europe\n\nBody text here.\n"
    assert run(tmp_path, rule, text) == [(
        "A guide to the rivers of europe",
        "'A guide to the rivers of europe' should be in title case "
        "('A Guide to the Rivers of Europe').",
        None,
    )]
    assert run(tmp_path, rule, "# Walking the Coast of Cornwall in Winter\n") == []


def test_ap_and_chicago_differ_on_long_prepositions(tmp_path: Path) -> None:
    ap = TITLE + "\nmatch: $title"
    chicago = ap + "\nstyle: Chicago"
    # AP lowercases prepositions of three letters or fewer; Chicago lowercases all of them
    assert flagged(tmp_path, ap, "# Notes from the Field\n") == ["Notes from the Field"]
    assert flagged(tmp_path, chicago, "# Notes from the Field\n") == []
    assert flagged(tmp_path, ap, "# Notes From the Field\n") == []
    found = run(tmp_path, chicago, "# Notes From the Field\n")
    assert found[0][1].endswith("('Notes from the Field').")


def test_title_case_capitalises_the_last_word_and_the_word_after_a_colon(tmp_path: Path) -> None:
    rule = TITLE + "\nmatch: $title"
    assert run(tmp_path, rule, "# Worth Fighting for\n")[0][1].endswith("('Worth Fighting For').")
    found = run(tmp_path, rule, "# Harbours: a Short History\n")
    assert found[0][1].endswith("('Harbours: A Short History').")


def test_title_case_leaves_capitals_alone(tmp_path: Path) -> None:
    rule = TITLE + "\nmatch: $title"
    assert run(tmp_path, rule, "# Using the NASA API in Practice\n") == []


def test_title_case_and_hyphenated_words(tmp_path: Path) -> None:
    rule = TITLE + "\nmatch: $title"
    assert run(tmp_path, rule, "# Our Long-term Plan\n")[0][1].endswith("('Our Long-Term Plan').")
    assert run(tmp_path, rule, "# Our Long-Term Plan\n") == []
    # a small word opening a compound is capitalised, one closing it is not
    assert run(tmp_path, rule, "# An in-depth Guide\n")[0][1].endswith("('An In-Depth Guide').")
    assert run(tmp_path, rule, "# A Built-in Oven for Bread\n") == []


def test_ap_to_is_accepted_either_way(tmp_path: Path) -> None:
    # AP capitalises "to" before a verb only: without a tagger, both forms pass
    rule = TITLE + "\nmatch: $title\nthreshold: 1"
    assert run(tmp_path, rule, "# How to Bake Bread\n") == []
    assert run(tmp_path, rule, "# How To Bake Bread\n") == []
    chicago = rule + "\nstyle: Chicago"
    assert flagged(tmp_path, chicago, "# How To Bake Bread\n") == ["How To Bake Bread"]


# --- sentence case -----------------------------------------------------------------------


def test_sentence_case_with_a_proper_noun_in_exceptions(tmp_path: Path) -> None:
    rule = SENTENCE + "\nexceptions: [Lisbon, Tagus River]"
    assert run(tmp_path, rule, "# Crossing the Tagus River near Lisbon\n") == []
    found = run(tmp_path, rule, "## Crossing The Bridge\n")
    assert found == [("Crossing The Bridge", "'Crossing The Bridge' should be sentence-cased "
                      "('Crossing the bridge').", None)]


def test_sentence_case_fails_a_lower_case_first_word_whatever_the_threshold(
    tmp_path: Path,
) -> None:
    rule = SENTENCE + "\nthreshold: 0.1"
    assert flagged(tmp_path, rule, "# getting started with maps\n") == [
        "getting started with maps"
    ]


def test_threshold_is_the_share_of_good_words(tmp_path: Path) -> None:
    text = "# Planning Your first trip\n"  # 3 of 4 words as expected
    assert flagged(tmp_path, SENTENCE, text) == ["Planning Your first trip"]
    assert flagged(tmp_path, SENTENCE + "\nthreshold: 0.7", text) == []


def test_indicators_make_the_next_word_a_first_word(tmp_path: Path) -> None:
    assert run(tmp_path, SENTENCE, "# Part one: Maps\n") == []  # ":" by default
    # an indicator ends the word before: "Lost?" here
    assert flagged(tmp_path, SENTENCE, "# Lost? Start here\n") == ["Lost? Start here"]
    other = SENTENCE + "\nindicators: ['?']"
    assert run(tmp_path, other, "# Lost? Start here\n") == []
    assert flagged(tmp_path, other, "# Part one: Maps\n") == ["Part one: Maps"]
    # a number opening a heading works as one too
    assert run(tmp_path, SENTENCE, "# 1. Pack the car\n") == []


def test_prefix_is_stripped_before_judging(tmp_path: Path) -> None:
    text = "# b) Pack light\n"
    assert flagged(tmp_path, SENTENCE, text) == ["b) Pack light"]
    assert run(tmp_path, SENTENCE + "\nprefix: '^[a-z]\\)\\s'", text) == []


def test_vocab_accepted_terms_are_exceptions_unless_vocab_is_false(tmp_path: Path) -> None:
    text = "# Deploying to Kubernetes clusters\n"
    assert flagged(tmp_path, SENTENCE, text) == ["Deploying to Kubernetes clusters"]
    assert run(tmp_path, SENTENCE, text, accept=("Kubernetes",)) == []
    no_vocab = SENTENCE + "\nvocab: false"
    assert flagged(tmp_path, no_vocab, text, accept=("Kubernetes",)) == [
        "Deploying to Kubernetes clusters"
    ]


def test_inline_code_is_a_neutral_word_and_shown_as_written(tmp_path: Path) -> None:
    assert run(tmp_path, SENTENCE, "## `grep` finds lines\n") == []
    found = run(tmp_path, SENTENCE, "## `grep` Finds Lines\n")
    assert found == [("`grep` Finds Lines", "'`grep` Finds Lines' should be sentence-cased "
                      "('`grep` finds lines').", None)]


def test_each_block_of_the_scope_is_judged_on_its_own(tmp_path: Path) -> None:
    rule = "extends: capitalization\nmessage: '%s'\nmatch: $sentence"  # scope: text
    text = "First Paragraph Is Wrong.\n\nThe second one is fine.\n\n# A fine heading\n"
    assert flagged(tmp_path, rule, text) == ["First Paragraph Is Wrong."]
    assert flagged(tmp_path, SENTENCE, text) == []  # headings only


def test_replace_action_without_params_offers_the_expected_form(tmp_path: Path) -> None:
    rule = TITLE + "\nmatch: $title\naction:\n  name: replace"
    assert run(tmp_path, rule, "# the long road home\n")[0][2] == "The Long Road Home"
    # markup inside the heading would be lost: no automatic fix there
    assert run(tmp_path, rule, "# the *long* road home\n")[0][2] is None


# --- $lower, $upper and a regex ----------------------------------------------------------


def test_lower_and_upper(tmp_path: Path) -> None:
    lower = "extends: capitalization\nmessage: \"'%s' → '%s'\"\nscope: heading\nmatch: $lower"
    assert run(tmp_path, lower, "# release notes\n") == []
    assert run(tmp_path, lower, "# Release notes\n") == [
        ("Release notes", "'Release notes' → 'release notes'", None)
    ]
    upper = lower.replace("$lower", "$upper")
    assert run(tmp_path, upper, "# WARNING\n") == []
    assert run(tmp_path, upper, "# Warning\n")[0][1] == "'Warning' → 'WARNING'"


def test_a_regex_match_and_its_exceptions(tmp_path: Path) -> None:
    rule = "extends: capitalization\nmessage: \"'%s' must match %s\"\nscope: heading\n"
    rule += "match: '^[A-Z][a-z]+$'\nexceptions: [FAQ]"
    assert run(tmp_path, rule, "# Overview\n\n# FAQ\n") == []
    assert run(tmp_path, rule, "# Two words\n") == [
        ("Two words", "'Two words' must match ^[A-Z][a-z]+$", None)
    ]


# --- bad values --------------------------------------------------------------------------


def spec(**options: object) -> RuleSpec:
    return RuleSpec(id="t.cap", pack="t", category="t", extends="capitalization", message="m",
                    severity=Severity.WARNING, options=dict(options))


@pytest.mark.parametrize(
    ("options", "key_path", "words"),
    [
        ({"match": "$title", "style": "Harvard"}, ["style"], "unknown style 'Harvard'"),
        ({"match": "[A-Z"}, ["match"], "bad regular expression"),
        ({"match": "$title", "threshold": 1.5}, ["threshold"], "from 0 to 1"),
        ({"match": "$title", "threshold": -0.2}, ["threshold"], "from 0 to 1"),
        ({"match": "$sentence", "exceptions": ["ok", "(bad"]}, ["exceptions", 1], "bad regular"),
        ({"match": "$sentence", "prefix": "^(x"}, ["prefix"], "bad regular expression"),
        ({}, [], "needs 'match'"),
    ],
)
def test_bad_values_are_kind_errors_naming_the_key(
    options: dict[str, object], key_path: list[object], words: str
) -> None:
    with pytest.raises(KindError) as info:
        validate(spec(**options))
    assert info.value.key_path == key_path
    assert words in info.value.message


def test_a_bad_value_in_a_pack_is_a_config_error_at_its_line(tmp_path: Path) -> None:
    pack = tmp_path / "k.yaml"
    pack.write_text("pack: k\ndescription: d\nrules:\n  - id: r\n    extends: capitalization\n"
                    "    message: m\n    match: $title\n    style: Harvard\n")
    with pytest.raises(ConfigError, match=r"k\.yaml:8:\d+: rule 'k\.r': unknown style 'Harvard'"):
        load_pack(pack)
