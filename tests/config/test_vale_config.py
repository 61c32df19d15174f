"""A Vale project linted with no copydesk flags: its ``.vale.ini`` found and read (styles, glob
sections, switches and levels, MinAlertLevel, Vocab, ignore patterns, [formats]), keys not
acted on said with their line, errors naming the ini's line, and the ways to choose or skip it
(``--vale-config``, ``--isolated``, ``extends:``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_helpers import found, run, write
from copydesk.config.ini_syntax import glob_pattern, parse_ini

HEDGE = "extends: existence\nmessage: \"Cut the hedge '%s'.\"\nlevel: warning\ntokens: [arguably]\n"
LOUD = "extends: existence\nmessage: \"'%s' shouts.\"\nlevel: suggestion\ntokens: [amazing]\n"
STORY = "The plan is arguably amazing.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return write(tmp_path, {
        "styles/Acme/Hedge.yml": HEDGE,
        "styles/Acme/Loud.yml": LOUD,
        "story.md": STORY,
        "notes.txt": STORY,
    })


def findings(*args: str) -> tuple[int, list[str], str]:
    """Exit code, ``path:line:col:rule:message`` lines (Vale's own test form), stderr."""
    code, out, err = run(["check", "--format", "json", "--fail-on", "never", *args])
    doc = json.loads(out)
    lines = [f"{f['path']}:{v['line']}:{v['column']}:{v['rule']}:{v['message']}"
             for f in doc["files"] for v in f["violations"]]
    return code, lines, err


def test_a_glob_section_gives_its_files_the_styles(project: Path) -> None:
    write(project, {".vale.ini": "StylesPath = styles\n\n[*.md]\nBasedOnStyles = Acme\n"})
    _, lines, err = findings(".")
    assert lines == [
        "story.md:1:13:Acme.Hedge:Cut the hedge 'arguably'.",
        "story.md:1:22:Acme.Loud:'amazing' shouts.",
    ], err  # nothing for notes.txt, and none of copydesk's own packs


def test_min_alert_level_and_a_level_given_to_a_rule(project: Path) -> None:
    write(project, {".vale.ini": (
        "StylesPath = styles\nMinAlertLevel = warning\n\n[*]\nBasedOnStyles = Acme\n"
        "[*.txt]\nAcme.Loud = error\n"
    )})
    _, lines, _ = findings(".")
    # Loud is a suggestion (hidden) but an error wherever a level is given: Vale keeps one
    # level per rule
    assert sorted(lines) == [
        "notes.txt:1:13:Acme.Hedge:Cut the hedge 'arguably'.",
        "notes.txt:1:22:Acme.Loud:'amazing' shouts.",
        "story.md:1:13:Acme.Hedge:Cut the hedge 'arguably'.",
        "story.md:1:22:Acme.Loud:'amazing' shouts.",
    ]


def test_switches_turn_one_rule_off_or_on_without_its_style(project: Path) -> None:
    write(project, {".vale.ini": (
        "StylesPath = styles\n[*]\nBasedOnStyles = Acme\nAcme.Loud = NO\n"
        "[*.txt]\nBasedOnStyles =\n"  # a later section's (empty) styles replace the global ones
        "Acme.Loud = YES\n"
    )})
    _, lines, _ = findings(".")
    assert sorted(lines) == [
        "notes.txt:1:22:Acme.Loud:'amazing' shouts.",
        "story.md:1:13:Acme.Hedge:Cut the hedge 'arguably'.",
    ]


def test_vocab_makes_vale_terms_and_avoid_and_excuses_accepted_terms(project: Path) -> None:
    write(project, {
        ".vale.ini": "StylesPath = styles\nVocab = House\n[*.md]\nBasedOnStyles = Vale, Acme\n",
        "styles/config/vocabularies/House/accept.txt": "# product names\nGitLab\narguably\n",
        "styles/config/vocabularies/House/reject.txt": "synergy\n",
        "story.md": "We use Gitlab for synergy, arguably.\n",
    })
    _, lines, _ = findings("story.md")
    assert sorted(lines) == [
        "story.md:1:19:Vale.Avoid:Avoid using 'synergy'.",
        "story.md:1:8:Vale.Terms:Use 'GitLab' instead of 'Gitlab'.",
    ]  # 'arguably' is accepted: Acme.Hedge (vocab: true, Vale's default) lets it be


def test_a_pattern_term_is_quiet_where_the_text_fits_it(project: Path) -> None:
    write(project, {
        ".vale.ini": "StylesPath = styles\nVocab = House\n[*.md]\nBasedOnStyles = Vale\n",
        "styles/config/vocabularies/House/accept.txt": "[Oo]bservability\n",
        "story.md": "Observability and observability are fine; oBservability is not.\n",
    })
    _, lines, _ = findings("story.md")
    assert lines == ["story.md:1:43:Vale.Terms:Use '[Oo]bservability' instead of 'oBservability'."]


def test_token_and_block_ignores_are_never_linted(project: Path) -> None:
    write(project, {
        ".vale.ini": (
            "StylesPath = styles\n[*.md]\nBasedOnStyles = Acme\n"
            "TokenIgnores = \\{\\{[^}]*\\}\\}\nBlockIgnores = (?s)<aside>.*?</aside>\n"
        ),
        "story.md": (
            "It is {{ arguably }} fine.\n\n<aside>\namazing\n</aside>\n\nStill amazing.\n"
        ),
    })
    _, lines, _ = findings("story.md")
    assert lines == ["story.md:7:7:Acme.Loud:'amazing' shouts."]


def test_ignored_and_skipped_scopes_and_ignored_classes_are_never_linted(project: Path) -> None:
    write(project, {
        ".vale.ini": (
            "StylesPath = styles\nIgnoredScopes = link, strong\nSkippedScopes = blockquote, pre\n"
            "IgnoredClasses = aside, byline\n[*]\nBasedOnStyles = Acme\n"
        ),
        "story.md": (
            "See [the amazing page](/p) and an <span class=\"aside\">amazing</span> aside.\n\n"
            "> A quoted, amazing line.\n\n"
            "Still <span class=\"other\">amazing</span>, not **amazing**.\n"
        ),
        "page.html": (
            '<p class="byline lead">An amazing byline</p>\n<p>An amazing lead.</p>\n'
            '<blockquote>amazing</blockquote>\n<p><b>amazing</b></p>\n'
        ),
    })
    _, lines, err = findings("story.md", "page.html")
    assert lines == [
        "story.md:5:27:Acme.Loud:'amazing' shouts.",
        "page.html:2:7:Acme.Loud:'amazing' shouts.",
    ]
    assert "IgnoredScopes" not in err and "SkippedScopes" not in err, err


def test_a_scope_copydesk_cannot_leave_out_is_a_warning(project: Path) -> None:
    write(project, {".vale.ini": (
        "StylesPath = styles\nIgnoredScopes = code, em\n[*.md]\nBasedOnStyles = Acme\n")})
    _, lines, err = findings("story.md")
    assert len(lines) == 2
    assert re.search(r"\.vale\.ini:2: IgnoredScopes: copydesk leaves out .*; em is linted",
                     err), err


def test_formats_lint_one_extension_as_another(project: Path) -> None:
    write(project, {
        ".vale.ini": "StylesPath = styles\n[formats]\nmdx = md\n[*]\nBasedOnStyles = Acme\n",
        "page.mdx": "```\narguably\n```\n\nIt is amazing.\n",
    })
    _, lines, _ = findings("page.mdx")
    assert lines == ["page.mdx:5:7:Acme.Loud:'amazing' shouts."]  # the code block is code
    # a folder walk lints the mapped extension too (and still nothing it cannot read)
    write(project, {"docs/guide.mdx": "An amazing guide.\n", "docs/notes.rst": "amazing\n"})
    _, lines, _ = findings("docs")
    assert lines == ["docs/guide.mdx:1:4:Acme.Loud:'amazing' shouts."]
    _, lines, _ = findings(".")
    assert "docs/guide.mdx:1:4:Acme.Loud:'amazing' shouts." in lines
    assert not any(line.startswith("docs/notes.rst") for line in lines)
    # the library's walk is the command's
    from copydesk import check_paths

    assert [r.path for r in check_paths(["docs"])] == ["docs/guide.mdx"]


def test_keys_not_acted_on_are_warnings_with_their_line(project: Path) -> None:
    write(project, {".vale.ini": (
        "StylesPath = styles\nPackages = Google\n[*.md]\nBasedOnStyles = Acme\n"
        "Transform = page.xsl\n"
    )})
    _code, lines, err = findings("story.md")
    assert len(lines) == 2
    assert re.search(r"\.vale\.ini:2: Packages is not acted on", err), err
    assert re.search(r"\.vale\.ini:5: Transform is not acted on", err), err


@pytest.mark.parametrize(
    ("ini", "message"),
    [
        ("StylesPath = styles\n[*]\nBasedOnStyles = Nope\n", ":3:1: style 'Nope' not found"),
        ("StylesPath = nowhere\n", ":1:1: StylesPath 'nowhere' is not a folder"),
        ("StylesPath = styles\nMinAlertLevel = loud\n", ":2:1: MinAlertLevel must be"),
        ("StylesPath = styles\nVocab = Gone\n", ":2:1: Vocab 'Gone' not found"),
        ("StylesPath = styles\n[*]\nTokenIgnores = (\n", ":3:1: TokenIgnores: bad regular"),
    ],
)
def test_a_broken_ini_is_one_line_naming_its_line(project: Path, ini: str, message: str) -> None:
    write(project, {".vale.ini": ini})
    code, _out, err = run(["check", "story.md"])
    assert code == 2 and message in err and "Traceback" not in err, err


def test_a_copydesk_config_in_the_same_folder_wins(project: Path) -> None:
    write(project, {
        ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = Acme\n",
        ".copydesk.yaml": "packs: [citations]\n",
        "story.md": "It is arguably fine (source).\n",
    })
    _, by_file, _ = found(["story.md"])
    assert by_file["story.md"] == ["citations.placeholder"]


def test_extends_puts_copydesk_settings_over_a_vale_ini(project: Path) -> None:
    write(project, {
        ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = Acme\n",
        ".copydesk.yaml": "extends: .vale.ini\npacks: [citations]\nrules:\n  Acme.Loud: off\n",
        "story.md": "It is arguably amazing (source).\n",
    })
    _, by_file, _ = found(["story.md"])
    assert sorted(by_file["story.md"]) == ["Acme.Hedge", "citations.placeholder"]


def test_vale_config_names_one_ini_and_isolated_ignores_it(project: Path) -> None:
    write(project, {"elsewhere/team.ini": "StylesPath = ../styles\n[*]\nBasedOnStyles = Acme\n"})
    _, lines, _ = findings("--vale-config", "elsewhere/team.ini", "notes.txt")
    assert [line.split(":")[3] for line in lines] == ["Acme.Hedge", "Acme.Loud"]
    write(project, {".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = Acme\n"})
    _, by_file, _ = found(["--isolated", "notes.txt"])
    assert not any(r.startswith("Acme.") for r in by_file.get("notes.txt", []))
    code, _, err = run(["check", "--isolated", "--config", ".vale.ini", "notes.txt"])
    assert code == 2 and "choose one of" in err


def test_a_style_given_with_pack_as_well_runs_once(project: Path) -> None:
    write(project, {".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = Acme\n"})
    _, lines, _ = findings("--pack", "styles/Acme", "notes.txt")
    assert len(lines) == 2  # not four


def test_the_ini_is_parsed_as_vale_reads_it() -> None:
    sections = parse_ini(
        "StylesPath = styles  # where they live\n; a comment\n[*.md]\n"
        "BasedOnStyles = A\nBasedOnStyles = B\nTokenIgnores = a#b\n"
    )
    assert sections[""] == [("StylesPath", "styles", 1)]
    assert sections["*.md"] == [("BasedOnStyles", "A", 4), ("BasedOnStyles", "B", 5),
                                ("TokenIgnores", "a#b", 6)]  # no space before '#': kept


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("*.md", "docs/deep/a.md", True),  # Vale's * crosses folders
        ("*.{md,txt}", "a.txt", True),
        ("*.{md,txt}", "a.html", False),
        ("docs/[!_]*.md", "docs/_draft.md", False),
        ("docs/[!_]*.md", "docs/page.md", True),
        ("test2.md", "test2.md", True),
    ],
)
def test_globs_match_as_vales_do(glob: str, path: str, matches: bool) -> None:
    assert (re.fullmatch(glob_pattern(glob), path) is not None) is matches


