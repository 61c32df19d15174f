"""The ``sequence`` kind (Vale's part-of-speech sequences), its words and its tagger."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from copydesk.analysis import pos_tags
from copydesk.analysis.prose_tokens import words
from copydesk.core.errors import ConfigError
from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text


def run(tmp_path: Path, rule: str, text: str) -> list[tuple[str, str, str | None]]:
    """(matched source text, message, fix text) of one rule's findings on ``text``."""
    pack = tmp_path / "k.yaml"
    body = "".join(f"    {line}\n" for line in rule.strip().splitlines())
    pack.write_text(f"pack: k\ndescription: d\nrules:\n  - id: r\n{body}")
    result = lint_text("a.txt", text, compile_rules(load_pack(pack).rules))
    assert result.error is None, result.error
    return [(text[v.offset : v.end_offset], v.message, None if v.fix is None else
             v.fix.replacements[0].text) for v in result.violations]


def matches(found: list[tuple[str, str, str | None]]) -> list[str]:
    return [m for m, _, _ in found]


# A modal, "be", an adjective and a bare verb: the verb wants "to" (LanguageTool's rule).
BE_ADJ_VERB = """
extends: sequence
message: "'%[4]s' after '%[2]s %[3]s' needs 'to': '%[2]s %[3]s to %[4]s'?"
tokens:
  - tag: MD
  - pattern: be
  - tag: JJ
  - tag: VB|VBN
"""

# A superlative up to three words before "of all times" (the idiom is "of all time").
ALL_TIMES = """
extends: sequence
message: "Write 'of all time'."
tokens:
  - tag: JJS
    skip: 3
  - pattern: of
  - pattern: all
  - pattern: times
"""


def test_would_be_adjective_verb(tmp_path: Path) -> None:
    found = run(tmp_path, BE_ADJ_VERB, "It might be hard read the file. She may be ready leave.")
    assert found[0][:2] == (
        "might be hard read", "'read' after 'be hard' needs 'to': 'be hard to read'?"
    )
    assert matches(found) == ["might be hard read", "may be ready leave"]
    assert run(tmp_path, BE_ADJ_VERB, "It might be hard to read the file.") == []


def test_superlative_then_fixed_phrase_within_the_skip_window(tmp_path: Path) -> None:
    text = "He is the finest chef of all times. The best of all times. The finest of all time."
    assert matches(run(tmp_path, ALL_TIMES, text)) == ["finest chef of all times",
                                                        "best of all times"]
    far = "The finest thing that ever happened in all of history of all times."
    assert run(tmp_path, ALL_TIMES, far) == []  # more than three words between


def test_skip_allows_up_to_n_words_before_the_token(tmp_path: Path) -> None:
    rule = """
extends: sequence
message: "Plural: '%s'"
ignorecase: true
tokens:
  - tag: NN
    pattern: data
  - tag: VBZ
    skip: 2
"""
    text = "The data is ready. The data truly is ready. The data for our team is ready."
    found = run(tmp_path, rule, text)
    assert matches(found) == ["data is", "data truly is"]
    assert found[0][1] == "Plural: 'data'"  # %s is the first word


def test_negated_token_and_the_sentence_edge(tmp_path: Path) -> None:
    rule = """
extends: sequence
message: m
tokens:
  - pattern: the
    negate: true
  - pattern: data
  - pattern: is
"""
    # nothing before "Data" at all: a negated token holds at the edge of the sentence
    text = "Our data is ready. I think the data is fine. Then data is read."
    assert matches(run(tmp_path, rule, text)) == ["Our data is", "Then data is"]
    assert matches(run(tmp_path, rule.replace("data", "Data"), "Data is ready.")) == ["Data is"]


def test_tag_only_token_and_split_possessive(tmp_path: Path) -> None:
    rule = """
extends: sequence
message: Did you mean "%[1]ss" instead of "%[1]s's"?
tokens:
  - tag: NN
  - pattern: "'s"
  - pattern: are
"""
    found = run(tmp_path, rule, "The server's are down. The servers are down.")
    assert found == [("server's are", 'Did you mean "servers" instead of "server\'s"?', None)]


def test_a_rule_of_tags_only(tmp_path: Path) -> None:
    rule = "extends: sequence\nmessage: \"Double modal '%s %s'\"\ntokens:\n  - tag: MD\n  - tag: MD"
    found = run(tmp_path, rule, "We might could finish today. We could finish.")
    assert found == [("might could", "Double modal 'might could'", None)]


def test_tags_are_searched_and_patterns_fill_the_word(tmp_path: Path) -> None:
    # tag NN also accepts NNS (Vale searches the tag); the pattern must be the whole word
    rule = "extends: sequence\nmessage: m\ntokens:\n  - tag: NN\n  - pattern: self"
    text = "Your self-worth matters, your self matters."
    assert run(tmp_path, rule, text) == []  # "your" is not a noun
    rule = "extends: sequence\nmessage: m\ntokens:\n  - tag: PRP\n  - pattern: self"
    assert matches(run(tmp_path, rule, text)) == ["your self"]
    rule = "extends: sequence\nmessage: m\ntokens:\n  - tag: NN\n  - pattern: are"
    assert matches(run(tmp_path, rule, "The servers are down.")) == ["servers are"]


