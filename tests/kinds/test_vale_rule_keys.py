"""What real Vale styles write in their rule files and Vale reads: a ``source`` key (Red Hat's
rules name the style guide page they come from) and Go's code point escape ``\\x{2018}``
(RedHat.SmartQuotes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from copydesk.match.patterns import compile_user, go_escapes
from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text


def found(tmp_path: Path, rule: str, text: str) -> list[tuple[str, str]]:
    pack = tmp_path / "k.yaml"
    body = "".join(f"    {line}\n" for line in rule.strip().splitlines())
    pack.write_text(f"pack: k\ndescription: d\nrules:\n  - id: r\n{body}", encoding="utf-8")
    result = lint_text("a.md", text, compile_rules(load_pack(pack).rules))
    assert result.error is None, result.error
    return [(text[v.offset : v.end_offset], v.message) for v in result.violations]


def test_a_rule_may_name_its_source(tmp_path: Path) -> None:
    rule = ("extends: existence\nmessage: \"No periods in '%s'.\"\nnonword: true\n"
            "source: https://example.com/style-guide\ntokens: ['\\b(?:[A-Z]\\.){3,5}']")
    expected = [("N.A.S.A.", "No periods in 'N.A.S.A.'.")]
    assert found(tmp_path, rule, "The N.A.S.A. team.\n") == expected


def test_go_code_point_escapes_are_read(tmp_path: Path) -> None:
    rule = ("extends: substitution\nmessage: Use %s rather than %s.\nnonword: true\n"
            "swap:\n  '[\\x{2018}\\x{2019}]': \"'\"")
    assert [m for m, _ in found(tmp_path, rule, "It\u2019s \u2018here\u2019.\n")] == [
        "\u2019", "\u2018", "\u2019"]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"[\x{2018}\x{2019}]", r"[\U00002018\U00002019]"),
    (r"a\x{1F600}", r"a\U0001f600"),
    (r"\\x{41}", r"\\x{41}"),  # an escaped backslash, then the letters x{41}
    (r"\x41 x{2}", r"\x41 x{2}"),
])
def test_go_escapes(pattern: str, expected: str) -> None:
    assert go_escapes(pattern) == expected
    compile_user(pattern)


def test_vale_2s_code_key_loads_and_code_stays_unlinted(tmp_path: Path) -> None:
    rule = "extends: existence\nmessage: \"'%s'\"\ncode: false\ntokens: [foo]"
    assert [m for m, _ in found(tmp_path, rule, "A foo and `foo`.\n")] == ["foo"]