def test_ignore_syntax_lints_markup_as_plain_text(project: Path) -> None:
    write(project, {".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = Acme\n",
                    "story.md": "Fine.\n\n```\nthis is amazing\n```\n"})
    assert findings("story.md")[1] == []  # code is not prose
    _, lines, _ = findings("--ignore-syntax", "story.md")
    assert lines == ["story.md:4:9:Acme.Loud:'amazing' shouts."]


def test_of_two_vocabularies_the_later_spelling_wins(project: Path) -> None:
    write(project, {
        ".vale.ini": "StylesPath = styles\nVocab = Old, New\n[*.md]\nBasedOnStyles = Vale\n",
        "styles/config/vocabularies/Old/accept.txt": "Gitlab\n",
        "styles/config/vocabularies/New/accept.txt": "GitLab\n",
        "story.md": "We use Gitlab.\n",
    })
    _, lines, _ = findings("story.md")
    assert lines == ["story.md:1:8:Vale.Terms:Use 'GitLab' instead of 'Gitlab'."]


def test_an_accepted_phrase_excuses_its_words_only_where_it_stands(project: Path) -> None:
    write(project, {
        ".vale.ini": "StylesPath = styles\nVocab = House\n[*.md]\nBasedOnStyles = Acme\n",
        "styles/config/vocabularies/House/accept.txt": "arguably amazing\n",
        "story.md": "It is arguably amazing. It is amazing.\n",
    })
    _, lines, _ = findings("story.md")
    assert lines == ["story.md:1:31:Acme.Loud:'amazing' shouts."]


def test_a_runaway_ignore_pattern_is_an_error_not_a_hang(project: Path) -> None:
    write(project, {
        ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = Acme\nTokenIgnores = (a|aa)+$\n",
        "story.txt": "a" * 40 + "!\nIt is amazing.\n",
    })
    code, _out, err = run(["check", "--format", "concise", "story.txt"])
    assert code == 2 and "TokenIgnores pattern" in err and "timed out" in err, err
