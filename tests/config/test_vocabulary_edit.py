"""Accepting a term (the editor's quick fix) writes it into the governing config's vocabulary,
keeping the file's comments and layout, and never touches a pyproject.toml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from copydesk.config.project import load_config_file
from copydesk.config.vocabulary_edit import accept_term
from copydesk.core.errors import ConfigError


def test_the_term_joins_the_accept_list_and_comments_stay(tmp_path: Path) -> None:
    config = tmp_path / ".copydesk.yaml"
    config.write_text(
        "# house settings\npacks: [citations]  # only these\nvocabulary:\n"
        "  accept: ['(?i)Storm Corps']\n", "utf-8",
    )
    config.chmod(0o640)
    assert accept_term("C++ desk", str(config), tmp_path) == config
    text = config.read_text("utf-8")
    assert text.startswith("# house settings\npacks: [citations]  # only these\n")
    loaded = load_config_file(config)
    assert loaded.accept == ("(?i)Storm Corps", re.escape("C++ desk"))
    assert re.fullmatch(loaded.accept[1], "C++ desk")
    assert config.stat().st_mode & 0o777 == 0o640
    accept_term("C++ desk", str(config), tmp_path)  # a second time changes nothing
    assert config.read_text("utf-8") == text


def test_without_a_config_one_is_made_in_the_folder(tmp_path: Path) -> None:
    written = accept_term("Okafor", "", tmp_path)
    assert written == tmp_path / ".copydesk.yaml"
    assert load_config_file(written).accept == ("Okafor",)
    assert not list(tmp_path.glob(".*.tmp*"))


def test_a_pyproject_config_is_left_to_the_writer(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.copydesk]\npacks = ['citations']\n", "utf-8")
    with pytest.raises(ConfigError, match=r"by hand"):
        accept_term("Okafor", str(pyproject), tmp_path)
    assert pyproject.read_text("utf-8") == "[tool.copydesk]\npacks = ['citations']\n"
