"""Folder walks: prose extensions, nested .gitignore files, negation, .git/info/exclude, tool
folders, config ``ignore:`` globs, and paths printed exactly as the folder was given."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import found, run, write
from copydesk.config.discovery import walk

BAD = "Fine (source).\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(
        tmp_path,
        {
            ".copydesk.yaml": "packs: [citations]\n",
            ".gitignore": "ignored.md\nlogs/\n*.tmp.md\n# a comment\n\n",
            ".git/info/exclude": "private.md\n",
            "a.md": BAD,
            "doc.markdown": BAD,
            "notes.txt": BAD,
            "page.html": "<p>Fine (source).</p>\n",
            "old.htm": "<p>Fine (source).</p>\n",
            "script.py": "print('(source)')\n",
            "README": BAD,  # no prose extension: not walked
            "UPPER.MD": BAD,  # extensions match case-insensitively
            "ignored.md": BAD,
            "b.tmp.md": BAD,
            "private.md": BAD,
            "logs/x.md": BAD,
            "sub/.gitignore": "*.md\n!keep.md\n",
            "sub/drop.md": BAD,
            "sub/keep.md": BAD,
            "sub/inner/deep.md": BAD,  # sub's *.md applies below it too
            "sub/inner/ok.txt": BAD,
            "node_modules/pkg/readme.md": BAD,
            ".venv/lib/x.md": BAD,
            "__pycache__/x.md": BAD,
            "docs/guide.md": BAD,
            "docs/ignored.md": BAD,  # the root pattern has no slash: it applies at any depth
        },
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


WALKED = [
    "UPPER.MD",
    "a.md",
    "doc.markdown",
    "docs/guide.md",
    "notes.txt",
    "old.htm",
    "page.html",
    "sub/inner/ok.txt",
    "sub/keep.md",
]


def test_walk_honours_gitignore_negation_exclude_and_tool_folders(repo: Path) -> None:
    assert [p.as_posix() for p in walk(repo)] == WALKED


def test_check_walks_the_same_files_in_sorted_order(repo: Path) -> None:
    code, files, _ = found(["."])
    assert code == 1
    assert list(files) == WALKED
    assert all(rules == ["citations.placeholder"] for rules in files.values())


def test_gitignore_files_above_the_walked_folder_still_apply(repo: Path) -> None:
    assert [p.as_posix() for p in walk(repo / "sub")] == ["inner/ok.txt", "keep.md"]
    assert [p.as_posix() for p in walk(repo / "docs")] == ["guide.md"]
    assert list(walk(repo / "logs")) == [Path("x.md")]  # a named folder is walked even if ignored


def test_a_deeper_gitignore_can_re_include_what_a_parent_ignores(repo: Path) -> None:
    write(repo, {"drafts/.gitignore": "!*.tmp.md\n", "drafts/c.tmp.md": BAD})
    assert "drafts/c.tmp.md" in [p.as_posix() for p in walk(repo)]


def test_a_file_inside_an_ignored_folder_cannot_be_re_included(repo: Path) -> None:
    write(repo, {".gitignore": "build/\n!build/keep.md\n", "build/keep.md": BAD})
    assert "build/keep.md" not in [p.as_posix() for p in walk(repo)]


def test_an_explicit_path_is_always_linted(repo: Path) -> None:
    code, files, _ = found(["ignored.md", "private.md", "logs/x.md", "README", "script.py"])
    assert code == 1
    assert list(files) == ["ignored.md", "private.md", "logs/x.md", "README", "script.py"]
    assert files["ignored.md"] == ["citations.placeholder"]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("docs", "docs/guide.md"),
        ("docs/", "docs/guide.md"),
        ("./docs", "./docs/guide.md"),
        ("sub/inner", "sub/inner/ok.txt"),
    ],
)
def test_printed_paths_follow_the_folder_as_given(repo: Path, given: str, expected: str) -> None:
    code, out, _ = run(["check", "--format", "concise", given])
    assert code == 1
    assert out.startswith(f"{expected}:1:6: error: ")


def test_dot_prints_paths_relative_without_a_prefix(repo: Path) -> None:
    _, out, _ = run(["check", "--format", "concise", "."])
    assert out.splitlines()[0].startswith("UPPER.MD:1:6: error:")
    _, out_default, _ = run(["check", "--format", "concise"])  # no PATHS: the working folder
    assert out_default == out


def test_absolute_folder_prints_absolute_paths(repo: Path) -> None:
    _, files, _ = found([str(repo / "docs")])
    assert list(files) == [str(repo / "docs" / "guide.md")]


def test_config_ignore_globs_skip_walked_files_but_not_named_ones(repo: Path) -> None:
    write(repo, {"sub/.copydesk.yaml": "packs: [citations]\nignore: ['inner/**']\n"})
    assert "sub/inner/ok.txt" not in found(["."])[1]
    assert found(["sub/inner/ok.txt"])[1] == {"sub/inner/ok.txt": ["citations.placeholder"]}


def test_force_exclude_applies_config_ignore_globs_to_named_files(repo: Path) -> None:
    write(repo, {"sub/.copydesk.yaml": "packs: [citations]\nignore: ['inner/**']\n"})
    named = ["sub/inner/ok.txt", "sub/keep.md"]
    assert list(found([*named, "--force-exclude"])[1]) == ["sub/keep.md"]
    assert list(found(named)[1]) == named  # without the flag a named file is always linted
    # stdin named into an ignored place is left out too, and so exits clean
    code, out, _ = run(["check", "--force-exclude", "--format", "concise",
                        "--stdin-filename", "sub/inner/new.md", "-"], stdin=BAD)
    assert (code, out) == (0, "")


def test_binary_file_in_a_walk_is_skipped_with_a_warning(repo: Path) -> None:
    (repo / "docs" / "scan.txt").write_bytes(b"\x89PNG\x00\x00binary")
    code, files, err = found(["docs"])
    assert code == 1 and list(files) == ["docs/guide.md"]
    assert "copydesk: warning: docs/scan.txt: binary file skipped" in err


def test_missing_path_is_an_error_and_the_others_are_still_reported(repo: Path) -> None:
    code, out, err = run(["check", "--format", "concise", "nope.md", "docs"])
    assert code == 2
    assert "docs/guide.md:1:6: error:" in out
    assert "copydesk: error: nope.md: no such file or directory" in err


def test_no_matching_files_is_a_warning_and_exit_0(tmp_path: Path) -> None:
    write(tmp_path, {"code/main.py": "x = 1\n", "empty/.keep": ""})
    for target in (tmp_path / "code", tmp_path / "empty"):
        code, out, err = run(["check", str(target)])
        assert (code, out) == (0, "")
        assert "copydesk: warning: no Markdown, text or HTML files found" in err


def test_no_matching_files_still_writes_an_empty_json_document(tmp_path: Path) -> None:
    code, files, err = found([str(tmp_path)])
    assert (code, files) == (0, {})
    assert "no Markdown, text or HTML files found" in err


def test_walk_outside_a_git_repository_uses_only_local_gitignores(tmp_path: Path) -> None:
    write(tmp_path, {".gitignore": "skip.md\n", "skip.md": BAD, "keep.md": BAD})
    assert [p.as_posix() for p in walk(tmp_path)] == ["keep.md"]
