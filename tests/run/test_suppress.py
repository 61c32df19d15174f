"""Suppression comments (ranges, next line, per rule and per pack) and the front-matter switch,
in Markdown, plain text and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import HOUSE_PACK, found, write
from suppress_helpers import FORMATS, flagged, wrap


@pytest.mark.parametrize("name", FORMATS)
def test_disable_and_enable_range_for_all_rules(builtin: Path, name: str) -> None:
    body = (
        "One (source).\n"
        "<!-- copydesk-disable -->\n"
        "Two (source) TK.\n"
        "<!-- copydesk-enable -->\n"
        "Three TK.\n"
    )
    assert flagged(builtin, name, wrap(name, body)) == [
        (1, "citations.placeholder", "(source)"),
        (5, "citations.tk", "TK"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_disable_one_rule_leaves_the_others(builtin: Path, name: str) -> None:
    body = "<!-- copydesk-disable citations.tk -->\nOne (source) TK.\n"
    assert flagged(builtin, name, wrap(name, body)) == [(2, "citations.placeholder", "(source)")]


@pytest.mark.parametrize("name", FORMATS)
def test_disable_a_list_of_rules_with_commas(builtin: Path, name: str) -> None:
    body = "<!-- copydesk-disable citations.tk, citations.placeholder -->\nOne (source) TK.\n"
    assert flagged(builtin, name, wrap(name, body)) == []


@pytest.mark.parametrize("name", FORMATS)
def test_disable_next_line_covers_only_the_next_line(builtin: Path, name: str) -> None:
    body = (
        "<!-- copydesk-disable-next-line citations.placeholder -->\n"
        "One (source) TK.\n"
        "Two (source).\n"
        "<!-- copydesk-disable-next-line -->\n"
        "Three (source) TK.\n"
    )
    assert flagged(builtin, name, wrap(name, body)) == [
        (2, "citations.tk", "TK"),
        (3, "citations.placeholder", "(source)"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_disable_line_covers_only_its_own_line(builtin: Path, name: str) -> None:
    body = (
        "One (source) TK. <!-- copydesk-disable-line citations.tk -->\n"
        "Two (source) TK.\n"
        "Three (source) TK. <!-- copydesk-disable-line -->\n"
        "Four (source) TK.\n"
    )
    assert flagged(builtin, name, wrap(name, body)) == [
        (1, "citations.placeholder", "(source)"),
        (2, "citations.placeholder", "(source)"),
        (2, "citations.tk", "TK"),
        (4, "citations.placeholder", "(source)"),
        (4, "citations.tk", "TK"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_disable_line_with_a_pack_and_a_list(builtin: Path, name: str, tmp_path: Path) -> None:
    house = write(tmp_path, {"house.yaml": HOUSE_PACK}) / "house.yaml"
    body = (
        "We utilize (source) TK. <!-- copydesk-disable-line citations -->\n"
        "We utilize (source) TK. <!-- COPYDESK-DISABLE-LINE house.utilize, citations.tk -->\n"
    )
    assert flagged(builtin, name, wrap(name, body), house) == [
        (1, "house.utilize", "utilize"),
        (2, "citations.placeholder", "(source)"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_disable_line_on_a_line_of_its_own_covers_nothing_else(builtin: Path, name: str) -> None:
    # it is not a range: nothing after it (or before it) is silenced
    body = "One TK.\n<!-- copydesk-disable-line -->\nTwo TK.\n\nThree TK.\n"
    assert flagged(builtin, name, wrap(name, body)) == [
        (1, "citations.tk", "TK"),
        (3, "citations.tk", "TK"),
        (5, "citations.tk", "TK"),
    ]


def test_a_multiline_disable_line_comment_covers_the_line_it_starts_on(builtin: Path) -> None:
    text = "One (source). <!--\n  copydesk-disable-line\n-->\nTwo (source).\n"
    assert flagged(builtin, "a.md", text) == [(4, "citations.placeholder", "(source)")]


def test_disable_line_in_markdown_code_is_an_example(builtin: Path) -> None:
    text = (
        "```\nTK <!-- copydesk-disable-line -->\n```\n\n"
        "One TK `<!-- copydesk-disable-line -->`\n"
    )
    assert flagged(builtin, "a.md", text) == [(5, "citations.tk", "TK")]


@pytest.mark.parametrize("name", FORMATS)
def test_pack_name_suppresses_all_its_rules(builtin: Path, name: str, tmp_path: Path) -> None:
    house = write(tmp_path, {"house.yaml": HOUSE_PACK}) / "house.yaml"
    body = (
        "<!-- copydesk-disable citations -->\nWe utilize (source) TK.\n<!-- copydesk-enable -->\n"
    )
    assert flagged(builtin, name, wrap(name, body), house) == [(2, "house.utilize", "utilize")]


@pytest.mark.parametrize("name", FORMATS)
def test_enable_one_rule_inside_a_disable_all_range(builtin: Path, name: str) -> None:
    body = (
        "<!-- copydesk-disable -->\n"
        "One (source) TK.\n"
        "<!-- copydesk-enable citations.tk -->\n"
        "Two (source) TK.\n"
        "<!-- copydesk-enable -->\n"
        "Three (source).\n"
    )
    assert flagged(builtin, name, wrap(name, body)) == [
        (4, "citations.tk", "TK"),
        (6, "citations.placeholder", "(source)"),
    ]


@pytest.mark.parametrize("name", FORMATS)
def test_disable_without_enable_runs_to_the_end(builtin: Path, name: str) -> None:
    body = "One TK.\n<!-- COPYDESK-DISABLE citations.tk -->\nTwo TK.\n\nThree TK.\n"
    assert flagged(builtin, name, wrap(name, body)) == [(1, "citations.tk", "TK")]


@pytest.mark.parametrize("name", FORMATS)
def test_enable_of_another_rule_does_not_end_a_disable(builtin: Path, name: str) -> None:
    body = (
        "<!-- copydesk-disable citations.tk -->\n"
        "<!-- copydesk-enable citations.placeholder -->\n"
        "One (source) TK.\n"
    )
    assert flagged(builtin, name, wrap(name, body)) == [(3, "citations.placeholder", "(source)")]


@pytest.mark.parametrize("name", FORMATS)
def test_front_matter_disables_the_whole_file(builtin: Path, name: str) -> None:
    body = "One (source) TK.\n"
    assert flagged(builtin, name, "---\ntitle: x\ncopydesk: disable\n---\n" + body) == []
    only_tk = "---\ncopydesk: disable citations.tk\n---\n" + body
    assert flagged(builtin, name, only_tk) == [(4, "citations.placeholder", "(source)")]
    pack = "---\r\ncopydesk: disable citations\r\n---\r\n" + body  # CRLF and a pack name
    assert flagged(builtin, name, pack) == []


def test_a_switch_outside_front_matter_does_nothing(builtin: Path) -> None:
    text = "Intro.\n\ncopydesk: disable\n\nOne (source).\n"
    assert flagged(builtin, "a.txt", text) == [(5, "citations.placeholder", "(source)")]


def test_a_comment_inside_markdown_code_is_not_a_directive(builtin: Path) -> None:
    text = "```html\n<!-- copydesk-disable -->\n```\n\nOne (source).\n"
    assert flagged(builtin, "a.md", text) == [(5, "citations.placeholder", "(source)")]


def test_a_multiline_next_line_comment_covers_the_line_after_its_end(builtin: Path) -> None:
    text = "<!--\n  copydesk-disable-next-line\n-->\nOne (source).\nTwo (source).\n"
    assert flagged(builtin, "a.md", text) == [(5, "citations.placeholder", "(source)")]


def test_suppression_through_the_cli_with_crlf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {".copydesk.yaml": "packs: [citations]\n"})
    (tmp_path / "a.md").write_bytes(
        b"<!-- copydesk-disable-next-line citations -->\r\nOne (source).\r\nTwo (source).\r\n"
    )
    monkeypatch.chdir(tmp_path)
    code, files, _ = found(["a.md"])
    assert (code, files) == (1, {"a.md": ["citations.placeholder"]})
    (tmp_path / "a.md").write_bytes(
        b"One (source). <!-- copydesk-disable-line -->\r\nTwo TK.\r\n"
        b"Three (source). <!-- copydesk-disable-line citations.tk -->\r\n"
    )
    code, files, _ = found(["a.md"])
    assert (code, files) == (1, {"a.md": ["citations.tk", "citations.placeholder"]})


def test_a_misspelt_name_in_a_suppression_is_warned_with_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "a.md": (
                "---\ncopydesk: disable citations.tkk\n---\n\n"
                "A (source) here. <!-- copydesk-disable-next-line citatons, citations -->\n"
                "TK here. <!-- copydesk-disable citations.placeholder -->\n"
                "TK. <!-- copydesk-disable-line citations.t -->\n"
            )
        },
    )
    code, files, err = found(["a.md", "--config", "/dev/null"])
    assert "citations.placeholder" in files["a.md"]  # the misspelt switch silenced nothing
    warned = [ln for ln in err.splitlines() if "suppression names" in ln]
    assert warned == [
        "copydesk: warning: a.md:2:19: suppression names 'citations.tkk': "
        "no loaded rule, pack or category has this name",
        "copydesk: warning: a.md:5:50: suppression names 'citatons': "
        "no loaded rule, pack or category has this name",
        "copydesk: warning: a.md:7:32: suppression names 'citations.t': "
        "no loaded rule, pack or category has this name",
    ]
    assert code == 1
