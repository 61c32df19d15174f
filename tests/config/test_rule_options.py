"""Per-rule options in a config: ``rules: {id: {level: …, <kind option>: …}}``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_helpers import run

QUOTE = "“This will gut local news within a year.”\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(QUOTE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def config(repo: Path, body: str) -> None:
    (repo / ".copydesk.yaml").write_text(body, encoding="utf-8")


def test_option_changes_what_the_rule_flags(repo: Path) -> None:
    config(repo, "rules:\n  attribution.unattributed-quote:\n    min_words: 12\n")
    code, out, _ = run(["check", "a.txt", "--select", "attribution", "--format", "concise"])
    assert (code, out) == (0, "")
    config(repo, "rules:\n  attribution.unattributed-quote:\n    min_words: 3\n")
    code, out, _ = run(["check", "a.txt", "--select", "attribution", "--format", "concise"])
    assert code == 0 and "a.txt:1:1: warning:" in out  # a warning by default: exit 0


def test_level_and_options_together(repo: Path) -> None:
    body = "rules:\n  attribution.unattributed-quote:\n    level: error\n    min_words: 3\n"
    config(repo, body)
    code, out, _ = run(["check", "a.txt", "--select", "attribution", "--format", "concise"])
    assert code == 1 and "a.txt:1:1: error:" in out


def test_unknown_option_is_an_error_at_its_key(repo: Path) -> None:
    config(repo, "rules:\n  attribution.unattributed-quote:\n    min_wrds: 3\n")
    code, _, err = run(["check", "a.txt"])
    assert code == 2
    assert ".copydesk.yaml:3:5: unknown option 'min_wrds'" in err


def test_bad_option_value_is_an_error_at_its_key(repo: Path) -> None:
    config(repo, "rules:\n  citations.tk:\n    tokens: ['(unclosed']\n")
    code, _, err = run(["check", "a.txt"])
    assert code == 2
    assert ".copydesk.yaml:3:5: rule citations.tk: bad regular expression" in err


def test_wrong_type_is_an_error(repo: Path) -> None:
    config(repo, "rules:\n  attribution.unattributed-quote:\n    min_words: many\n")
    code, _, err = run(["check", "a.txt"])
    assert code == 2 and "'min_words' must be a whole number" in err
