"""Pack loading: YAML errors name the pack file and the exact line:col; defaults; categories."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from copydesk.core.errors import ConfigError
from copydesk.core.model import Severity
from copydesk.packs.load import load_pack

BASE = """pack: demo
description: d
rules:
  - id: one
    extends: existence
    message: "x %s"
    tokens: [foo]
"""

CASES = {
    "unknown key": (BASE + "    colour: red\n", "8:5", "unknown key 'colour'"),
    "unknown kind": (BASE.replace("existence", "existance"), "5:14", "unknown rule kind"),
    "bad regex in tokens": (
        BASE.replace("tokens: [foo]", "tokens:\n      - fine\n      - '(foo'"),
        "9:9",
        "bad regular expression '(foo'",
    ),
    "bad regex in swap key": (
        BASE.replace("existence", "substitution").replace(
            "tokens: [foo]", "swap:\n      ok: fine\n      '[a-': b"
        ),
        "9:7",
        "bad regular expression '[a-'",
    ),
    "bad severity": (BASE + "    level: critical\n", "8:12", "unknown severity 'critical'"),
    "bad severity alias": (BASE + "    severity: loud\n", "8:15", "unknown severity 'loud'"),
    "bad scope": (BASE + "    scope: footnote\n", "8:12", "unknown scope 'footnote'"),
    "bad scope in list": (
        BASE + "    scope: [heading, ~footnote]\n",
        "8:22",
        "unknown scope '~footnote'",
    ),
    "missing message": (BASE.replace('    message: "x %s"\n', ""), "4:5", "needs a 'message'"),
    "missing id": (BASE.replace("  - id: one\n    extends", "  - extends"), "4:5", "needs an 'id'"),
    "wrong type bool": (BASE + "    ignorecase: 'yes'\n", "8:17", "must be true or false"),
    "wrong type list": (BASE.replace("tokens: [foo]", "tokens: foo"), "7:13", "list of strings"),
    "wrong type int": (BASE + "    limit: -2\n", "8:12", "whole number"),
    "duplicate id": (
        BASE + "  - id: one\n    extends: existence\n    message: m\n    tokens: [bar]\n",
        "8:9",
        "duplicate rule id 'demo.one'",
    ),
    "yaml syntax error": (BASE + "   bad: indent\n", "8:4", "invalid YAML"),
    "duplicate key": (
        BASE + "    tokens: [bar]\n",
        "8:5",
        "duplicate key 'tokens' (first on line 7)",
    ),
    "unknown pack key": ("packs: x\n" + BASE, "1:1", "unknown pack key 'packs'"),
    "bad default severity": (
        BASE.replace("description: d\n", "description: d\ndefaults:\n  severity: loud\n"),
        "4:13",
        "unknown severity 'loud'",
    ),
    "unknown test key": (
        BASE + "    tests:\n      - name: t\n        input: foo\n        wnat: []\n",
        "11:9",
        "unknown test key 'wnat'",
    ),
    "key of another kind": (BASE + "    swap: {a: b}\n", "8:5", "unknown key 'swap'"),
    "occurrence without max/min": (
        BASE.replace("existence", "occurrence").replace("tokens: [foo]", "token: x"),
        "4:5",
        "needs 'max' or 'min'",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pack_errors_name_file_and_line_col(tmp_path: Path, name: str) -> None:
    text, where, fragment = CASES[name]
    path = tmp_path / "demo.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{where}: "), message
    assert fragment in message


def test_defaults_and_category(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(
        "pack: house\ndescription: d\ndefaults: {severity: error, scope: paragraph}\nrules:\n"
        "  - {id: a, extends: existence, message: m, tokens: [x]}\n"
        "  - {id: house.b, extends: existence, message: m, tokens: [y], level: suggestion,"
        " category: style, scope: [sentence, ~quote]}\n",
        encoding="utf-8",
    )
    a, b = load_pack(path).rules
    assert (a.id, a.category, a.severity, a.scope) == (
        "house.a",
        "house",
        Severity.ERROR,
        ("paragraph",),
    )
    assert (b.id, b.category, b.severity, b.scope) == (
        "house.b",
        "style",
        Severity.SUGGESTION,
        ("sentence", "~quote"),
    )


def test_rule_id_of_another_pack_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(BASE.replace("id: one", "id: other.one"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"p\.yaml:4:9: .*must start with the pack name"):
        load_pack(path)


VALE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "vale_style"


def test_vale_folder_loads_unchanged_with_folder_ids_and_category() -> None:
    pack = load_pack(VALE_DIR)
    ids = sorted(r.id for r in pack.rules)
    assert ids == [
        "vale_style.Acronyms",
        "vale_style.Email",
        "vale_style.Exclaim",
        "vale_style.Hedging",
        "vale_style.LongSentence",
        "vale_style.Repeated",
        "vale_style.Spelling",
        "vale_style.Wordiness",
    ]
    assert {r.category for r in pack.rules} == {"vale_style"}
    hedging = next(r for r in pack.rules if r.id == "vale_style.Hedging")
    assert hedging.severity is Severity.WARNING
    assert hedging.link == "https://example.org/style/hedging"
    # The spelling rule loads too (chunspell is installed for the tests): no warning.
    assert pack.warnings == []


def test_a_vale_rule_file_copydesk_cannot_read_is_skipped_with_its_line(tmp_path: Path) -> None:
    style = tmp_path / "Mine"
    style.mkdir()
    (style / "Bad.yml").write_text("extends: existence\nlevel: error\ntokens: [x]\n")
    (style / "Good.yml").write_text("extends: existence\nmessage: m\ntokens: [y]\n")
    pack = load_pack(style)
    assert [s.id for s in pack.rules] == ["Mine.Good"]  # the style's other rules run
    assert pack.warnings == [
        f"{style / 'Bad.yml'}:1:1: rule 'Mine.Bad' needs a 'message'; rule Mine.Bad skipped"
    ]
    (style / "Bad.yml").write_text("extends: existence\nmessage: m\nlevl: error\ntokens: [x]\n")
    assert re.search(r"Bad\.yml:3:1: unknown key 'levl'", load_pack(style).warnings[0])


def test_a_go_yaml_escaped_quote_reads_as_vale_reads_it(tmp_path: Path) -> None:
    style = tmp_path / "Mine"
    style.mkdir()
    (style / "Quote.yml").write_text(
        'extends: existence\nmessage: "Don\\\'t say \'%s\'."\ntokens: [x]\n')
    (rule,) = load_pack(style).rules
    assert rule.message == "Don't say '%s'."


@pytest.mark.parametrize("kind", ["script"])
def test_other_vale_kinds_are_skipped_with_a_warning(tmp_path: Path, kind: str) -> None:
    style = tmp_path / "S"
    style.mkdir()
    (style / "Other.yml").write_text(f"extends: {kind}\nmessage: m\n")
    (style / "Kept.yml").write_text("extends: existence\nmessage: m\ntokens: [x]\n")
    pack = load_pack(style)
    assert [r.id for r in pack.rules] == ["S.Kept"]
    assert f"extends '{kind}'" in pack.warnings[0] and "skipped" in pack.warnings[0]
