"""The lexical neutrality rules and the style pack: term syntax, term-list context checks,
contentious labels, rhetorical questions, and the shipped packs on an article of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from copydesk.core.errors import ConfigError
from copydesk.kinds.base.term_syntax import TermSyntaxError, compile_terms, normalise
from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text

RULES = Path(__file__).resolve().parents[2] / "rules"


def run(tmp_path: Path, rule: str, text: str, path: str = "a.txt") -> list[str]:
    """Matched source text of one ad-hoc rule's findings on ``text``."""
    pack = tmp_path / "k.yaml"
    body = "".join(f"    {line}\n" for line in rule.strip().splitlines())
    pack.write_text(f"pack: k\ndescription: d\nrules:\n  - id: r\n{body}", encoding="utf-8")
    result = lint_text(path, text, compile_rules(load_pack(pack).rules))
    assert result.error is None, result.error
    return [text[v.offset : v.end_offset] for v in result.violations]


def shipped(
    text: str, path: str = "a.txt", packs: tuple[str, ...] = ("neutrality", "style")
) -> list[tuple[str, str]]:
    """(rule, matched source text) of the shipped packs' findings."""
    specs = [s for p in packs for s in load_pack(RULES / f"{p}.yaml").rules]
    result = lint_text(path, text, compile_rules(specs))
    assert result.error is None, result.error
    return [(v.rule, text[v.offset : v.end_offset]) for v in result.violations]


# --- term syntax -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("so-called", "the so called experts", "so called"),
        ("so-called", "the so - called experts", "so - called"),
        ("game changer", "a game-changer for us", "game-changer"),
        (
            "when the dust (finally/eventually) settle+",
            "when the dust eventually settles",
            "when the dust eventually settles",
        ),
        (
            "when the dust (finally/eventually) settle+",
            "when the dust settled",
            "when the dust settled",
        ),
        ("grim/stark reminder", "a stark reminder", "stark reminder"),
        ("wring+/wrung its/their hands", "wringing their hands", "wringing their hands"),
        ("let’s be clear", "Let's be clear:", "Let's be clear"),
        ("(the) last decade", "over the last decade", "the last decade"),
    ],
)
def test_phrase_syntax_matches_variants(term: str, text: str, found: str) -> None:
    m = compile_terms([term]).search(text)
    assert m is not None and m.group() == found


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("iconic", "iconically"),  # whole words only
        ("called", "so-called"),  # not inside a hyphenated compound
        ("grim reminder", "grim and a reminder"),
        ("(the) last decade", "the decade"),
    ],
)
def test_phrase_syntax_stays_whole_word(term: str, text: str) -> None:
    assert compile_terms([term]).search(text) is None


def test_phrase_syntax_rejects_regex_and_normalises_keys() -> None:
    with pytest.raises(TermSyntaxError):
        compile_terms(["best.*ever"])
    with pytest.raises(TermSyntaxError):
        compile_terms(["(only) (optional)"])
    assert normalise("So - Called") == normalise("so called") == "so called"
    assert normalise("it’s") == "it's"


def test_bad_term_is_a_pack_error_with_position(tmp_path: Path) -> None:
    pack = tmp_path / "k.yaml"
    pack.write_text(
        "pack: k\ndescription: d\nrules:\n  - id: r\n    extends: term-list\n"
        "    message: m\n    terms: [fine, 'bad|term']\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_pack(pack)
    assert "k.yaml:7" in str(info.value)


# --- term-list context checks ----------------------------------------------------------


def test_distinct_terms_once_per_sentence_unless_each_occurrence(tmp_path: Path) -> None:
    text = "Tragically, it failed tragically. Tragically, again."
    per_sentence = "extends: term-list\nmessage: m\nterms: [tragically]"
    assert run(tmp_path, per_sentence, text) == ["Tragically", "Tragically"]
    every = per_sentence + "\neach: occurrence"
    assert run(tmp_path, every, text) == ["Tragically", "tragically", "Tragically"]


def test_title_case_names_are_quiet_but_sentence_starts_are_not(tmp_path: Path) -> None:
    rule = "extends: term-list\nmessage: m\nterms: [legendary, fog of war]"
    text = (
        "Legendary Pictures made it. Legendary coaches win. We saw The Fog of War (2003). "
        "Fog of war hid the retreat."
    )
    assert run(tmp_path, rule, text) == ["Legendary", "Fog of war"]


def test_adverbial_terms_fire_only_as_sentence_adverbs(tmp_path: Path) -> None:
    rule = "extends: term-list\nmessage: m\nterms: [clearly]\nadverbial: [clearly]"
    text = (
        "He spoke clearly. Clearly, it failed. It was, clearly, a loss. The plan is clearly wrong."
    )
    assert len(run(tmp_path, rule, text)) == 3


def test_ambiguous_terms_need_a_people_word(tmp_path: Path) -> None:
    rule = (
        "extends: term-list\nmessage: m\nterms: [meat grinder, cannon fodder]\n"
        "ambiguous: [meat grinder]\nneeds: [soldier, conscript]"
    )
    text = "The meat grinder broke. Conscripts went into the meat grinder. They were cannon fodder."
    assert run(tmp_path, rule, text) == ["meat grinder", "cannon fodder"]


def test_negation_per_sentence_and_exempt_after(tmp_path: Path) -> None:
    rule = (
        "extends: term-list\nmessage: m\nterms: [are always, utterly, absurd, supposed]\n"
        "negation: true\nper_sentence: 1\nexempt_after: ['to\\b']"
    )
    text = (
        "Trains are not always late. Trains are always late. It was utterly absurd. "
        "It was supposed to work."
    )
    assert run(tmp_path, rule, text) == ["are always", "utterly"]


def test_attributed_quotations_are_the_speakers_words() -> None:
    found = shipped("“It is a legendary, tragically absurd result,” the coach said.")
    assert found == []


# --- contentious labels ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The EU lists the group as a terrorist organisation.",
        "Biden called Putin a dictator.",
        "He was described as a thug by police.",
    ],
)
def test_labels_applied_by_a_named_party_are_quiet(text: str) -> None:
    assert not [r for r, _ in shipped(text) if r == "neutrality.contentious-label"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("He was called a thug.", 1),  # passive, no agent: still the writer's label
        ("The so-called tyrant ruled.", 1),
        ("Tyrants and thugs, always tyrants.", 3),  # labels report every occurrence
    ],
)
def test_labels_in_the_writers_voice(text: str, count: int) -> None:
    assert len([r for r, _ in shipped(text) if r == "neutrality.contentious-label"]) == count


