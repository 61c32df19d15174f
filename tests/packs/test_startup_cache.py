"""The pack cache, the large-pattern program cache, lazy kind imports and the term matcher's
shortcuts: what they store, what invalidates them, and that a broken cache never breaks a run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from copydesk.core import version
from copydesk.core.errors import ConfigError
from copydesk.kinds import KINDS
from copydesk.kinds.base.term_syntax import compile_terms
from copydesk.match import disk_cache, re_programs
from copydesk.match.term_index import LARGE_INDEX, TermIndex
from copydesk.packs import load
from copydesk.packs.load import load_pack

ROOT = Path(__file__).resolve().parents[2]

PACK = """\
pack: house
rules:
  - id: banned
    extends: existence
    message: "'%s' is banned."
    severity: error
    ignorecase: true
    tokens: [synergy, leverage]
  - id: fluff
    extends: term-list
    message: "'%s' is fluff."
    terms: [game changer, cutting edge]
"""


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("COPYDESK_NO_CACHE", raising=False)
    return home / "copydesk"


def _pack(tmp_path: Path, text: str = PACK, name: str = "house.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path) -> None:
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(load, "_load_file", fail)
    monkeypatch.setattr(load, "_load_folder", fail)


def _records(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.glob(f"{kind}-*.record")) if folder.is_dir() else []


def test_second_load_comes_from_the_cache_and_equals_the_first(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _pack(tmp_path)
    first = load_pack(path)
    assert len(_records(cache_home, "pack")) == 1
    _no_parse(monkeypatch)
    second = load_pack(path)
    assert second.rules == first.rules
    assert [r.id for r in second.rules] == ["house.banned", "house.fluff"]
    assert load.rule_line(second.rules[1]) == 9  # positions still come from the stored source text


def test_any_byte_change_to_the_pack_is_a_miss(tmp_path: Path, cache_home: Path) -> None:
    path = _pack(tmp_path)
    load_pack(path)
    path.write_text(PACK.replace("synergy", "synergY"), encoding="utf-8")
    assert load_pack(path).rules[0].options["tokens"] == ["synergY", "leverage"]


def test_a_folder_pack_misses_when_a_file_is_added(tmp_path: Path, cache_home: Path) -> None:
    folder = tmp_path / "Style"
    folder.mkdir()
    rule = "extends: existence\nmessage: \"'%s'\"\ntokens: [foo]\n"
    (folder / "One.yml").write_text(rule, encoding="utf-8")
    assert [r.id for r in load_pack(folder).rules] == ["Style.One"]
    (folder / "Two.yml").write_text(rule, encoding="utf-8")
    assert [r.id for r in load_pack(folder).rules] == ["Style.One", "Style.Two"]


def test_a_named_data_file_is_part_of_the_key(tmp_path: Path, cache_home: Path) -> None:
    text = """\
pack: words
rules:
  - id: slurs
    extends: profanity
    message: "'%s'"
    terms_file: data/list.yaml
    if_missing: skip
