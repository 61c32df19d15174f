"""Each Vale kind's behaviour, scopes and the message formatter, through real packs."""

from __future__ import annotations

from pathlib import Path

import pytest
from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.messages import format_message
from copydesk.run.session import lint_text
from rule_helpers import run_rule


def run(
    tmp_path: Path, rule: str, text: str, path: str = "a.txt"
) -> list[tuple[str, str, str | None]]:
    return run_rule(tmp_path, rule, text, path)


def matches(found: list[tuple[str, str, str | None]]) -> list[str]:
    return [m for m, _, _ in found]


# --- existence -------------------------------------------------------------------------


def test_existence_tokens_are_case_sensitive_by_default(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [very, really]"
    found = run(tmp_path, rule, "Very good, very very really.")
    assert found[0] == ("very", "Avoid 'very'.", None)
    assert matches(found) == ["very", "very", "really"]


def test_existence_ignorecase_and_word_boundaries(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\nignorecase: true\ntokens: [tk]"
    assert matches(run(tmp_path, rule, "TK and tk but not TKO or atk")) == ["TK", "tk"]


def test_existence_nonword_drops_boundaries(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\nnonword: true\ntokens: [ing]"
    assert matches(run(tmp_path, rule, "sing along")) == ["ing"]
    rule = "extends: existence\nmessage: m\ntokens: [ing]"
    assert run(tmp_path, rule, "sing along") == []


def test_existence_regex_tokens_and_exceptions(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\ntokens: ['[A-Z]{2,}s?']\nexceptions: [NASA, 'HTML?']"
    assert matches(run(tmp_path, rule, "NASA and HTM and FBIs and CIA")) == ["FBIs", "CIA"]


def test_existence_raw_and_append(tmp_path: Path) -> None:
    before = "extends: existence\nmessage: m\nnonword: true\nraw: ['\\$']\ntokens: ['\\d+']"
    assert matches(run(tmp_path, before, "costs $40 or 40$")) == ["$40"]
    after = before + "\nappend: true"
    assert matches(run(tmp_path, after, "costs $40 or 40$")) == ["40$"]


def test_existence_action_remove_and_replace_make_fixes(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\ntokens: [very]\naction:\n  name: remove"
    assert run(tmp_path, rule, "a very big one")[0][2] == ""
    rule = "extends: existence\nmessage: m\ntokens: [utilise]\n"
    rule += "action:\n  name: replace\n  params: [use]"
    assert run(tmp_path, rule, "we utilise it")[0][2] == "use"
    rule = "extends: existence\nmessage: m\ntokens: [x]\naction:\n  name: replace\n  params: [a, b]"
    assert run(tmp_path, rule, "x")[0][2] is None  # ambiguous: no automatic fix


def test_limit_caps_findings_per_file(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\ntokens: [so]\nlimit: 2"
    assert len(run(tmp_path, rule, "so so so so so")) == 2


# --- substitution ----------------------------------------------------------------------


def test_substitution_message_and_fix(tmp_path: Path) -> None:
    rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  utilize: use"
    assert run(tmp_path, rule, "We utilize it.") == [
        ("utilize", "Use 'use' instead of 'utilize'.", "use")
    ]


def test_substitution_options_are_quiet_when_already_used(tmp_path: Path) -> None:
    rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
    rule += "swap:\n  'e-?mail': email|Email"
    found = run(tmp_path, rule, "Send e-mail or email.")
    assert found == [("e-mail", "Use 'email|Email' instead of 'e-mail'.", None)]


def test_substitution_replacement_with_its_own_alternation_is_one_pattern(tmp_path: Path) -> None:
    rule = ("extends: substitution\nmessage: 'Use a kind of note.'\nnonword: true\nscope: raw\n"
            "swap:\n  'NOTE: \\*\\*\\w+:\\*\\*': 'NOTE: \\*\\*(?:Tip|Warning):\\*\\*'")
    text = "NOTE: **Aside:**\n\nNOTE: **Warning:**\n\nNOTE: **Tip:**\n"
    assert matches(run(tmp_path, rule, text, "a.md")) == ["NOTE: **Aside:**"]


def test_substitution_replace_action_quotes_options(tmp_path: Path) -> None:
    rule = (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
        "action:\n  name: replace\nswap:\n  whilst: while|as"
    )
    assert run(tmp_path, rule, "whilst") == [
        ("whilst", "Use 'while' or 'as' instead of 'whilst'.", None)
    ]


def test_substitution_ignorecase_capitalize(tmp_path: Path) -> None:
    rule = (
        "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nignorecase: true\n"
        "capitalize: true\nswap:\n  mankind: humankind"
    )
    found = run(tmp_path, rule, "Mankind and mankind.")
    assert found == [
        ("Mankind", "Use 'Humankind', not 'Mankind'.", "Humankind"),
        ("mankind", "Use 'humankind', not 'mankind'.", "humankind"),
    ]


def test_substitution_dollar_group_expansion(tmp_path: Path) -> None:
    rule = (
        "extends: substitution\nmessage: \"Use '%s'.\"\nswap:\n"
        "  'change in(?: )?to the (\\w+) folder': change to the $1 folder\n  colour: color"
    )
    found = run(tmp_path, rule, "Now change into the docs folder, colour.")
    assert found[0] == (
        "change into the docs folder",
        "Use 'change to the docs folder'.",
        "change to the docs folder",
    )
    assert found[1][0] == "colour"


def test_substitution_longest_key_wins(tmp_path: Path) -> None:
    rule = "extends: substitution\nmessage: \"'%s'\"\n"
    rule += "swap:\n  'MPL': MPL\n  'MPL[ -]?2(?:\\.0)?': MPL 2.0"
    assert run(tmp_path, rule, "MPL and MPL2.0 and MPL 2.0") == [("MPL2.0", "'MPL 2.0'", "MPL 2.0")]


# --- occurrence, repetition, consistency, conditional ----------------------------------


def test_occurrence_max_per_sentence(tmp_path: Path) -> None:
    rule = (
        "extends: occurrence\nmessage: 'Too many commas (%d).'\nscope: sentence\nmax: 2\ntoken: ','"
    )
    found = run(tmp_path, rule, "Red, green, blue. One, two, three, four. Done.")
    assert found == [(",", "Too many commas (3).", None)]


def test_occurrence_min(tmp_path: Path) -> None:
    rule = "extends: occurrence\nmessage: 'Only %d words.'\nscope: paragraph\nmin: 4\ntoken: '\\w+'"
    assert [m for _, m, _ in run(tmp_path, rule, "Too short.\n\nThis one is long enough.\n")] == [
        "Only 2 words."
    ]


def test_repetition_the_the(tmp_path: Path) -> None:
    rule = (
        "extends: repetition\nmessage: \"'%s' is repeated!\"\nalpha: true\ntokens: ['[^\\s.!?]+']"
    )
    assert run(tmp_path, rule, "I saw the the cat.") == [("the the", "'the' is repeated!", None)]
    assert run(tmp_path, rule, "I saw that. That cat.") == []  # across sentences: quiet
    assert run(tmp_path, rule, "I saw 42 42 cats.") == []  # alpha: numbers ignored


def test_repetition_ignorecase_and_max(tmp_path: Path) -> None:
    rule = "extends: repetition\nmessage: '%s'\nignorecase: true\ntokens: ['\\w+']"
    assert matches(run(tmp_path, rule, "The the end.")) == ["The the"]
    rule = "extends: repetition\nmessage: '%s'\nmax: 1\ntokens: ['\\w+']"
    assert matches(run(tmp_path, rule, "no no fine. yes yes yes.")) == ["yes yes"]


def test_consistency_flags_each_block_once_both_forms_were_met(tmp_path: Path) -> None:
    rule = "extends: consistency\nmessage: \"Inconsistent '%s'.\"\n"
    rule += "ignorecase: true\neither:\n  email: e-mail"
    # one block: its last use names the form, shown at its first use of that text
    found = run(tmp_path, rule, "An e-mail, an email, an e-mail.")
    assert found == [("e-mail", "Inconsistent 'e-mail'.", None)]
    assert run(tmp_path, rule, "email and EMAIL") == []
    # by paragraphs: quiet until the second form is met, then every block that uses either
    text = "Send an email.\n\nOr an e-mail.\n\nNo address here.\n\nAn email again.\n"
    found = run(tmp_path, rule, text, "a.md")
    assert [(m, text.index(m) if m == "e-mail" else text.rindex(m)) for m, _, _ in found] == [
        ("e-mail", text.index("e-mail")), ("email", text.rindex("email"))]


def test_conditional_with_a_group(tmp_path: Path) -> None:
    rule = (
        "extends: conditional\nmessage: \"'%s' has no definition\"\n"
        "first: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n"
        "exceptions: [ABC]"
    )
    text = "The NFL said WHO and ABC agree. The World Health Organization (WHO) said so."
    assert run(tmp_path, rule, text) == [("NFL", "'NFL' has no definition", None)]


def test_conditional_reads_every_group_of_the_definitions(tmp_path: Path) -> None:
    rule = (
        "extends: conditional\nmessage: \"'%s' has no definition\"\n"
        "first: '\\b([A-Z]{3,5})\\b'\n"
        "second: '([A-Z]{3,5}): (?:\\b[A-Z][a-z]+ )+|(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n"
    )
    text = ("The WHO: World Health Organization met the National Basketball Association (NBA) "
            "and the NFL.")
    assert matches(run(tmp_path, rule, text)) == ["NFL"]  # WHO by group 1, NBA by group 2


def test_conditional_without_a_group_is_a_presence_check(tmp_path: Path) -> None:
    rule = "extends: conditional\nmessage: 'needs a summary'\nfirst: 'Section'\nsecond: 'Summary:'"
    assert matches(run(tmp_path, rule, "Section one.\nSection two.")) == ["Section", "Section"]
    assert run(tmp_path, rule, "Section one.\nSummary: fine.") == []


# --- scopes ----------------------------------------------------------------------------

TEXT = (
    "Annual Report On Widgets\n"
    "\n"
    "He said \u201cwidgets are great\u201d and widgets sold. Widgets again.\n"
    "\n"
    "Widgets close the report.\n"
)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("text", [17, 35, 58, 72, 88]),
        ("heading", [17]),
        ("paragraph", [35, 58, 72, 88]),
        ("sentence", [17, 35, 58, 72, 88]),
        ("quote", [35]),
        ("~quote", [17, 58, 72, 88]),
        # as in Vale, a list is alternatives (either holds) and '&' joins parts (all hold)
        ("[paragraph, ~quote]", [17, 35, 58, 72, 88]),
        ("paragraph & ~quote", [58, 72, 88]),
        ("[heading, quote]", [17, 35]),
        ("~heading & ~quote", [58, 72, 88]),
        ("text.txt", [17, 35, 58, 72, 88]),
        ("text.md", []),
        ("~paragraph.html", [17, 35, 58, 72, 88]),
    ],
)
def test_scopes_on_plain_text(tmp_path: Path, scope: str, expected: list[int]) -> None:
    rule = f"extends: existence\nmessage: m\nignorecase: true\nscope: {scope}\ntokens: [widgets]"
    pack = tmp_path / "k.yaml"
    pack.write_text(
        "pack: k\ndescription: d\nrules:\n  - id: r\n"
        + "".join(f"    {line}\n" for line in rule.splitlines())
    )
    result = lint_text("a.txt", TEXT, compile_rules(load_pack(pack).rules))
    assert [v.offset for v in result.violations] == expected
    assert all(TEXT[v.offset : v.end_offset].lower() == "widgets" for v in result.violations)


def test_sentence_scope_excludes_matches_spanning_sentences(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: m\nscope: sentence\nnonword: true\ntokens: ['end\\. Next']"
    assert run(tmp_path, rule, "The end. Next one.") == []


# --- message formatter -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "args", "expected"),
    [
        ("Use '%s' instead of '%s'.", ("a", "b"), "Use 'a' instead of 'b'."),
        ("Swap: %[2]s then %[1]s.", ("a", "b"), "Swap: b then a."),
        ("Only '%s'.", ("a", "surplus"), "Only 'a'."),
        ("Missing '%s' and '%s'.", ("a",), "Missing 'a' and ''."),
        ("Count %d, 100%% sure, 50% off.", (3,), "Count 3, 100% sure, 50% off."),
        ("Quoted %q.", ("x",), 'Quoted "x".'),
        ("Two\nlines.", (), "Two lines."),
        ("Use  instead of '%s'.", ("x",), "Use  instead of 'x'."),  # the template's own spaces
        ("Check '%s'.", ("a\n   b",), "Check 'a b'."),  # a match across lines
        ("Check '%s'.", ("employ   it",), "Check 'employ it'."),  # markup left out between
        ("Bad indent \"%s\"", ("   `",), 'Bad indent "   `"'),  # an indent stays, as in Vale
        ("'%s' here", ("Some\u00a0thing",), "'Some\u00a0thing' here"),  # one space as written
    ],
)
def test_format_message(template: str, args: tuple[object, ...], expected: str) -> None:
    assert format_message(template, args) == expected


def test_format_message_is_linear_in_long_white_space() -> None:
    # a hang guard (far above the cost): a regex that sought a line break after every space
    # of a long match took minutes for 200,000 spaces
    import time

    start = time.process_time()
    out = format_message("'%s' and%s", ("x" + " " * 200_000 + "y", " " * 200_000))
    assert time.process_time() - start < 10
    assert out.startswith("'x y' and")