def test_regime_technical_senses_are_quiet() -> None:
    found = shipped("The tax regime changed. The regime jailed critics.")
    assert [m for r, m in found if r == "neutrality.regime"] == ["regime"]
    assert [v for v in shipped("The tax regime changed.") if v[0] == "neutrality.regime"] == []


# --- style kinds -----------------------------------------------------------------------


def test_rhetorical_question_reports_the_question_clause() -> None:
    text = "If this isn’t loyalty, what is? The deal holds. “Why now?” she asked.\n"
    found = [m for r, m in shipped(text) if r == "style.rhetorical-question"]
    assert found == ["what is?"]


def test_rhetorical_question_skips_headings_and_title_lines() -> None:
    md = "# Who Wins?\n\nWho Really Wins Here?\n\nDo they ever learn?\n"
    found = [m for r, m in shipped(md, "a.md") if r == "style.rhetorical-question"]
    assert found == ["Do they ever learn?"]


def test_draft_labels_only_from_the_list_and_at_line_start() -> None:
    text = "Kicker: the end.\nFinal Thoughts: Blood and Iron\nHe said the lede: no.\n  TODO: fix\n"
    found = [m for r, m in shipped(text) if r == "style.draft-label"]
    assert found == ["Kicker:", "TODO:"]


def test_relative_time_anchored_by_a_date_is_quiet() -> None:
    text = (
        "Sales fell recently. Sales fell recently, in May 2024. "
        "In 2023 the firm currently had 4 staff."
    )
    found = [m for r, m in shipped(text) if r == "style.relative-time"]
    assert found == ["recently"]


def test_second_person_outside_quotations_only() -> None:
    text = "You can see why. “You lose,” he said. Your call."
    found = [m for r, m in shipped(text) if r == "style.second-person"]
    assert found == ["You", "Your"]


def test_positions_are_source_offsets_in_markdown() -> None:
    md = "Some *emphasis* here, and the **iconic** founder.\n"
    found = [(r, m) for r, m in shipped(md, "a.md") if r == "neutrality.puffery"]
    assert found == [("neutrality.puffery", "iconic")]


# --- the shipped packs on an article of our own ----------------------------------------

ARTICLE = """\
Quote: “We will rebuild the bridge,” Mayor Ana Ruiz said on Monday.
Punchline: the council has been promising this for the last decade.
Tragically, the so-called repair fund ran dry, and the thugs who looted it were never named.
Contractors became cannon fodder in a budget meat grinder for workers.
At the end of the day, who pays? You do.
“It is a disgrace and a bloodbath,” said council leader Tom Hale.
"""


def test_article_findings_read_like_an_editors_queries() -> None:
    found = shipped(ARTICLE)
    rules = {r for r, _ in found}
    texts = [m for _, m in found]
    assert ("style.draft-label", "Quote:") in found
    assert ("style.draft-label", "Punchline:") in found
    assert ("style.relative-time", "the last decade") in found
    assert ("neutrality.editorializing", "Tragically") in found
    assert ("neutrality.doubt-term", "so-called") in found
    assert ("neutrality.contentious-label", "thugs") in found
    assert ("neutrality.loaded-language", "cannon fodder") in found
    assert ("neutrality.loaded-language", "meat grinder") in found
    assert ("style.cliche", "At the end of the day") in found
    assert ("style.rhetorical-question", "who pays?") in found
    assert "style.second-person" in rules
    # the attributed quotations stay quiet
    assert "disgrace" not in " ".join(texts) and "bloodbath" not in texts
    assert not any("rebuild" in m for m in texts)
