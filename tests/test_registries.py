"""The registries are read from the modules themselves: every kind module declares its NAME and
KEYS, every reader its FORMAT and SUFFIXES, and listing them needs nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from copydesk.kinds import KINDS
from copydesk.text import readers


def test_every_kind_module_declares_the_name_of_its_file_and_its_keys() -> None:
    folder = Path(KINDS["existence"].__file__ or "").parent
    files = sorted(p.stem.replace("_", "-") for p in folder.glob("*.py") if p.stem != "__init__")
    assert sorted(KINDS) == files
    for name in KINDS:
        kind = KINDS[name]
        assert name == kind.NAME
        assert isinstance(kind.KEYS, dict) and all(callable(c) for c in kind.KEYS.values())
        assert callable(kind.compile) and callable(kind.validate)


def test_listing_the_kinds_imports_none_of_them() -> None:
    code = (
        "import sys\nfrom copydesk.kinds import KINDS\nnames = list(KINDS)\n"
        "print(len(names), [m for m in sys.modules if m.startswith('copydesk.kinds.')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, loaded = out.stdout.split(" ", 1)
    assert int(count) >= 30 and loaded.strip() == "[]"


def test_each_reader_declares_its_format_and_the_endings_it_reads() -> None:
    found = readers.readers()
    assert set(found) == {"text", "markdown", "html"}
    for name, module in found.items():
        assert name == module.FORMAT and module.SUFFIXES
        assert all(s.startswith(".") and s == s.lower() for s in module.SUFFIXES)
        assert readers.suffix_for(name) == module.SUFFIXES[0]
    assert readers.format_for("story.MD") == "markdown"
    assert readers.format_for("page.htm") == "html"
    assert readers.format_for("notes.text") == "text"
    assert readers.format_for("no-ending") == readers.DEFAULT == "text"


def test_listing_the_readers_loads_no_parser() -> None:
    code = (
        "import sys\nfrom copydesk.text import readers\nreaders.by_suffix()\n"
        "print(sorted(m for m in ('pyromark', 'html.parser') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_folder_walk_lints_every_ending_a_reader_claims(tmp_path: Path) -> None:
    from copydesk.config.discovery import walk

    for name in ("a.md", "b.markdown", "c.txt", "d.text", "e.html", "f.htm", "g.py", "h.rst"):
        (tmp_path / name).write_text("The council met.\n", "utf-8")
    found = sorted(Path(p).name for p in walk(tmp_path))
    assert found == ["a.md", "b.markdown", "c.txt", "d.text", "e.html", "f.htm"]
