"""``copydesk test-rules`` and the engine end to end through the CLI: in-rule tests, coverage,
a Vale-format folder loaded unchanged, skipped kinds, and the regex timeout."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from copydesk.cli.main import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, result.stderr


PACK = """pack: mine
description: rules with their own tests
rules:
  - id: hedge
    extends: existence
    message: "Avoid '%s'."
    tokens: [arguably]
    tests:
      - name: flags
        input: "This is arguably fine."
        want: ["1:9"]
      - name: full form
        input: "Arguably not: arguably so."
        want: ["1:15:Avoid 'arguably'."]
      - name: contains
        input: "arguably"
        contains: [arguably]
      - name: quiet
        input: "Argue well."
        absent: [Argue]
        want: []
"""


def test_builtin_packs_pass_their_own_tests() -> None:
    code, out, _ = run(["test-rules"])
    assert code == 0, out
    assert " 0 failed" in out
    code, out, _ = run(["test-rules", "citations", "--coverage"])
    assert code == 0, out


def test_vales_built_in_style_passes_its_own_tests() -> None:
    from copydesk.config.vale_ini import builtin_vale_pack

    code, out, _ = run(["test-rules", str(builtin_vale_pack())])
    assert code == 0 and " 0 failed" in out, out


def test_passing_pack(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK)
    code, out, _ = run(["test-rules", str(pack), "--coverage"])
    assert (code, out.strip()) == (0, "4 passed, 0 failed, 1 rules")


def test_wrong_want_fails_with_exit_1(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK.replace('want: ["1:9"]', 'want: ["1:10"]'))
    code, out, _ = run(["test-rules", str(pack)])
    assert code == 1
    assert "FAIL mine.hedge :: flags: want ['1:10'], got ['1:9']" in out
    assert "3 passed, 1 failed" in out


def test_contains_and_absent_failures(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK.replace("contains: [arguably]", "contains: [nothing]"))
    code, out, _ = run(["test-rules", str(pack), "--format", "json"])
    assert code == 1
    report = json.loads(out)
    assert (report["passed"], report["failed"]) == (3, 1)
    failed = [r for r in report["results"] if not r["passed"]]
    assert failed[0]["test"] == "contains" and "'nothing'" in failed[0]["detail"]


def test_coverage_fails_on_a_rule_with_no_flagging_test(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        PACK
        + "  - id: quiet\n    extends: existence\n    message: m\n    tokens: [zzz]\n"
        + "    tests:\n      - input: nothing here\n        want: []\n"
    )
    code, _, _ = run(["test-rules", str(pack)])
    assert code == 0
    code, out, _ = run(["test-rules", str(pack), "--coverage"])
    assert code == 1
    assert "FAIL mine.quiet :: (coverage):" in out and "no test makes this rule fire" in out


def test_unknown_target_is_a_usage_error() -> None:
    code, _, err = run(["test-rules", "no-such-pack-here"])
    assert code == 2 and "no pack" in err


EXPECTED_VALE = [
    "3:1: suggestion: Try to keep sentences under 12 words (13). [vale_style.LongSentence]",
    "3:42: warning: Avoid hedging with 'it seems'. [vale_style.Hedging]",
    "3:51: error: 'the' is repeated! [vale_style.Repeated]",
    "3:90: suggestion: 'CDC' has no definition. [vale_style.Acronyms]",
    "4:9: error: Don't use '!!'. [vale_style.Exclaim]",
    "4:12: suggestion: Try to keep sentences under 12 words (13). [vale_style.LongSentence]",
    "4:20: error: Use 'use' rather than 'utilize'. [vale_style.Wordiness]",
    "4:50: warning: Inconsistent spelling of 'e-mail'. [vale_style.Email]",
    "4:65: error: Use 'to' rather than 'in order to'. [vale_style.Wordiness]",
    "6:1: warning: Avoid hedging with 'Arguably'. [vale_style.Hedging]",
    "6:1: suggestion: Try to keep sentences under 12 words (17). [vale_style.LongSentence]",
    "7:1: error: Use 'Now' or 'Today' rather than 'At this point in time'. [vale_style.Wordiness]",
]


def test_vale_style_folder_loads_unchanged_through_check() -> None:
    doc = str(FIXTURES / "vale_style.md")
    code, out, err = run(
        [
            "check",
            "--pack",
            str(FIXTURES / "vale_style"),
            "--select",
            "vale_style",
            "--format",
            "concise",
            doc,
        ]
    )
    assert code == 1
    assert out.splitlines() == [f"{doc}:{line}" for line in EXPECTED_VALE]
    # the spelling rule runs (its ignore file is not shipped: as in Vale, that adds nothing)
    # and finds no misspelt word in this document
    assert "Spelling" not in err and "skipped" not in err


def test_vale_style_fixes_in_json() -> None:
    doc = FIXTURES / "vale_style.md"
    code, out, _ = run(
        [
            "check",
            "--pack",
            str(FIXTURES / "vale_style"),
            "--select",
            "vale_style.Wordiness,vale_style.Exclaim",
            "--format",
            "json",
            str(doc),
        ]
    )
    assert code == 1
    violations = json.loads(out)["files"][0]["violations"]
    fixes = {v["match"]: v["fix"] for v in violations}
    text = doc.read_text(encoding="utf-8")
    assert fixes["!!"]["replacements"][0]["text"] == ""
    utilize = fixes["utilize"]["replacements"][0]
    assert (text[utilize["offset"] : utilize["end_offset"]], utilize["text"]) == ("utilize", "use")
    assert fixes["At this point in time"] is None  # two options: no automatic fix


def test_catastrophic_regex_gives_one_error_and_the_run_finishes(tmp_path: Path) -> None:
    pack = tmp_path / "slow.yaml"
    pack.write_text(
        "pack: slow\ndescription: d\nrules:\n"
        '  - id: fine\n    extends: existence\n    message: "found %s"\n    tokens: [here]\n'
        "  - id: boom\n    extends: existence\n    message: m\n    raw: ['(a|aa)+$']\n"
    )
    doc = tmp_path / "doc.txt"
    doc.write_text("a" * 40 + "!\nhere\n")
    start = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "copydesk",
            "check",
            "--format",
            "concise",
            "--select",
            "slow",
            "--pack",
            str(pack),
            str(doc),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - start < 10
    assert proc.returncode == 2
    assert proc.stdout.splitlines() == [f"{doc}:2:1: warning: found here [slow.fine]"]
    errors = [line for line in proc.stderr.splitlines() if "error" in line]
    assert len(errors) == 1
    assert f"{pack}:8" in errors[0] and "slow.boom" in errors[0] and "timed out" in errors[0]
