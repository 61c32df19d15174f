"""Config discovery, per-path overrides, vocabulary, fail-on/min-severity, select/ignore and
configuration errors with file:line:col, all through the ``check`` command on tmp_path repos."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import HOUSE_PACK, found, run, write
from copydesk.config.project import load_config_file
from copydesk.config.toml_source import toml_locate
from copydesk.core.errors import ConfigError

BAD = "Fine (source) and TK.\n"  # citations.placeholder and citations.tk


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_nearest_config_wins_across_nested_folders(repo: Path) -> None:
    write(
        repo,
        {
            ".copydesk.yaml": "packs: [citations]\n",
            "a.md": BAD,
            "sub/.copydesk.yaml": "packs: [citations]\nrules:\n  citations.tk: off\n",
            "sub/b.md": BAD,
            "sub/deeper/c.md": BAD,  # no config of its own: sub's is the nearest
            "other/d.md": BAD,  # falls back to the root config
        },
    )
    code, files, _ = found(["."])
    assert code == 1
    assert files["a.md"] == ["citations.placeholder", "citations.tk"]
    assert files["other/d.md"] == ["citations.placeholder", "citations.tk"]
    assert files["sub/b.md"] == ["citations.placeholder"]
    assert files["sub/deeper/c.md"] == ["citations.placeholder"]


def test_pyproject_table_is_a_config_and_one_without_it_is_skipped(repo: Path) -> None:
    write(
        repo,
        {
            ".copydesk.yaml": "packs: [citations]\nrules: {citations.placeholder: off}\n",
            "py/pyproject.toml": '[tool.copydesk]\npacks = ["citations"]\n'
            '[tool.copydesk.rules]\n"citations.tk" = "off"\n',
            "py/a.md": BAD,
            "plain/pyproject.toml": '[project]\nname = "x"\n',  # no [tool.copydesk]: keep looking
            "plain/b.md": BAD,
        },
    )
    _, files, _ = found(["."])
    assert files["py/a.md"] == ["citations.placeholder"]
    assert files["plain/b.md"] == ["citations.tk"]


def test_yaml_config_beats_pyproject_in_the_same_folder(repo: Path) -> None:
    write(
        repo,
        {
            "pyproject.toml": '[tool.copydesk]\npacks = ["citations"]\n',
            ".copydesk.yaml": "packs: [citations]\nrules: {citations.tk: off}\n",
            "a.md": BAD,
        },
    )
    assert found(["a.md"])[1]["a.md"] == ["citations.placeholder"]


def test_search_stops_at_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            ".copydesk.yaml": "packs: [citations]\nrules: {citations: off}\n",  # outside the repo
            "repo/a.md": BAD,
        },
    )
    (tmp_path / "repo" / ".git").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    code, files, _ = found(["a.md"])
    assert code == 1
    assert {"citations.placeholder", "citations.tk"} <= set(files["a.md"])
    # outside a repository (and outside the home folder) the search climbs no higher than
    # the working folder: the outer config is not seen from repo/, and is from its parent
    (tmp_path / "repo" / ".git").rmdir()
    code, files, _ = found(["a.md"])
    assert code == 1 and {"citations.placeholder", "citations.tk"} <= set(files["a.md"])
    monkeypatch.chdir(tmp_path)
    code, files, _ = found(["repo/a.md"])
    assert code == 0 and not any(r.startswith("citations.") for r in files["repo/a.md"])


def test_outside_a_repository_the_search_stops_at_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copydesk.config.nearest import ceiling

    home = tmp_path / "home"
    (home / "work" / "story").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    assert ceiling(home / "work" / "story") == home  # under home: up to home, not to cwd
    assert ceiling(tmp_path / "elsewhere") == tmp_path  # under the working folder only
    monkeypatch.chdir(home)
    assert ceiling(tmp_path / "elsewhere") == tmp_path / "elsewhere"  # under neither: no climb


def test_config_option_overrides_the_search(repo: Path) -> None:
    write(
        repo,
        {
            ".copydesk.yaml": "packs: [citations]\n",
            "sub/.copydesk.yaml": "packs: [citations]\n",
            "sub/a.md": BAD,
            "elsewhere/strict.yaml": "packs: [citations]\nrules:\n  citations.placeholder: off\n",
        },
    )
    _, files, _ = found(["--config", "elsewhere/strict.yaml", "sub/a.md"])
    assert files["sub/a.md"] == ["citations.tk"]


def test_config_packs_load_a_pack_file_relative_to_the_config(repo: Path) -> None:
    write(
        repo,
        {
            "docs/.copydesk.yaml": "packs: [../packs/house.yaml, citations]\n",
            "packs/house.yaml": HOUSE_PACK,
            "docs/a.md": "We utilize synergy (source).\n",
        },
    )
    code, files, _ = found(["docs"])
    assert code == 1
    assert files["docs/a.md"] == ["house.utilize", "house.banned", "citations.placeholder"]


def test_per_path_overrides_turn_a_rule_off_and_change_severity(repo: Path) -> None:
    write(
        repo,
        {
            ".copydesk.yaml": (
                "packs: [citations]\n"
                "paths:\n"
                "  opinion/**:\n"
                "    rules: {citations.tk: off}\n"
                "  drafts/**:\n"
                "    rules: {citations: warning}\n"
                "  notes/**:\n"
                "    ignore-rules: [citations.placeholder]\n"
            ),
            "news/a.md": BAD,
            "opinion/b.md": BAD,
            "drafts/c.md": BAD,
            "notes/d.md": BAD,
        },
    )
    code, out, _ = run(["check", "--format", "concise", "."])
    lines = out.splitlines()
    assert (
        "news/a.md:1:19: error: 'TK' marks a fact still to come: fill it in or cut it. "
        "[citations.tk]" in lines
    )
    assert not any(ln.startswith("opinion/b.md") and "citations.tk" in ln for ln in lines)
    assert any(ln.startswith("opinion/b.md:1:6: error:") for ln in lines)
    drafts = [ln for ln in lines if ln.startswith("drafts/")]
    assert len(drafts) == 2 and all(": warning: " in ln for ln in drafts)
    assert [ln.rsplit(" ", 1)[-1] for ln in lines if ln.startswith("notes/")] == ["[citations.tk]"]
    assert code == 1
    # only the drafts: warnings alone do not fail the default fail-on (error)
    assert run(["check", "drafts"])[0] == 0


def test_per_path_profile_must_exist(repo: Path) -> None:
    write(
        repo,
        {
            ".copydesk.yaml": "packs: [citations]\npaths:\n  opinion/**: {profile: nosuch}\n",
            "opinion/a.md": BAD,
            "news/b.md": BAD,
        },
    )
    code, out, err = run(["check", "--format", "concise", "."])
    assert code == 2
    assert "unknown profile 'nosuch'" in err
    assert "news/b.md:1:6: error:" in out  # the other file is still checked


def test_vocabulary_accept_silences_a_term_and_reject_adds_one(repo: Path) -> None:
    write(
        repo,
        {
            ".copydesk.yaml": (
                "packs: [citations]\n"
                "vocabulary:\n"
                "  accept: [TK]\n"
                "  reject: [synergy, 'leverag(e|ing)']\n"
            ),
            "a.md": "Fine (source) and TK; leveraging synergy.\n",
        },
    )
    code, out, _ = run(["check", "--format", "concise", "a.md"])
    assert code == 1
    assert "citations.tk" not in out
    assert "a.md:1:6: error:" in out  # (source) is not accepted
    assert "a.md:1:23: error: 'leveraging' is on this project's reject list. [vocab.reject]" in out
    assert "a.md:1:34: error: 'synergy' is on this project's reject list. [vocab.reject]" in out


@pytest.fixture
def house(repo: Path) -> Path:
    write(repo, {"house.yaml": HOUSE_PACK})
    return repo


@pytest.mark.parametrize(
    ("text", "args", "code", "shown"),
    [
        ("We utilize it.", [], 0, ["house.utilize"]),  # default fail-on error
        ("We utilize it.", ["--fail-on", "warning"], 1, ["house.utilize"]),
        ("A very fine day.", ["--fail-on", "warning"], 0, ["house.very"]),
        ("A very fine day.", ["--fail-on", "suggestion"], 1, ["house.very"]),
        ("Pure synergy.", ["--fail-on", "never"], 0, ["house.banned"]),
        (
            "We utilize a very big synergy.",
            ["--min-severity", "warning"],
            1,
            ["house.utilize", "house.banned"],
        ),
        ("We utilize a very big synergy.", ["--min-severity", "error"], 1, ["house.banned"]),
        # the exit code follows what is shown: a hidden warning cannot fail the run
        ("We utilize it.", ["--min-severity", "error", "--fail-on", "warning"], 0, []),
        ("A very fine day.", ["--min-severity", "warning", "--fail-on", "suggestion"], 0, []),
    ],
)
def test_fail_on_and_min_severity(
    house: Path, text: str, args: list[str], code: int, shown: list[str]
) -> None:
    write(house, {"a.txt": text + "\n"})
    got, files, _ = found(
        ["--config", "/dev/null", "--pack", "house.yaml", "--select", "house", *args, "a.txt"]
    )
    assert (got, files["a.txt"]) == (code, shown)


def test_fail_on_and_min_severity_from_config_and_cli_wins(house: Path) -> None:
    write(
        house,
        {
            ".copydesk.yaml": "packs: [house.yaml]\nfail-on: warning\nmin-severity: warning\n",
            "a.txt": "We utilize a very good idea.\n",
        },
    )
    code, files, _ = found(["a.txt"])
    assert (code, files["a.txt"]) == (1, ["house.utilize"])
    code, files, _ = found(["--fail-on", "error", "--min-severity", "suggestion", "a.txt"])
    assert (code, files["a.txt"]) == (0, ["house.utilize", "house.very"])


def test_select_and_ignore_by_rule_and_by_pack(house: Path) -> None:
    write(
        house,
        {
            ".copydesk.yaml": "packs: [citations, house.yaml]\n",
            "a.md": "We utilize (source) TK, very much.\n",
        },
    )
    everything = ["house.utilize", "citations.placeholder", "citations.tk", "house.very"]
    assert found(["a.md"])[1]["a.md"] == everything
    assert found(["--select", "citations.tk", "a.md"])[1]["a.md"] == ["citations.tk"]
    assert found(["--select", "house", "a.md"])[1]["a.md"] == ["house.utilize", "house.very"]
    assert found(["--ignore", "citations", "a.md"])[1]["a.md"] == ["house.utilize", "house.very"]
    assert found(["--ignore", "house.very,citations.tk", "a.md"])[1]["a.md"] == [
        "house.utilize",
        "citations.placeholder",
    ]
    assert found(
        ["--select", "house", "--select", "citations.tk", "--ignore", "house.very", "a.md"]
    )[1]["a.md"] == ["house.utilize", "citations.tk"]
    code, files, err = found(["--select", "nosuch", "a.md"])
    assert (code, files["a.md"]) == (0, [])
    assert "--select nosuch: no loaded rule" in err


def test_config_select_is_replaced_by_the_command_line(house: Path) -> None:
    write(
        house,
        {
            ".copydesk.yaml": "packs: [citations, house.yaml]\nselect: [citations]\n",
            "a.md": "We utilize (source).\n",
        },
    )
    assert found(["a.md"])[1]["a.md"] == ["citations.placeholder"]
    assert found(["--select", "house", "a.md"])[1]["a.md"] == ["house.utilize"]


@pytest.mark.parametrize(
    ("name", "text", "where", "message"),
    [
        (
            ".copydesk.yaml",
            "packs: [citations]\nfail_on: warning\n",
            "2:1",
            "unknown configuration key 'fail_on'",
        ),
        (
            ".copydesk.yaml",
            "packs: [citations]\nrules:\n  citations.tk: loud\n",
            "3:17",
            "rule 'citations.tk': level must be one of off, error, warning, suggestion",
        ),
        (
            ".copydesk.yaml",
            "paths:\n  opinion/**:\n    profil: opinion\n",
            "3:5",
            "unknown key 'profil' under paths 'opinion/**'",
        ),
        (
            ".copydesk.yaml",
            "vocabulary:\n  accept: ['(unclosed']\n",
            "2:12",
            "bad vocabulary pattern '(unclosed'",
        ),
        (".copydesk.yaml", "packs: [citations\n", "2:1", "invalid YAML"),
        (
            ".copydesk.yaml",
            "profile: news\nrules:\n  style.cliche: off\nprofile: wiki\n",
            "4:1",
            "invalid YAML: duplicate key 'profile' (first on line 1)",
        ),
        (
            "pyproject.toml",
            '[project]\nname = "x"\n\n[tool.copydesk]\npacks = ["citations"]\n'
            'fail-on = "sometimes"\n',
            "6:1",
            "'fail-on' must be one of error, warning, suggestion",
        ),
        (
            "pyproject.toml",
            '[tool.copydesk]\npacks = ["citations"]\n\n[tool.copydesk.rules]\n'
            '"citations.placeholder" = "warning"\n  "citations.tk" = "loud"\n',
            "6:3",
            "rule 'citations.tk': level must be one of",
        ),
        (
            "pyproject.toml",
            '[tool.copydesk]\npaths = { "opinion/**" = { profil = "x" } }\n',
            "2:28",
            "unknown key 'profil' under paths 'opinion/**'",
        ),
        ("pyproject.toml", "[tool.copydesk]\npacks = [citations]\n", "2:10", "invalid TOML"),
    ],
)
def test_config_errors_name_file_line_and_column(
    repo: Path, name: str, text: str, where: str, message: str
) -> None:
    write(repo, {name: text, "a.md": BAD})
    code, out, err = run(["check", "a.md"])
    assert code == 2
    assert out == ""
    assert f"copydesk: error: {name}:{where}: {message}" in err, err


def test_a_broken_config_in_one_folder_does_not_stop_the_others(repo: Path) -> None:
    write(
        repo,
        {
            ".copydesk.yaml": "packs: [citations]\n",
            "bad/.copydesk.yaml": "packs: [citations]\nbogus: 1\n",
            "bad/a.md": BAD,
            "bad/b.md": BAD,
            "good/c.md": BAD,
        },
    )
    code, out, err = run(["check", "--format", "concise", "."])
    assert code == 2  # 2 wins over the findings' 1
    assert "good/c.md:1:6: error:" in out and "bad/" not in out
    assert err.count("bad/.copydesk.yaml:2:1: unknown configuration key 'bogus'") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--config", "missing.yaml"], "missing.yaml: cannot read configuration"),
        (["--profile", "nosuch"], "unknown profile 'nosuch'"),
        (["--pack", "nosuch"], "no pack named 'nosuch'"),
    ],
)
def test_bad_config_options_exit_2_without_traceback(
    repo: Path, args: list[str], message: str
) -> None:
    write(repo, {"a.md": BAD})
    code, _, err = run(["check", *args, "a.md"])
    assert code == 2 and message in err


def test_unknown_pack_in_config_names_the_pack(repo: Path) -> None:
    write(repo, {".copydesk.yaml": "packs: [citations, nosuch]\n", "a.md": BAD})
    code, _, err = run(["check", "a.md"])
    assert code == 2 and "no pack named 'nosuch'" in err
    assert "(set in .copydesk.yaml)" in err


def test_load_config_file_reads_every_key(tmp_path: Path) -> None:
    cfg = tmp_path / ".copydesk.yaml"
    cfg.write_text(
        "packs: citations\nextra-packs: [x.yaml]\nprofile: news\nrules: {citations.tk: off}\n"
        "select: [citations]\nfail-on: never\nmin-severity: warning\nignore: ['vendor/**']\n"
        "paths: {'opinion/**': {profile: news, select: citations, packs: [citations]}}\n"
        "vocabulary: {accept: [TK], reject: [synergy]}\n",
        encoding="utf-8",
    )
    c = load_config_file(cfg)
    assert c.packs == ("citations",) and c.extra_packs == ("x.yaml",)
    assert c.rules == (("citations.tk", "off"),)
    assert (c.profile, c.fail_on, c.min_severity) == ("news", "never", "warning")
    assert c.ignore == ("vendor/**",) and c.accept == ("TK",) and c.reject == ("synergy",)
    glob, over = c.paths[0]
    assert glob == "opinion/**" and over.select == ("citations",) and over.packs == ("citations",)
    assert c.root == tmp_path.resolve()


def test_a_non_mapping_config_is_an_error(tmp_path: Path) -> None:
    cfg = tmp_path / ".copydesk.yaml"
    cfg.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config_file(cfg)
    assert (exc.value.line, exc.value.column) == (1, 1)


def test_toml_locate_handles_headers_dotted_keys_and_fallbacks() -> None:
    text = (
        "[tool.other]\nrules = 1\n"  # same key name in another table: not ours
        "[tool.copydesk]\n"
        "vocabulary.accept = ['x']\n"
        "[tool.copydesk.'paths'.\"opinion/**\"]\n"
        "profile = 'opinion'\n"
    )
    assert toml_locate(text, ["rules"]) == (3, 2)  # not written: the table header
    assert toml_locate(text, ["vocabulary", "accept", 0]) == (4, 1)
    assert toml_locate(text, ["paths", "opinion/**", "profile"]) == (6, 1)
    assert toml_locate("[project]\n", ["packs"]) == (0, 0)


def test_names_that_match_no_rule_are_warned_with_their_line(repo: Path) -> None:
    write(
        repo,
        {
            ".copydesk.yaml": (
                "rules:\n"
                "  weasel.reportdly: off\n"  # a typo: silently did nothing before
                "  citations: warning\n"
                "select: [citations, weasle]\n"
                "paths:\n"
                "  'docs/**':\n"
                "    ignore-rules: citations.tk\n"
                "    rules: {citations.placholder: off}\n"
            ),
            "a.md": BAD,
        },
    )
    _, files, err = found(["a.md"])
    assert {"citations.placeholder", "citations.tk"} <= set(files["a.md"])  # still linted
    warned = [ln for ln in err.splitlines() if "no loaded rule, pack or category" in ln]
    assert warned == [
        "copydesk: warning: .copydesk.yaml:2:3: 'weasel.reportdly': "
        "no loaded rule, pack or category has this name",
        "copydesk: warning: .copydesk.yaml:4:21: 'weasle': "
        "no loaded rule, pack or category has this name",
        "copydesk: warning: .copydesk.yaml:8:13: 'citations.placholder': "
        "no loaded rule, pack or category has this name",
    ]


def test_a_vocabulary_rule_that_times_out_names_its_config(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copydesk.match.patterns import RuleTimeout
    from copydesk.run import engine

    write(repo, {".copydesk.yaml": "vocabulary:\n  reject: [widget]\n", "a.md": "A widget.\n"})
    real = engine._run

    def slow_reject(rule, ctx, severity):  # type: ignore[no-untyped-def]
        if rule.spec.id == "vocab.reject":
            raise RuleTimeout("pattern timed out after 1s")
        return real(rule, ctx, severity)

    monkeypatch.setattr(engine, "_run", slow_reject)
    code, _, err = run(["check", "a.md"])
    assert code == 2
    assert "a.md: .copydesk.yaml: rule vocab.reject: pattern timed out after 1s" in err


def test_an_accept_pattern_that_times_out_is_named() -> None:
    from copydesk.match.patterns import RuleTimeout, compile_user
    from copydesk.match.shared import SharedMatchers

    class Stalls:
        pattern = "(a+)+b"

        def fullmatch(self, text: str, timeout: float) -> None:
            raise TimeoutError

    shared = SharedMatchers(accept=[compile_user("widgets?"), Stalls()])
    assert shared.accepted("widgets")
    with pytest.raises(RuleTimeout, match=r"vocabulary.accept pattern '\(a\+\)\+b' timed out"):
        shared.accepted("gadget")
