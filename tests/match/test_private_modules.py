"""The private CPython modules the match layer reads (``re._parser`` for a pattern's openers,
``re._parser``/``re._compiler``/``_sre`` for stored programs, ``re._cache`` for the warm
start) are guarded: missing or changed, the speed trick is off and the findings are the same."""

from __future__ import annotations

import importlib
import re
import types
from pathlib import Path
from typing import Any

import pytest
from copydesk.match import openers, patterns, re_programs, re_warm
from copydesk.packs.load import load_pack
from copydesk.packs.locate import builtin_dir
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    (ROOT / "examples" / "news-draft.md").read_text(encoding="utf-8"),
    "Critics say the mayor is a thief. I will kill the judge. Death to the traitors! "
    "It is said that 4111 1111 1111 1111 is hers, and so is amy@example.org; sh!t.",
]
# an author's patterns: openers known (words, punctuation), split by common word, or none
HOUSE = """\
pack: house
rules:
  - id: words
    extends: existence
    message: "'%s'"
    tokens: ['\\bthe\\s+mayor', 'is\\s+said', '\\bcritics?\\b', '\\$\\d+']
  - id: any
    extends: existence
    message: "'%s'"
    tokens: ['\\w+ly\\b']
"""


def _findings(tmp_path: Path) -> list[list[tuple[str, int, int, str]]]:
    house = tmp_path / "house.yaml"
    house.write_text(HOUSE, encoding="utf-8")
    packs = [load_pack(p) for p in sorted(builtin_dir().glob("*.yaml"))] + [load_pack(house)]
    rules = compile_rules([spec for pack in packs for spec in pack.rules])
    out = []
    for i, text in enumerate(TEXTS):
        result = lint_text(f"t{i}.md", text, rules)
        out.append(sorted((v.rule, v.offset, v.end_offset, v.message) for v in result.violations))
    return out


def _anchored_existence(tmp_path: Path) -> bool:
    house = tmp_path / "house.yaml"
    house.write_text(HOUSE, encoding="utf-8")
    rules = compile_rules(load_pack(house).rules)
    return any(rule.finder.places.known for rule in rules.rules)  # type: ignore[attr-defined]


def test_without_re_parser_patterns_scan_and_find_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    want = _findings(tmp_path)
    assert want[0] and want[1]
    assert _anchored_existence(tmp_path)
    monkeypatch.setattr(openers, "_parser", None)  # as on a Python without re._parser
    assert openers.pattern_openers(r"\bthe\b") is None
    assert openers.user_openers(r"\bthe\b", True) is None
    assert not _anchored_existence(tmp_path)
    assert _findings(tmp_path) == want


def test_a_parser_tree_of_another_shape_turns_anchoring_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert openers.pattern_openers(r"\bthe\b") == ({"the"}, set())
    # a parser whose nodes and constants are not the ones the walk knows
    other = types.SimpleNamespace(parse=lambda pattern, flags: [("NEW_NODE", pattern)])
    monkeypatch.setattr(openers, "_parser", other)
    assert openers.pattern_openers(r"\bthe\b") is None
    assert openers.pattern_first_words(r"\bthe\b") is None


def test_without_private_compiler_modules_large_patterns_compile_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("COPYDESK_NO_CACHE", raising=False)
    real = importlib.import_module

    def missing(name: str, *args: Any) -> Any:
        if name in ("re._parser", "re._compiler", "_sre"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(re_programs.importlib, "import_module", missing)
    pattern = "|".join(f"w{i}ord" for i in range(300))
    assert re_programs.program(pattern, 0) is None
    compiled = re_programs.compile_cached(pattern, lambda: pattern, re.IGNORECASE)
    assert compiled.pattern == pattern and compiled.search("x W17ORD").span() == (2, 8)
    assert not list((tmp_path / "xdg").glob("**/*.record"))  # nothing stored


def test_an_re_module_of_another_layout_has_no_warm_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    for name, value in (("_recorded", None), ("_compile", None), ("_known", set()),
                        ("_pending", {})):
        monkeypatch.setattr(re_warm, name, value)
    compile_before = re._compiler.compile  # type: ignore[attr-defined]
    # an re with no _cache dict and no _compiler (another Python)
    other = types.SimpleNamespace(compile=re.compile, DEBUG=re.DEBUG)
    monkeypatch.setattr(re_warm, "re", other)
    re_warm.start()
    assert re._compiler.compile is compile_before  # type: ignore[attr-defined]
    assert _findings(tmp_path)[1]
    re_warm.save()
    assert re_programs.read_programs(re_warm._KEY) is None  # nothing recorded


def test_without_re_casefix_the_sentence_index_defers_on_case_traps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """scare-quotes' sentence index reads re's extra case classes from ``re._casefix``: without
    it, a sentence or word holding a case-trap letter is left to the search (same answers)."""
    import random
    import sys

    from copydesk.analysis import sentence_words
    from copydesk.analysis.quotations import WORD
    from copydesk.analysis.sentence_words import SentenceWords
    from copydesk.kinds.scare_quotes import _echoed

    monkeypatch.setattr(sentence_words, "SHORT", 0)  # the index, however short the sentence
    monkeypatch.delattr(re, "_casefix")
    monkeypatch.setitem(sys.modules, "re._casefix", None)  # import fails: another Python
    patterns.case_classes.cache_clear()
    try:
        assert patterns.case_classes() is None
        text = "The ſo-called elite, said the so-called elite."
        assert SentenceWords(text, 0, len(text)).echoed({"elite"}, 4, 20) is None
        plain = text.replace("ſ", "s")
        assert SentenceWords(plain, 0, len(plain)).echoed({"elite"}, 4, 20) is True
        rng = random.Random(16)
        pieces = ["elite", "Elite", "al", "-", "’", " ", " ", "so", "ſo", "σκοπός", "ΣΚΟΠΌΣ",
                  "x", "«", "»", "İs", ",", "."]
        for _ in range(1000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
            words = {w.lower() for w in WORD.findall(text) if len(w) > 3}
            marks = [m.start() for m in re.finditer(r"\W", text)]
            if not words or not marks:
                continue
            lo = rng.choice(marks)
            hi = rng.choice([p for p in marks if p >= lo]) + 1
            echo = SentenceWords(text, 0, len(text)).echoed(words, lo, hi)
            if echo is not None:
                assert echo == _echoed(words, text[:lo] + " " + text[hi:]), (text, lo, hi)
    finally:
        monkeypatch.undo()
        patterns.case_classes.cache_clear()
    assert patterns.case_classes()
