"""The baseline: recorded findings are not reported again, wherever an edit elsewhere moves
them; an edit of a finding's own line, or one more of the same, is new."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_helpers import HOUSE_PACK
from copydesk.core.errors import ConfigError
from copydesk.core.kept import keep
from copydesk.core.model import FileResult
from copydesk.packs.load import load_pack
from copydesk.run import baseline
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text

STORY = "We utilize the plan.\nIt is very good.\nThey utilize synergy.\n"


Lint = Callable[..., list[FileResult]]


@pytest.fixture
def lint(tmp_path: Path) -> Lint:
    pack = tmp_path / "house.yaml"
    pack.write_text(HOUSE_PACK, "utf-8")
    rules = compile_rules(load_pack(pack).rules)

    def run(text: str, name: str = "story.md") -> list[FileResult]:
        return [lint_text(str(tmp_path / name), text, rules)]

    return run


def found(results: list[FileResult]) -> list[tuple[str, int]]:
    return [(v.rule, v.offset) for r in results for v in r.violations]


def test_recorded_findings_are_not_reported(lint: Lint, tmp_path: Path) -> None:
    where = tmp_path / baseline.DEFAULT_NAME
    results = lint(STORY)
    assert baseline.write(results, where) == 4
    doc = json.loads(where.read_text("utf-8"))
    assert doc["copydesk-baseline"] == 1
    assert {row["path"] for row in doc["findings"]} == {"story.md"}  # relative to its folder
    left, dropped = baseline.new_only(lint(STORY), where)
    assert (found(left), dropped) == ([], 4)


def test_edits_elsewhere_move_findings_but_they_stay_known(lint: Lint, tmp_path: Path) -> None:
    where = tmp_path / baseline.DEFAULT_NAME
    baseline.write(lint(STORY), where)
    edited = "# Budget\n\nA new first paragraph.\n\n" + STORY.replace("\n", "  \n", 1)
    left, dropped = baseline.new_only(lint(edited), where)
    assert (found(left), dropped) == ([], 4)


def test_an_edit_of_its_line_or_one_more_finding_is_new(lint: Lint, tmp_path: Path) -> None:
    where = tmp_path / baseline.DEFAULT_NAME
    baseline.write(lint(STORY), where)
    edited = STORY.replace("It is very good.", "It is very, very good.")
    left, dropped = baseline.new_only(lint(edited), where)
    assert [rule for rule, _ in found(left)] == ["house.very", "house.very"]
    assert dropped == 3
    twice = STORY + "They utilize synergy.\n"  # the same line again: one more of that key
    left, _ = baseline.new_only(lint(twice), where)
    assert found(left) == [("house.utilize", len(STORY) + 5), ("house.banned", len(STORY) + 13)]


def test_another_file_s_findings_are_new(lint: Lint, tmp_path: Path) -> None:
    where = tmp_path / baseline.DEFAULT_NAME
    baseline.write(lint(STORY), where)
    left, dropped = baseline.new_only(lint(STORY, "other.md"), where)
    assert len(found(left)) == 4 and dropped == 0


def test_a_result_whose_text_was_dropped_gives_the_same_fingerprints(lint: Lint) -> None:
    (full,) = lint(STORY)
    kept = keep(full, lines=True)
    assert kept.text == "" and kept.kept is not None
    assert [baseline.fingerprint(kept, v) for v in kept.violations] == [
        baseline.fingerprint(full, v) for v in full.violations
    ]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "bad JSON"),
        ('{"findings": []}', "not a copydesk baseline"),
        ('{"copydesk-baseline": 1, "findings": [{"rule": "x"}]}', "lacks rule, path"),
    ],
)
def test_a_broken_baseline_is_an_error_naming_the_file(
    tmp_path: Path, content: str, says: str
) -> None:
    where = tmp_path / "b.json"
    where.write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=says) as caught:
        baseline.read(where)
    assert str(where) in str(caught.value)