"""
    path = _pack(tmp_path, text, "words.yaml")
    assert load_pack(path).rules == []  # the optional file is absent: the rule is skipped
    (tmp_path / "data").mkdir()
    data = tmp_path / "data" / "list.yaml"
    data.write_text("terms: [zorp]\n", encoding="utf-8")
    assert [r.id for r in load_pack(path).rules] == ["words.slurs"]
    data.write_text("terms: 3\n", encoding="utf-8")  # changed to a broken file: validated again
    with pytest.raises(ConfigError, match="needs a 'terms' list of strings"):
        load_pack(path)


def test_a_new_copydesk_version_is_a_miss(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _pack(tmp_path)
    load_pack(path)
    monkeypatch.setattr(version, "__version__", version.__version__ + ".post1")
    disk_cache.code_fingerprint.cache_clear()
    try:
        load_pack(path)
        assert len(_records(cache_home, "pack")) == 2
    finally:
        monkeypatch.undo()
        disk_cache.code_fingerprint.cache_clear()


def test_an_edited_source_file_changes_the_code_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "lint"
    (package / "kinds" / "__pycache__").mkdir(parents=True)
    source = package / "kinds" / "existence.py"
    source.write_text("A = 1\n", encoding="utf-8")
    (package / "kinds" / "__pycache__" / "existence.cpython-311.pyc").write_bytes(b"x")
    monkeypatch.setattr(disk_cache, "_LINT", package)
    prints = []
    for text in ("A = 1\n", "A = 22\n"):
        source.write_text(text, encoding="utf-8")
        disk_cache.code_fingerprint.cache_clear()
        prints.append(disk_cache.code_fingerprint())
    (package / "kinds" / "__pycache__" / "existence.cpython-311.pyc").write_bytes(b"yy")
    disk_cache.code_fingerprint.cache_clear()
    prints.append(disk_cache.code_fingerprint())  # compiled files do not count
    disk_cache.code_fingerprint.cache_clear()
    assert prints[0] != prints[1] and prints[1] == prints[2]


def test_errors_are_not_cached_and_keep_their_position(tmp_path: Path, cache_home: Path) -> None:
    path = _pack(tmp_path, PACK.replace("tokens: [synergy, leverage]", "tokens: ['(foo']"))
    messages = []
    for _ in range(2):
        with pytest.raises(ConfigError) as info:
            load_pack(path)
        messages.append(str(info.value))
    assert messages[0] == messages[1]
    assert messages[0].startswith(f"{path}:8:14: rule 'house.banned': bad regular expression")
    assert _records(cache_home, "pack") == []


def test_a_corrupt_record_is_a_miss_and_is_rewritten(tmp_path: Path, cache_home: Path) -> None:
    path = _pack(tmp_path)
    first = load_pack(path)
    (record,) = _records(cache_home, "pack")
    for garbage in (b"", b"not a pickle", b"\x80\x05K\x01.", record.read_bytes()[:40]):
        record.write_bytes(garbage)
        assert load_pack(path).rules == first.rules
        assert record.read_bytes() != garbage


def test_an_unwritable_cache_never_breaks_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # copydesk/ cannot be made under a file
    path = _pack(tmp_path)
    assert [r.id for r in load_pack(path).rules] == ["house.banned", "house.fluff"]
    assert [r.id for r in load_pack(path).rules] == ["house.banned", "house.fluff"]
    big = [f"zq{i}x" for i in range(LARGE_INDEX + 5)]
    index = TermIndex(ignorecase=True, words=True)
    for term in big:
        index.add(term, "r")
    assert [(s, e) for s, e, _ in index.scan("a ZQ7X b")] == [(2, 6)]


def test_the_cli_runs_with_an_unwritable_or_corrupt_cache(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("We leverage synergy.\n", encoding="utf-8")
    pack = _pack(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    cmd = [sys.executable, "-m", "copydesk", "check", str(doc), "--pack", str(pack),
           "--select", "house", "--format", "concise"]
    outs = []
    good = tmp_path / "cache"
    for home in (blocker, good, good):  # unwritable, cold, warm
        env = {**os.environ, "XDG_CACHE_HOME": str(home)}
        run = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path)
        outs.append((run.returncode, run.stdout))
    for record in (good / "copydesk").glob("*.record"):
        record.write_bytes(b"\x00garbage")
    env = {**os.environ, "XDG_CACHE_HOME": str(good)}
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path)
    outs.append((run.returncode, run.stdout))
    assert outs[0][0] == 1 and "'synergy' is banned." in outs[0][1]
    assert all(o == outs[0] for o in outs), outs


def test_no_cache_switch_writes_nothing(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPYDESK_NO_CACHE", "1")
    load_pack(_pack(tmp_path))
    assert not cache_home.exists()


def test_no_home_folder_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("COPYDESK_NO_CACHE", raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # HOME unset, no passwd entry
    monkeypatch.chdir(tmp_path)
    assert disk_cache.cache_dir() is None
    assert [r.id for r in load_pack(_pack(tmp_path)).rules] == ["house.banned", "house.fluff"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["house.yaml"]


# -- the program cache for large patterns -------------------------------------------------


def test_compile_cached_matches_re_compile_cold_warm_and_corrupt(cache_home: Path) -> None:
    pattern = r"(?P<w>" + "|".join(f"w{i}ord" for i in range(300)) + r")\s+(\d+)"
    text = "x w17ord 42 w299ord  7 w300ord 1"
    want = re.compile(pattern, re.IGNORECASE)
    for _ in range(2):
        got = re_programs.compile_cached(pattern, lambda: pattern, re.IGNORECASE)
        assert (got.pattern, got.flags, got.groupindex) == (want.pattern, want.flags,
                                                            want.groupindex)
        assert [m.span() + m.groups() for m in got.finditer(text.upper())] == [
            m.span() + m.groups() for m in want.finditer(text.upper())
        ]
    (record,) = _records(cache_home, "re")
    record.write_bytes(record.read_bytes()[:-30])  # truncated: a miss, never an error
    assert re_programs.compile_cached(pattern, lambda: pattern).search(text).span() == (2, 11)


def test_compile_cached_rejects_a_bad_pattern_like_re(cache_home: Path) -> None:
    with pytest.raises(re.error):
        re_programs.compile_cached("(unclosed", lambda: "(unclosed")


def test_term_list_patterns_are_the_same_in_every_process() -> None:
    code = (
        "from copydesk.kinds.base.term_syntax import compile_terms;"
        "print(compile_terms(['game changer', 'cutting edge', 'wring+/wrung hands',"
        " 'bold/brave new world', 'ab', 'cd', 'ef']).pattern)"
    )
    outs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1


def test_a_long_term_list_pattern_finds_the_same_as_a_short_one(cache_home: Path) -> None:
    terms = [f"term{i} (really) word+" for i in range(40)] + ["game changer"]
    long = compile_terms(terms)
    assert _records(cache_home, "re")  # long enough for the program cache
    text = "A term7 really words here, a game-changer and term12 wording."
    for pattern in (long, compile_terms(terms)):  # cold, then warm
        assert [m.group() for m in pattern.finditer(text)] == [
            "term7 really words", "game-changer", "term12 wording"]


# -- the term index ----------------------------------------------------------------------


def _index(terms: list[str], words: bool = True) -> TermIndex:
    index = TermIndex(ignorecase=True, words=words)
    for i, term in enumerate(terms):
        index.add(term, f"r{i % 3}")
    return index


def test_a_large_index_finds_exactly_what_a_small_one_finds(cache_home: Path) -> None:
    core = ["new york", "new york city", "york", "state of the art", "art", "it's"]
    filler = [f"qz{i}v" for i in range(LARGE_INDEX)]
    text = "In New  York City's\tstate of the\nart, York-ish: it's qz5v and qz5vv NEW YORK."
    small = _index(core).scan(text)
    # every term at every start, shorter ones included; runs of whitespace match one space
    assert [(text[s:e], key) for s, e, key in sorted(small)] == [
        ("New  York", "new york"), ("New  York City", "new york city"), ("York", "york"),
        ("state of the\nart", "state of the art"), ("art", "art"), ("York", "york"),
        ("it's", "it's"), ("NEW YORK", "new york"), ("YORK", "york"),
    ]
    for _ in range(2):  # cold, then from the program cache
        big = _index(core + filler).scan(text)
        assert sorted(big) == sorted([*small, (53, 57, "qz5v")])
    assert len(_records(cache_home, "re")) == 1


def test_a_nonword_index_finds_terms_inside_words() -> None:
    hits = _index(["ab", "abc", "b c"], words=False).scan("xabc  abx b  c")
    assert sorted(hits) == [(1, 3, "ab"), (1, 4, "abc"), (6, 8, "ab"), (10, 14, "b c")]


# -- lazy kinds -----------------------------------------------------------------------------


def test_every_kind_is_registered_under_its_own_name() -> None:
    modules = {p.stem for p in (ROOT / "lint" / "kinds").glob("*.py")}
    registered = set()
    for name in KINDS:
        module = KINDS[name]
        assert getattr(module, "NAME", module.__name__.rsplit(".", 1)[1]) == name
        assert callable(module.compile) and callable(module.validate)
        registered.add(module.__name__.rsplit(".", 1)[1])
    helpers = {m for m in modules if m.endswith("_base") or m in ("__init__", "term_syntax")}
    assert registered == modules - helpers
    assert "existence" in KINDS and "no-such-kind" not in KINDS and len(KINDS) == len(list(KINDS))


def test_a_run_imports_only_the_kinds_its_packs_use(tmp_path: Path) -> None:
    pack = _pack(tmp_path, PACK.split("  - id: fluff")[0])
    code = f"""
import sys
from pathlib import Path
from copydesk.run.engine import compile_rules
from copydesk.packs.load import load_pack
from copydesk.run.session import lint_text
rules = compile_rules(load_pack(Path({str(pack)!r})).rules)
print(len(lint_text("a.txt", "We leverage synergy.", rules).violations))
print(sorted(m for m in ("copydesk.kinds.term_list", "copydesk.kinds.threat",
      "copydesk.kinds.substitution",
      "copydesk.kinds.existence", "regex") if m in sys.modules))
"""
    for _ in range(2):  # the cold and the cached load import the same
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)})
        assert run.stdout.split("\n")[:2] == ["2", "['copydesk.kinds.existence']"]
