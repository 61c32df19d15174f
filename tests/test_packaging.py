"""The install: lint/ is imported as ``copydesk`` (PyPI's ``lint`` is someone else's package),
every folder of it is in the build's package list, and ``python -m copydesk`` runs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_folder_of_the_source_is_a_listed_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(("copydesk", *init.parent.relative_to(ROOT / "lint").parts))
        for init in (ROOT / "lint").rglob("__init__.py")
    }
    assert folders <= listed, f"add to [tool.setuptools] packages: {sorted(folders - listed)}"
    data = {"copydesk._packs", "copydesk._packs.profiles", "copydesk._packs.vale"}
    assert folders | data == listed


def test_the_package_is_copydesk_and_no_module_is_called_lint(tmp_path: Path) -> None:
    code = (
        "import importlib.util, copydesk\n"
        "print(importlib.util.find_spec('lint') is None, copydesk.__name__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True", "copydesk"]


def test_python_m_copydesk_checks_a_file(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("The plan is TK.\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", "story.txt", "--format", "concise"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert out.returncode == 1, out.stderr
    assert out.stdout.startswith("story.txt:1:13:"), out.stdout
