"""``copydesk rules`` and ``copydesk explain``: the reason, reference and examples of a rule, its
effective level under the config and profile, and errors for names that are not loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import HOUSE_PACK, run, write
from copydesk.packs.load import load_pack
from copydesk.packs.locate import builtin_dir

PUFFERY = "neutrality.puffery"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def puffery() -> object:
    pack = load_pack(builtin_dir() / "neutrality.yaml")
    return next(r for r in pack.rules if r.id == PUFFERY)


def test_rules_json_carries_reason_reference_and_examples(repo: Path, puffery: object) -> None:
    code, out, _ = run(["rules", "--format", "json"])
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert len(rows) > 40
    row = rows[PUFFERY]
    assert row["description"].startswith("Peacock words")
    assert "\n" not in row["description"]
    assert row["link"] == puffery.link and row["link"].startswith("https://")  # type: ignore[attr-defined]
    flagged = [t.input for t in puffery.tests if t.contains or t.want]  # type: ignore[attr-defined]
    quiet = [t.input for t in puffery.tests if not (t.contains or t.want)]  # type: ignore[attr-defined]
    assert row["examples"] == {"flags": flagged, "quiet": quiet}
    assert len(flagged) >= 3 and len(quiet) >= 3
    assert (row["severity"], row["pack"], row["kind"]) == ("warning", "neutrality", "term-list")
    # every shipped rule says why it exists and shows what it flags
    assert all(r["description"] and r["examples"]["flags"] for r in rows.values())


def test_rules_text_is_one_line_per_rule_and_long_shows_everything(repo: Path) -> None:
    _, out, _ = run(["rules"])
    line = next(x for x in out.splitlines() if x.startswith(PUFFERY + " "))
    assert line.split()[1] == "warning" and "Peacock words" in line
    _, out, _ = run(["rules", "--long", PUFFERY])
    assert out.startswith(f"{PUFFERY}  (neutrality, warning, extends term-list)\n")
    assert "Reference: https://" in out and "Flags:\n  - " in out and "Does not flag:\n  - " in out
    assert out.count("extends ") == 1  # only the named rule


def test_rules_filters_by_pack_and_shows_profile_levels(repo: Path) -> None:
    _, out, _ = run(["rules", "style", "--profile", "wiki"])
    ids = [x.split()[0] for x in out.splitlines()]
    assert ids and all(i.startswith("style.") for i in ids)
    levels = {x.split()[0]: x.split()[1] for x in out.splitlines()}
    assert levels["style.relative-time"] == "warning"
    _, out, _ = run(["rules", "style", "--profile", "opinion"])
    assert "style.second-person" not in out  # off: not loaded


def test_rules_follows_the_config(repo: Path) -> None:
    write(repo, {".copydesk.yaml": "packs: [citations]\nrules: {citations.tk: warning}\n"})
    _, out, _ = run(["rules", "--format", "json"])
    rows = {r["id"]: r["severity"] for r in json.loads(out)}
    assert all(r.startswith("citations.") for r in rows) and rows["citations.tk"] == "warning"


def test_rules_with_an_unknown_name_is_an_error(repo: Path) -> None:
    code, _, err = run(["rules", "nosuch.rule"])
    assert code == 2 and "no rule or pack nosuch.rule" in err


def test_explain_shows_reason_reference_examples_and_profile_levels(repo: Path) -> None:
    code, out, _ = run(["explain", PUFFERY])
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{PUFFERY}  (neutrality, warning, extends term-list)"
    assert "Peacock words that praise instead of inform" in out
    assert "Reference: https://en.wikipedia.org/" in out
    assert "Message: '%s' is puffery" in out
    assert "Defined in: " in out and "neutrality.yaml:" in out
    assert (
        "Levels by profile: news warning · corporate warning · moderation off · "
        "opinion suggestion · wiki warning"
    ) in out
    flags = lines.index("Flags:")
    quiet = lines.index("Does not flag:")
    assert flags < quiet
    assert "  - The iconic founder unveiled a revolutionary phone." in lines[flags:quiet]
    assert "  - “A legendary result,” the coach said." in lines[quiet:]


def test_explain_shows_the_level_under_the_chosen_profile(repo: Path) -> None:
    _, out, _ = run(["explain", PUFFERY, "--profile", "opinion"])
    assert out.startswith(f"{PUFFERY}  (neutrality, suggestion, extends term-list)")
    _, out, _ = run(["explain", "style.second-person", "--profile", "opinion"])
    assert out.splitlines()[1] == "(off in the current configuration)"
    assert "opinion off" in out and "news suggestion" in out and "wiki warning" in out


def test_explain_a_pack_file_rule_with_multiline_examples(repo: Path) -> None:
    pack = HOUSE_PACK.replace(
        "    tokens: [utilize]\n",
        "    tokens: [utilize]\n    link: https://example.org/use\n    tests:\n"
        "      - {name: hit, input: \"We utilize it.\\nTwice.\", contains: [utilize]}\n"
        "      - {name: quiet, input: We use it., want: []}\n",
    )
    write(repo, {"house.yaml": pack})
    code, out, _ = run(["explain", "house.utilize", "--pack", "house.yaml"])
    assert code == 0
    assert "Reference: https://example.org/use" in out
    assert "Flags:\n  - We utilize it.\n    Twice.\n" in out
    assert "Does not flag:\n  - We use it." in out
    assert "Defined in: house.yaml:" in out
    _, out, _ = run(["explain", "house.very", "--pack", "house.yaml"])
    assert "Reference: (none given)" in out and "Flags:" not in out


def test_explain_unknown_rule_is_an_error(repo: Path) -> None:
    code, out, err = run(["explain", "neutrality.nosuch"])
    assert (code, out) == (2, "") and "no rule 'neutrality.nosuch'" in err


def test_explain_reports_a_bad_profile(repo: Path) -> None:
    code, _, err = run(["explain", PUFFERY, "--profile", "tabloid"])
    assert code == 2 and "unknown profile 'tabloid'" in err


def test_rules_says_why_a_rule_of_a_pack_is_missing(tmp_path: Path) -> None:
    style = tmp_path / "Mine"
    style.mkdir()
    (style / "Ok.yml").write_text("extends: existence\nmessage: m\ntokens: [x]\n")
    (style / "Code.yml").write_text("extends: script\nmessage: m\nscript: x\n")
    code, out, err = run(["rules", "--pack", str(style)])
    assert code == 0 and "Mine.Ok" in out and "Mine.Code" not in out
    assert "Code.yml:1: rule 'Mine.Code' extends 'script'" in err
