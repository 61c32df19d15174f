"""End-to-end: the CLI on a CRLF file with curly quotes and an emoji points at exact text."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from copydesk.cli.main import cli


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, result.stderr


def test_json_offsets_point_at_match_in_crlf_emoji_file(tmp_path: Path) -> None:
    text = "“Quoted” line one.\r\nAn emoji 😀 then (source) here.\r\n"
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode("utf-8"))
    code, out, _ = run(["check", "--format", "json", "--select", "citations", str(f)])
    assert code == 1
    doc = json.loads(out)
    v = doc["files"][0]["violations"][0]
    assert v["match"] == "(source)" == text[v["offset"] : v["end_offset"]]
    assert (v["line"], v["column"], v["end_column"]) == (2, 17, 25)
    code, out16, _ = run(
        [
            "check",
            "--format",
            "json",
            "--select",
            "citations",
            "--position-encoding",
            "utf-16",
            str(f),
        ]
    )
    v16 = json.loads(out16)["files"][0]["violations"][0]
    assert v16["column"] == v["column"] + 1
    assert v16["offset"] == v["offset"]


def test_bom_is_dropped_and_offset_zero_is_first_char(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_bytes("\ufeff(source) first.".encode())
    _, out, _ = run(["check", "--format", "json", str(f)])
    v = json.loads(out)["files"][0]["violations"][0]
    assert (v["offset"], v["line"], v["column"]) == (0, 1, 1)


def test_missing_and_undecodable_inputs_exit_2_but_others_are_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 (source)")
    good = tmp_path / "good.txt"
    good.write_text("Fine (source).", encoding="utf-8")
    code, out, err = run(
        ["check", "--format", "concise", str(bad), str(good), str(tmp_path / "nope.md")]
    )
    assert code == 2
    assert "good.txt:1:6: error:" in out
    assert "bad.txt: not valid UTF-8" in err
    assert "nope.md: no such file" in err
    assert "Traceback" not in err


def test_binary_explicit_is_error_but_skipped_in_walk(tmp_path: Path) -> None:
    (tmp_path / "img.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "ok.md").write_text("All good here.\n", encoding="utf-8")
    code, _, err = run(["check", str(tmp_path / "img.txt")])
    assert code == 2 and "binary" in err
    code, _, err = run(["check", str(tmp_path)])
    assert code == 0 and "binary file skipped" in err


def test_version_and_python_m() -> None:
    import subprocess
    import sys

    from copydesk import __version__

    out = subprocess.run(
        [sys.executable, "-m", "copydesk", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and __version__ in out.stdout
