"""Whose voice is it (issue 13 4): words inside any direct quotation are the speaker's.

Neutrality, weasel, style and sourcing rules skip them whether or not a speaker was found;
privacy and profanity still see them.
"""

from __future__ import annotations

import pytest
from copydesk.run.engine import RuleSet, compile_rules
from copydesk.run.session import Settings, lint_text, select_specs

WRITER = ("Tragically, you know, the plan is the worst ever, with 40% of families furious. "
          "Critics say it is reportedly bad, and recently it is widely believed to be a "
          "disaster: why would you vote for it?")
SKIPPING = ("neutrality", "weasel", "style", "sourcing")


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    specs, severity = select_specs(Settings())
    return compile_rules(specs, severity)


def packs_found(text: str, rules: RuleSet) -> set[str]:
    return {v.rule.split(".")[0] for v in lint_text("story.txt", text, rules).violations}


def test_the_writers_own_words_are_checked(rules: RuleSet) -> None:
    found = packs_found(f"The hall fell silent.\n\n{WRITER}\n", rules)
    assert set(SKIPPING) <= found


@pytest.mark.parametrize("speaker", ["", " Ana Ruiz said."])
def test_inside_a_quotation_they_are_the_speakers(rules: RuleSet, speaker: str) -> None:
    body = WRITER.replace("?", ",”" if speaker else "?”", 1) if speaker else WRITER + "”"
    text = f"The hall fell silent.\n\n“{body}{speaker}\n"
    found = packs_found(text, rules)
    assert found.isdisjoint(SKIPPING), found
    assert ("attribution" in found) == (not speaker)


def test_privacy_and_profanity_still_read_quotations(rules: RuleSet) -> None:
    text = "“Call me on 07700 900461, this is bullshit,” Ana Ruiz said.\n"
    assert {"privacy", "profanity"} <= packs_found(text, rules)


def test_a_transcript_turn_is_the_speakers_too(rules: RuleSet) -> None:
    text = ("HOST: Why cut the late ferries?\n\n"
            "VALDEZ: You know why. The system lost $3.8 million last year, and critics say "
            "it is the worst run in the state. What would you do?\n")
    found = packs_found(text, rules)
    assert found.isdisjoint(SKIPPING), found
    # the same words in the writer's own voice are queried
    assert {"style", "sourcing", "weasel"} <= packs_found(text.replace("VALDEZ: ", ""), rules)


def test_a_broadcast_turn_with_the_speakers_role_is_the_speakers(rules: RuleSet) -> None:
    text = ("DANA ROE, HOST: So the votes you held on Tuesday were going to fail. Why hold them?"
            "\n\nSENATOR ANA RUIZ: Because critics say the rules are the worst they have been.\n")
    assert packs_found(text, rules).isdisjoint(SKIPPING)
    assert "style" in packs_found(text.replace("DANA ROE, HOST: ", ""), rules)


EXCHANGE = ("The hearing went on into the afternoon.\n\n"
            "Q. Where were you working that winter?\n"
            "A. At the Kessler yard, and you could see the crane from the gate.\n"
            "Q. Did you tell your foreman?\n"
            "A. I did.\n")


def test_a_question_and_answer_exchange_with_one_space_is_speech(rules: RuleSet) -> None:
    assert "style" not in packs_found(EXCHANGE, rules)
    # the same lines with the letters as initials of a name are the writer's own
    lone = "The hearing went on.\n\nA. Roe asked: Where were you working that winter?\n"
    assert "style" in packs_found(lone, rules)


THREAD = ("Reader comments: “Transit board cuts six bus routes”\n\n"
          "kristin_oakdale · 3h\n"
          "You know what? Critics say this is the worst board we have ever had. Why would "
          "you trust them? Someone at the meeting said “the buses were never the problem.”\n\n"
          "GeneFromEastside · 2h\n"
          "Call me on 07700 900461 if you want a lift, bullshit as this is.\n")


def test_a_comment_threads_posts_are_the_readers_words(rules: RuleSet) -> None:
    found = packs_found(THREAD, rules)
    assert found.isdisjoint({*SKIPPING, "attribution"}), found
    assert {"privacy", "profanity"} <= found  # what a moderator needs still shows
    # without the comment headers, the same words are the writer's
    bare = THREAD.replace("kristin_oakdale · 3h\n", "").replace("GeneFromEastside · 2h\n", "")
    assert {"style", "weasel"} <= packs_found(bare, rules)