def test_ignorecase_and_positions_of_repeats(tmp_path: Path) -> None:
    rule = "extends: sequence\nmessage: m\ntokens:\n  - pattern: meet\n  - pattern: up"
    assert run(tmp_path, rule, "THE MEET UP is here.") == []
    found = run(tmp_path, rule + "\nignorecase: true", "A MEET UP, then  a meet   up.")
    assert matches(found) == ["MEET UP", "meet   up"]


def test_words_split_as_vale_splits_them() -> None:
    got = [(w.text, w.start) for w in words('The endpoint\'s "meet-up" (U.S.) don\'t.')]
    assert got == [("The", 0), ("endpoint", 4), ("'s", 12), ('"', 15), ("meet-up", 16),
                   ('"', 23), ("(", 25), ("U.S.", 26), (")", 30), ("do", 32), ("n't", 34),
                   (".", 37)]


def test_tagger_gives_penn_treebank_tags() -> None:
    ws = ["It", "would", "be", "great", "to", "write", "stories", "quickly", "."]
    assert pos_tags.tagger().tags(ws) == ["PRP", "MD", "VB", "JJ", "TO", "VB", "NNS", "RB", "."]
    # unknown words: capitalised, a number, by their ending
    assert pos_tags.tagger().tags(["Zorblax", "42", "florbing", "glimly"]) == [
        "NNP", "CD", "VBG", "RB"]


@pytest.mark.parametrize(("tokens", "message"), [
    ("  - pattern: be\n  - skip: 2", "a token needs a 'pattern' or a 'tag'"),
    ("  - pattern: '(be'", "bad regular expression"),
    ("  - tag: 'NN('", "bad regular expression"),
    ("  - pattern: be\n    upos: VERB", "unknown token key 'upos'"),
    ("  - pattern: be\n    skip: two", "'skip' must be a whole number"),
    ("  - pattern: be\n    negate: true", "a token that is not negated"),
])
def test_bad_values_name_the_key(tmp_path: Path, tokens: str, message: str) -> None:
    pack = tmp_path / "k.yaml"
    pack.write_text(
        "pack: k\nrules:\n  - id: r\n    extends: sequence\n    message: m\n"
        + "".join(f"    {line}\n" for line in f"tokens:\n{tokens}".splitlines()))
    with pytest.raises(ConfigError) as info:
        load_pack(pack)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{pack}:")


def test_tokens_must_be_a_list_of_mappings(tmp_path: Path) -> None:
    pack = tmp_path / "k.yaml"
    pack.write_text("pack: k\nrules:\n  - id: r\n    extends: sequence\n    message: m\n"
                    "    tokens: [be]\n")
    with pytest.raises(ConfigError, match="'tokens' must be a non-empty list of mappings"):
        load_pack(pack)


def test_without_the_tagger_the_rule_is_skipped_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "textblob", None)  # as if the nlp extra were not installed
    style = tmp_path / "S"
    style.mkdir()
    (style / "One.yml").write_text("extends: sequence\nmessage: m\ntokens:\n  - pattern: be\n")
    (style / "Two.yml").write_text("extends: sequence\nmessage: m\ntokens:\n  - tag: MD\n")
    (style / "Kept.yml").write_text("extends: existence\nmessage: m\ntokens: [be]\n")
    pack = load_pack(style)
    said = [w for w in pack.warnings if "sequence" in w]
    assert said == ["rules of kind 'sequence' are skipped: they need a part-of-speech tagger, "
                    "which is not installed (pip install 'copydesk[nlp]')"]
    result = lint_text("a.txt", "It might be late.", compile_rules(pack.rules))
    assert result.error is None
    assert [v.rule for v in result.violations] == ["S.Kept"]  # the run goes on
    monkeypatch.delitem(sys.modules, "textblob")
    assert not [w for w in load_pack(style).warnings if "sequence" in w]  # installed: no warning


def test_tagging_imports_neither_textblob_nor_nltk(tmp_path: Path) -> None:
    pack = tmp_path / "k.yaml"
    pack.write_text("pack: k\nrules:\n  - id: r\n    extends: sequence\n    message: m\n"
                    "    tokens:\n      - tag: MD\n      - pattern: be\n")
    code = (
        "import sys\nfrom pathlib import Path\nfrom copydesk.packs.load import load_pack\n"
        "from copydesk.run.engine import compile_rules\n"
        "from copydesk.run.session import lint_text\n"
        f"rules = compile_rules(load_pack(Path({str(pack)!r})).rules)\n"
        "r = lint_text('a.txt', 'It might be late.', rules)\n"
        "assert [v.rule for v in r.violations] == ['k.r'], r\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('nltk', 'textblob')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
