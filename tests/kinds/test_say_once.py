"""Say it once (issue 14): a vague or unnamed source is one query per file, and two rules on
one wording give one finding, the more specific one (``once`` and ``yields_to`` rule keys)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from copydesk.core.errors import ConfigError
from copydesk.packs.load import load_pack
from copydesk.run.engine import RuleSet, compile_rules
from copydesk.run.session import Settings, lint_text, select_specs


@cache
def rules() -> RuleSet:
    specs, severity = select_specs(Settings())
    return compile_rules(specs, severity)


def found(text: str) -> list[tuple[str, str]]:
    res = lint_text("story.txt", text, rules())
    return [(v.rule, text[v.offset : v.end_offset]) for v in res.violations]


def test_the_same_vague_source_is_queried_where_it_first_appears() -> None:
    text = ("Critics say the plan is late.\n\nThe council met on Monday.\n\n"
            "Critics say it will cost more. Officials said nothing.\n")
    vague = [m for r, m in found(text) if r == "weasel.vague-source"]
    assert vague == ["Critics say", "Officials said"]  # each wording once
    res = lint_text("story.txt", text, rules())
    assert next(v.offset for v in res.violations if v.rule == "weasel.vague-source") == 0


def test_allegedly_about_a_named_person_is_the_legal_rules_query() -> None:
    rules_on_allegedly = [r for r, m in found("Dave Pike allegedly stole the car.\n")
                          if m.lower() == "allegedly"]
    assert rules_on_allegedly == ["legal.allegedly-without-source"]
    # with no person named, the weasel rule still asks
    assert ("weasel.reportedly", "allegedly") in found("The car was allegedly stolen.\n")


def test_so_called_and_scare_quotes_are_one_finding() -> None:
    got = found("The so-called “peace plan” was never signed.\n")
    assert [r for r, _ in got if r.startswith("neutrality")] == ["neutrality.doubt-term"]
    assert ("neutrality.scare-quotes", "“peace plan”") in found(
        "The “peace plan” was never signed.\n")


@pytest.mark.parametrize(("key", "value"), [("once", "yes please"), ("yields_to", "a.b")])
def test_the_keys_are_checked(tmp_path: Path, key: str, value: str) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(f"pack: house\nrules:\n  - id: x\n    extends: existence\n"
                    f"    message: '%s'\n    tokens: [foo]\n    {key}: {value!r}\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError, match=key):
        load_pack(pack)
