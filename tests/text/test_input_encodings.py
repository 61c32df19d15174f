"""Input that is not UTF-8 text: NUL bytes anywhere, and UTF-16/32 named by their BOM.

A NUL byte past the first 8 KB used to pass as text; a UTF-16 file (Windows Notepad's
"Unicode") was called binary. UTF-16 and UTF-32 stay input errors, not decoded for the user
(offsets, columns and fixes would have to be mapped back to the file's code units), but the
error names the encoding and the command that converts it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from copydesk.cli.main import cli
from copydesk.text.decode import InputError, decode, looks_binary, wide_encoding

TEXT = "Critics say the (source) is TK.\n"


@pytest.mark.parametrize(
    ("codec", "name", "order"),
    [
        ("utf-16-le", "UTF-16", "LE"),
        ("utf-16-be", "UTF-16", "BE"),
        ("utf-32-le", "UTF-32", "LE"),
        ("utf-32-be", "UTF-32", "BE"),
    ],
)
def test_wide_encoding_with_bom_is_named(codec: str, name: str, order: str) -> None:
    data = ("\ufeff" + TEXT).encode(codec)
    assert wide_encoding(data) == (name, order)
    assert not looks_binary(data)  # text, so a walk reports it instead of skipping it
    with pytest.raises(InputError) as caught:
        decode(data)
    assert str(caught.value) == (
        f"encoded as {name} ({order}, with BOM); copydesk reads UTF-8 — "
        f"convert it with iconv -f {name} -t UTF-8"
    )


def test_utf16_le_opening_with_nul_is_not_taken_for_utf32() -> None:
    data = "\ufeff\x00A".encode("utf-16-le")  # FF FE 00 00 41 00: six bytes, no UTF-32
    assert wide_encoding(data) == ("UTF-16", "LE")


def test_utf8_bom_is_still_dropped() -> None:
    assert decode(("\ufeff" + TEXT).encode("utf-8")) == TEXT


def test_nul_anywhere_makes_a_file_binary() -> None:
    late = (TEXT * 1000).encode("utf-8") + b"\x00"
    assert len(late) > 8192
    assert looks_binary(late)
    with pytest.raises(InputError, match="binary file"):
        decode(late)
    assert not looks_binary((TEXT * 1000).encode("utf-8"))


def test_cli_names_the_encoding_and_checks_the_other_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    Path("docs/notepad.txt").write_bytes(("\ufeff" + TEXT).encode("utf-16-le"))
    Path("docs/late-nul.txt").write_bytes((TEXT * 1000).encode("utf-8") + b"\x00")
    Path("docs/good.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--select", "citations", "docs"])
    assert result.exit_code == 2
    assert "docs/notepad.txt: encoded as UTF-16 (LE, with BOM)" in result.stderr
    assert "docs/late-nul.txt: binary file skipped" in result.stderr  # met in a walk
    assert "docs/good.txt:1:17: error:" in result.stdout
    named = CliRunner().invoke(cli, ["check", "--select", "citations", "docs/late-nul.txt"])
    assert named.exit_code == 2
    assert "docs/late-nul.txt: binary file (contains NUL bytes)" in named.stderr
