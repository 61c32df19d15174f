"""The ``spelling`` kind: Hunspell dictionaries (chunspell), Vale's words and filters, word
lists, vocabulary, and what happens when a dictionary or the library is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from copydesk.packs.load import load_pack
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text

# a dictionary of our own: two animals (one takes a plural) and nothing else
AFF = "SET UTF-8\nTRY aeioubkmqtw\nSFX S Y 1\nSFX S 0 s .\n"
DIC = "2\nwombat/S\nquokka\n"


def style(tmp_path: Path, rule: str, name: str = "Spell") -> Path:
    """A Vale StylesPath with one style holding ``rule`` (as ``<name>/Check.yml``)."""
    folder = tmp_path / "styles" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Check.yml").write_text(
        "extends: spelling\nmessage: \"Did you really mean '%s'?\"\n" + rule, encoding="utf-8"
    )
    return folder


def dictionary(tmp_path: Path, name: str, aff: str = AFF, dic: str = DIC) -> Path:
    folder = tmp_path / "styles" / "config" / "dictionaries"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.aff").write_text(aff, encoding="utf-8")
    (folder / f"{name}.dic").write_text(dic, encoding="utf-8")
    return folder


def run(folder: Path, text: str, accept: list[str] | None = None) -> list[tuple[str, str]]:
    """(text of the finding, message) for each finding, in order."""
    ruleset = compile_rules(load_pack(folder).rules, accept=accept or [])
    result = lint_text("a.md", text, ruleset)
    assert result.error is None, result.error
    return [(text[v.offset : v.end_offset], v.message) for v in result.violations]


def words(folder: Path, text: str, accept: list[str] | None = None) -> list[str]:
    return [w for w, _ in run(folder, text, accept)]


def test_default_dictionary_flags_a_misspelling_at_its_span(tmp_path: Path) -> None:
    folder = style(tmp_path, "")
    text = "The commitee met twice, and the commitee's chair spoke."
    found = run(folder, text, [])
    assert found[0] == ("commitee", "Did you really mean 'commitee'?")
    ruleset = compile_rules(load_pack(folder).rules)
    spans = [(v.offset, v.end_offset) for v in lint_text("a.md", text, ruleset).violations]
    # the same misspelling twice: each at its own place, not the first one found again
    assert spans[:2] == [(4, 12), (32, 42)]
    assert words(folder, "Our editors checked every sentence before printing it.") == []


def test_words_keep_apostrophes_and_lose_surrounding_punctuation(tmp_path: Path) -> None:
    folder = style(tmp_path, "")
    # curly apostrophes read as straight ones; quotes, brackets and full stops are trimmed
    text = "She doesn’t know. (Really?) “Truly,” he said [twice]; it's theirs'."
    assert words(folder, text) == []
    assert words(folder, "“Recieve” it (wierd).") == ["Recieve", "wierd"]


def test_default_filters_skip_what_vale_skips(tmp_path: Path) -> None:
    folder = style(tmp_path, "")
    skipped = (
        "Version 3.2 costs $40 on 2024-05-01 at https://example.org or ed@example.org; "
        "NASA and the FBI use MongoDB and JavaScript, not x86 or self-hostd."
    )
    assert words(folder, skipped) == []
    # lower camel case and a capitalised unknown word are still checked
    assert words(folder, "Call hasChildren on Myproduct.") == ["hasChildren", "Myproduct"]


def test_custom_turns_the_default_filters_off(tmp_path: Path) -> None:
    folder = style(tmp_path, "custom: true\n")
    assert words(folder, "Fix the TODO and the self-hostd build.") == ["TODO", "self-hostd"]


def test_filters_skip_matching_words(tmp_path: Path) -> None:
    # a rule that checks only words without small letters (upper-case notes left in the text)
    folder = style(tmp_path, "custom: true\nfilters: ['[a-z]']\n")
    assert words(folder, "Remove the FIXME and XYZZY before the wrongg deadline.") == [
        "FIXME", "XYZZY",
    ]
    folder = style(tmp_path, "filters: ['^Acme\\w*']\n", name="Brand")
    assert words(folder, "Acmesoft and Acmeware ship Frobnic.") == ["Frobnic"]


def test_custom_dictionary_replaces_the_default(tmp_path: Path) -> None:
    dictionary(tmp_path, "animals")
    folder = style(tmp_path, "dictionaries: [animals]\n")
    # only the two animals are words: the dictionary's plural rule applies
    assert words(folder, "wombats and quokka") == ["and"]
    folder = style(tmp_path, "dictionaries: [animals]\nappend: true\n", name="Both")
    assert words(folder, "Wombats and a quokka and a numbatt.") == ["numbatt"]


def test_dictionary_glob_loads_every_match(tmp_path: Path) -> None:
    dictionary(tmp_path, "animals")
    dictionary(tmp_path, "birds", dic="1\nkookaburra\n")
    folder = style(tmp_path, "dictionaries: ['*']\n")
    assert words(folder, "wombat kookaburra emu") == ["emu"]


def test_dictionary_found_through_dicpath_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "system-dicts"
    elsewhere.mkdir()
    (elsewhere / "marsupials.aff").write_text(AFF, encoding="utf-8")
    (elsewhere / "marsupials.dic").write_text(DIC, encoding="utf-8")
    monkeypatch.setenv("DICPATH", str(elsewhere))
    folder = style(tmp_path, "dictionaries: [marsupials]\n")
    assert words(folder, "quokka kangaroo") == ["kangaroo"]


def test_dictionary_that_misstates_its_encoding_still_reads(tmp_path: Path) -> None:
    # the .aff claims Latin-1 (or says nothing, which means the same) over a UTF-8 .dic
    dictionary(tmp_path, "claims", aff="SET ISO8859-1\n", dic="2\nnaïve\ncafé\n")
    dictionary(tmp_path, "silent", aff="TRY a\n", dic="1\nsmörgåsbord\n")
    folder = style(tmp_path, "dictionaries: [claims, silent]\n")
    assert words(folder, "naïve café smörgåsbord naïv") == ["naïv"]


def test_missing_dictionary_is_an_error_naming_the_key_and_paths(tmp_path: Path) -> None:
    folder = style(tmp_path, "dictionaries: [klingon]\n")
    pack = load_pack(folder)  # a Vale style's rule that cannot load is skipped, and said
    assert not pack.rules
    (message,) = pack.warnings
    assert "dictionar" in message and "klingon" in message
    assert str(tmp_path / "styles" / "config" / "dictionaries" / "klingon.dic") in message


def test_ignore_files_accept_their_words(tmp_path: Path) -> None:
    lists = tmp_path / "styles" / "Spell" / "ignore"
    lists.mkdir(parents=True)
    (lists / "names.txt").write_text("# product names\nFrobnitz\nquuxly\n", encoding="utf-8")
    (lists / "more.txt").write_text("zorblax\n", encoding="utf-8")
    folder = style(tmp_path, "ignore: Spell/ignore/names.txt\n")
    # as written, or in capitals when the list has it in small letters
    assert words(folder, "Frobnitz and Quuxly beat zorblax.") == ["zorblax"]
    folder = style(tmp_path, "ignore: [Spell/ignore/names.txt, Spell/ignore/more.txt]\n")
    assert words(folder, "Frobnitz and zorblax but frobnitz.") == ["frobnitz"]


def test_ignore_file_under_config_ignore(tmp_path: Path) -> None:
    shared = tmp_path / "styles" / "config" / "ignore"
    shared.mkdir(parents=True)
    (shared / "team.txt").write_text("blorptastic\n", encoding="utf-8")
    folder = style(tmp_path, "ignore: team.txt\n")
    assert words(folder, "A blorptastic day.") == []


def test_missing_ignore_file_adds_nothing_as_in_vale(tmp_path: Path) -> None:
    # a Vale style that lists a word list it does not ship still loads, and still checks
    folder = style(tmp_path, "ignore: [nowhere.txt]\n")
    assert words(folder, "A blorptastic day.") == ["blorptastic"]


def test_accepted_vocabulary_terms_pass(tmp_path: Path) -> None:
    folder = style(tmp_path, "")
    text = "Zenloop and zenloop ship Blorfware."
    assert words(folder, text, accept=["Zenloop"]) == ["Blorfware"]
    folder = style(tmp_path, "vocab: false\n", name="Strict")
    assert words(folder, "Zenloop ships.", accept=["Zenloop"]) == ["Zenloop"]


def test_accepted_phrase_hides_its_words_only_where_it_stands(tmp_path: Path) -> None:
    folder = style(tmp_path, "")
    text = "The Grunfeld Prize went to Ada. A grunfeld alone is not a word."
    assert words(folder, text, accept=["Grunfeld Prize"]) == ["grunfeld"]


def test_missing_library_skips_spelling_rules_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "hunspell", None)  # import hunspell now fails
    folder = style(tmp_path, "")
    (folder / "Other.yml").write_text(
        "extends: spelling\nmessage: m\ncustom: true\n", encoding="utf-8"
    )
    (folder / "Word.yml").write_text(
        "extends: existence\nmessage: m\ntokens: [very]\n", encoding="utf-8"
    )
    pack = load_pack(folder)
    assert [r.id for r in pack.rules] == ["Spell.Word"]
    assert len(pack.warnings) == 1
    assert "pip install 'copydesk[spelling]'" in pack.warnings[0]
    # the run goes on with the other rules
    result = lint_text("a.md", "A very wrongg line.", compile_rules(pack.rules))
    assert [v.rule for v in result.violations] == ["Spell.Word"]


def test_bad_filter_is_an_error_naming_the_key(tmp_path: Path) -> None:
    folder = style(tmp_path, "filters: ['[a-']\n")
    (message,) = load_pack(folder).warnings
    assert "Check.yml:3:11" in message and "bad regular expression" in message  # at the filter


def test_words_are_exact_spans_of_the_text() -> None:
    from copydesk.kinds.base.spell_words import words as vale_words

    text = "(Hello), e.g. $5 “quoted” rock’n’roll 42"
    found = list(vale_words(text))
    assert [w for _, _, w in found] == ["Hello", "e.g.", "quoted", "rock'n'roll"]
    # each span is the word as written (curly apostrophes and all), found without searching
    assert [text[s:e] for s, e, _ in found] == ["Hello", "e.g.", "quoted", "rock’n’roll"]


def test_a_dictionary_is_loaded_once_for_every_rule(tmp_path: Path) -> None:
    dictionary(tmp_path, "animals")
    one = style(tmp_path, "dictionaries: [animals]\n", name="One")
    two = style(tmp_path, "dictionaries: [animals]\ncustom: true\n", name="Two")
    rules = compile_rules([*load_pack(one).rules, *load_pack(two).rules]).rules
    first, second = (getattr(r, "spellers") for r in rules)  # noqa: B009
    assert first[0] is second[0]


def test_library_installed_after_a_skipped_load_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = style(tmp_path, "")
    with monkeypatch.context() as m:
        m.setitem(sys.modules, "hunspell", None)
        assert load_pack(folder).rules == []
    # the same pack again, maybe from the on-disk cache: the library is asked anew
    pack = load_pack(folder)
    assert [r.id for r in pack.rules] == ["Spell.Check"] and pack.warnings == []


def test_dictionary_removed_after_a_load_is_reported(tmp_path: Path) -> None:
    where = dictionary(tmp_path, "animals")
    folder = style(tmp_path, "dictionaries: [animals]\n")
    assert words(folder, "quokka koala") == ["koala"]
    (where / "animals.dic").unlink()
    # the cached pack is not trusted: its dictionary is one of the files it was checked against
    pack = load_pack(folder)
    assert not pack.rules and "animals" in pack.warnings[0]
