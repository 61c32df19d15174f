"""The warm start: patterns compiled before the first document are recorded and come back
compiled in the next run; nothing compiled while a document is linted is stored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from copydesk.match import re_programs, re_warm
from copydesk.run.session import Settings, lint_text, ruleset_for


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder and a warm-start module that has not started yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("COPYDESK_NO_CACHE", raising=False)
    for name, value in (("_recorded", None), ("_compile", None), ("_known", set()),
                        ("_pending", {})):
        monkeypatch.setattr(re_warm, name, value)
    return tmp_path / "xdg" / "copydesk"


def _forget(pattern: str) -> None:
    re._cache.pop((str, pattern, 0), None)  # type: ignore[attr-defined]


def test_only_patterns_compiled_before_the_first_document_are_stored(fresh: Path) -> None:
    before, after = "(?:warm start before Ulvaeus)", "(?:warm start after Quillfeather)"
    _forget(before)
    re_warm.start()
    re.compile(before)
    lint_text("a.txt", "Quillfeather said so.\n", ruleset_for(Settings(packs=())))
    re.compile(after)  # while (or after) a document is linted: may hold its words
    re_warm.save()
    assert re._compiler.compile is re_warm._compile  # type: ignore[attr-defined]
    stored = [pattern for pattern, _, _ in re_programs.read_programs(re_warm._KEY) or []]
    assert before in stored and after not in stored
    assert not any("Quillfeather" in p for p in stored)
    assert b"Quillfeather" not in b"".join(p.read_bytes() for p in fresh.glob("re-*"))


def test_a_recorded_pattern_comes_back_compiled_and_equal(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern = r"(?:warm (?P<word>start)s? \d+|again)"
    _forget(pattern)
    re_warm.start()
    re.compile(pattern)
    re_warm.save()
    _forget(pattern)
    for name, value in (("_recorded", None), ("_compile", None), ("_known", set()),
                        ("_pending", {})):
        monkeypatch.setattr(re_warm, name, value)
    re_warm.start()  # a new run
    loaded = re._cache[str, pattern, 0]  # type: ignore[attr-defined]
    re_warm.stop()
    fresh_compile = re._compiler.compile(pattern, 0)  # type: ignore[attr-defined]
    for text in ("warm starts 12", "again", "warm start x", "cold"):
        a, b = loaded.match(text), fresh_compile.match(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    assert loaded.groupindex == fresh_compile.groupindex and loaded.flags == fresh_compile.flags


def test_no_cache_switch_means_no_recording(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPYDESK_NO_CACHE", "1")
    original = re._compiler.compile  # type: ignore[attr-defined]
    re_warm.start()
    assert re._compiler.compile is original  # type: ignore[attr-defined]
    re_warm.save()
    assert not fresh.exists()
