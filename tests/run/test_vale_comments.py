"""Vale's suppression comments (``vale off`` / ``vale on``, ``vale Style.Rule = NO`` / ``YES``,
``vale Style = NO``, ``Style.Rule["match"] = NO``, ``vale styles = A, B``) in Markdown, plain
text and HTML, with copydesk's built-in packs and a Vale-style folder pack."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import HOUSE_PACK, found, write
from suppress_helpers import FORMATS, flagged, wrap

# a Vale style: the folder is the style (pack) and each file one rule, named Style.File
VALE_STYLE = {
    "Styles/Plain/Utilize.yml": "extends: existence\nmessage: \"Use 'use'.\"\ntokens: [utilize]\n",
    "Styles/Plain/Very.yml": "extends: existence\nmessage: \"Cut '%s'.\"\ntokens: [very]\n",
}


@pytest.mark.parametrize("name", FORMATS)
def test_vale_off_and_on_switch_every_rule(builtin: Path, name: str) -> None:
    body = "One (source).\n<!-- vale off -->\nTwo (source) TK.\n<!-- vale on -->\nThree TK.\n"
    assert flagged(builtin, name, wrap(name, body)) == [
        (1, "citations.placeholder", "(source)"),
        (5, "citations.tk", "TK"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_one_rule_no_then_yes(builtin: Path, name: str) -> None:
    body = (
        "<!-- vale citations.tk = NO -->\n"
        "One (source) TK.\n"
        "<!-- vale citations.tk = YES -->\n"
        "Two TK.\n"
    )
    assert flagged(builtin, name, wrap(name, body)) == [
        (2, "citations.placeholder", "(source)"),
        (4, "citations.tk", "TK"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_off_and_on_as_the_state_words(builtin: Path, name: str) -> None:
    body = "<!-- vale citations.tk = off -->\nOne TK.\n<!-- Vale citations.tk=on -->\nTwo TK.\n"
    assert flagged(builtin, name, wrap(name, body)) == [(4, "citations.tk", "TK")]


@pytest.mark.parametrize("name", FORMATS)
def test_a_style_name_switches_the_whole_pack(
    builtin: Path, name: str, tmp_path: Path
) -> None:
    house = write(tmp_path, {"house.yaml": HOUSE_PACK}) / "house.yaml"
    body = (
        "<!-- vale citations = NO -->\n"
        "We utilize (source) TK.\n"
        "<!-- vale citations = YES -->\n"
        "TK.\n"
    )
    assert flagged(builtin, name, wrap(name, body), house) == [
        (2, "house.utilize", "utilize"),
        (4, "citations.tk", "TK"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_vale_names_of_a_vale_style_folder(builtin: Path, name: str, tmp_path: Path) -> None:
    style = write(tmp_path, VALE_STYLE) / "Styles" / "Plain"
    body = (
        "<!-- vale Plain.Utilize = NO -->\n"
        "We utilize very TK.\n"
        "<!-- vale Plain.Utilize = YES -->\n"
        "<!-- vale Plain = NO -->\n"
        "We utilize very much.\n"
        "<!-- vale Plain = YES -->\n"
        "We utilize very little.\n"
    )
    assert flagged(builtin, name, wrap(name, body), style) == [
        (2, "Plain.Very", "very"),
        (2, "citations.tk", "TK"),
        (7, "Plain.Utilize", "utilize"),
        (7, "Plain.Very", "very"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_vale_on_leaves_a_rule_set_to_no_off(builtin: Path, name: str) -> None:
    # as in Vale: `vale off` is a switch of its own, and no `= YES` lifts it while it is off
    body = (
        "<!-- vale citations.tk = NO -->\n"
        "<!-- vale off -->\n"
        "<!-- vale citations.placeholder = YES -->\n"
        "One (source) TK.\n"
        "<!-- vale on -->\n"
        "Two (source) TK.\n"
    )
    assert flagged(builtin, name, wrap(name, body)) == [(6, "citations.placeholder", "(source)")]


@pytest.mark.parametrize("name", FORMATS)
def test_the_last_rule_or_style_setting_decides(builtin: Path, name: str) -> None:
    body = (
        "<!-- vale citations = NO -->\n"
        "<!-- vale citations.tk = YES -->\n"
        "One (source) TK.\n"
        "<!-- vale citations = NO -->\n"
        "Two (source) TK.\n"
    )
    assert flagged(builtin, name, wrap(name, body)) == [(3, "citations.tk", "TK")]


@pytest.mark.parametrize("name", FORMATS)
def test_only_the_named_matches(builtin: Path, name: str) -> None:
    body = (
        '<!-- vale citations.placeholder["(source)", "[link]"] = NO -->\n'
        "One (source) [link] (citation).\n"
        '<!-- vale citations.placeholder["[link]"] = YES -->\n'
        "Two (source) [link].\n"
        '<!-- vale citations.placeholder["(source)"] = YES -->\n'
        "Three (source).\n"
    )
    assert flagged(builtin, name, wrap(name, body)) == [
        (2, "citations.placeholder", "(citation)"),
        (4, "citations.placeholder", "[link]"),
        (6, "citations.placeholder", "(source)"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_styles_leaves_only_those_on(builtin: Path, name: str, tmp_path: Path) -> None:
    house = write(tmp_path, {"house.yaml": HOUSE_PACK}) / "house.yaml"
    body = (
        "<!-- vale styles = house -->\n"
        "We utilize (source).\n"
        "<!-- vale style = citations, house -->\n"
        "We utilize (source).\n"
    )
    assert flagged(builtin, name, wrap(name, body), house) == [
        (2, "house.utilize", "utilize"),
        (4, "house.utilize", "utilize"),
        (4, "citations.placeholder", "(source)"),
    ]


def test_a_pack_called_style_is_a_style_not_the_styles_switch(builtin: Path) -> None:
    # copydesk has a built-in pack named "style": `vale style = NO` switches that pack off
    style = builtin / "style.yaml"
    text = "It was a perfect storm.\n<!-- vale style = NO -->\nIt was a perfect storm (source).\n"
    assert flagged(builtin, "a.md", text, style) == [
        (1, "style.cliche", "perfect storm"),
        (3, "citations.placeholder", "(source)"),
    ]


def test_off_and_on_within_one_line(builtin: Path) -> None:
    text = "*Note*: <!-- vale off -->One TK.<!-- vale on --> Two TK.\n"
    assert flagged(builtin, "a.md", text) == [(1, "citations.tk", "TK")]
    assert text.index("Two TK") + 4 == text.rindex("TK")


def test_a_comment_in_markdown_code_is_an_example(builtin: Path) -> None:
    text = "```html\n<!-- vale off -->\n```\n\nOne TK. `<!-- vale off -->` Two TK.\n"
    assert flagged(builtin, "a.md", text) == [(5, "citations.tk", "TK"), (5, "citations.tk", "TK")]


def test_a_comment_that_is_not_a_directive_changes_nothing(builtin: Path) -> None:
    text = "<!-- vale of Glamorgan -->\n<!-- valet off -->\nOne TK.\n"
    assert flagged(builtin, "a.md", text) == [(3, "citations.tk", "TK")]


def test_vale_comments_through_the_cli_with_crlf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {".copydesk.yaml": "packs: [citations]\n"})
    (tmp_path / "a.md").write_bytes(
        b"<!-- vale off -->\r\nOne (source).\r\n<!-- vale on -->\r\n"
        b"<!-- vale citations.placeholder = NO -->\r\nTwo (source) TK.\r\n"
    )
    monkeypatch.chdir(tmp_path)
    code, files, err = found(["a.md"])
    assert (code, files) == (1, {"a.md": ["citations.tk"]})
    assert "warning" not in err


def test_unknown_names_and_unread_comments_are_warned_with_their_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "a.md": (
                "<!-- vale citations.tkk = NO -->\n"
                "One TK. <!-- vale styles = citations, hous -->\n"
                "<!-- vale of -->\n"
                "<!-- vale citations.tk = MAYBE -->\n"
                "<!-- vale Google.Headings = NO -->\n"
                "<!-- vale citations.tk = NO -->\n"
                "Two TK.\n"
            )
        },
    )
    code, files, err = found(["a.md", "--config", "/dev/null"])
    assert files["a.md"] == ["citations.tk"]  # line 1; line 7's is silenced
    warned = [ln.removeprefix("copydesk: warning: ") for ln in err.splitlines()]
    unknown = "no loaded rule, pack or category has this name"
    assert warned == [
        f"a.md:1:11: suppression names 'citations.tkk': {unknown}",
        f"a.md:2:39: suppression names 'hous': {unknown}",
        "a.md:3:11: Vale comment 'vale of' not understood; it is ignored "
        "(vale off | vale on | vale Style.Rule = NO | vale Style = YES)",
        "a.md:4:11: Vale comment 'vale citations.tk = MAYBE' not understood; it is ignored "
        "(vale off | vale on | vale Style.Rule = NO | vale Style = YES)",
        f"a.md:5:11: suppression names 'Google.Headings': {unknown}",
    ]
    assert code == 1


def test_in_plain_text_a_comment_is_not_flagged_by_a_rule_it_switches(builtin: Path) -> None:
    # plain text has no comments: the comment is text, and lies inside the span it opens/closes
    text = (
        "One TK.\n"
        '<!-- vale citations.placeholder["(source)"] = NO -->\n'
        "Two (source).\n"
        '<!-- vale citations.placeholder["(source)"] = YES -->\n'
        "Three (source).\n"
    )
    assert flagged(builtin, "a.txt", text) == [
        (1, "citations.tk", "TK"),
        (5, "citations.placeholder", "(source)"),
    ]
