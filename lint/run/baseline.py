"""A baseline: the findings a project has accepted for now, so that CI fails on new ones only.

A newsroom adopting copydesk on an archive records today's findings once (``copydesk baseline
PATHS``) and then checks with ``--baseline FILE``: a finding recorded there is not reported. A
finding is known by its rule, its file (relative to the baseline's folder) and a fingerprint of
what it matched and the line it stands on (white space folded), never by its line number, so
an edit elsewhere in the file, which moves it, leaves it known; an edit of its own line makes it
new. Two findings with one key (the same words twice on the same line, or the same line twice)
are counted: the baseline holds how many, and only that many are known.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..core.atomic_file import atomic_output
from ..core.errors import ConfigError
from ..core.kept import SourceIndex, line_index
from ..core.model import FileResult, Violation
from ..core.regular_files import read_text

DEFAULT_NAME = ".copydesk-baseline.json"
VERSION = 1
Key = tuple[str, str, str]  # rule, path, fingerprint


def fingerprint(result: FileResult, v: Violation, index: SourceIndex | None = None) -> str:
    """What the finding matched and the line it starts on, white space folded, hashed
    (``index``: the result's line index, when the caller has it for many findings)."""
    index = index or line_index(result)
    line, _ = index.position(v.offset)
    words = " ".join(index.line_text(line).split())
    matched = " ".join(index[v.offset : v.end_offset].split())
    return hashlib.sha256(f"{matched}\0{words}".encode("utf-8", "surrogatepass")).hexdigest()[:20]


def relative(path: str, folder: Path) -> str:
    """``path`` as the baseline names it: relative to the baseline's folder, with ``/``."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(folder).as_posix()
    except ValueError:
        return absolute.as_posix()


def keys(results: list[FileResult], folder: Path) -> list[tuple[Key, FileResult, Violation]]:
    out = []
    for r in results:
        if not r.violations:
            continue
        index, path = line_index(r), relative(r.path, folder)  # once a file, not a finding
        out += [((v.rule, path, fingerprint(r, v, index)), r, v) for v in r.violations]
    return out


def write(results: list[FileResult], path: Path) -> int:
    """Record the findings of ``results`` in ``path`` (a JSON file); how many were recorded."""
    counts = Counter(key for key, _, _ in keys(results, path.resolve().parent))
    rows = [
        {"rule": rule, "path": file, "fingerprint": fp, "count": n}
        for (rule, file, fp), n in sorted(counts.items())
    ]
    doc = {"copydesk-baseline": VERSION, "findings": rows}
    with atomic_output(str(path)) as out:  # whole or not at all
        out.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return sum(counts.values())


def read(path: Path) -> Counter[Key]:
    """The known findings of a baseline file. Raises ConfigError naming the file."""
    try:
        doc: Any = json.loads(read_text(str(path)))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ConfigError(f"{path}: not a copydesk baseline (bad JSON: {exc})") from None
    if not isinstance(doc, dict) or doc.get("copydesk-baseline") != VERSION:
        raise ConfigError(f"{path}: not a copydesk baseline (written by `copydesk baseline`)")
    known: Counter[Key] = Counter()
    for row in doc.get("findings", []):
        try:
            known[(str(row["rule"]), str(row["path"]), str(row["fingerprint"]))] += int(
                row.get("count", 1)
            )
        except (KeyError, TypeError, ValueError):
            raise ConfigError(f"{path}: a baseline entry lacks rule, path or fingerprint") from None
    return known


def new_only(results: list[FileResult], path: Path) -> tuple[list[FileResult], int]:
    """``results`` without the findings the baseline at ``path`` knows, and how many were
    left out. Within one key, findings are taken in file order: the first ``count`` are known."""
    known = read(path)
    left: Counter[Key] = Counter()
    drop: set[tuple[int, int]] = set()  # (id of the result, id of the violation)
    for key, r, v in keys(results, path.resolve().parent):
        if left[key] < known[key]:
            left[key] += 1
            drop.add((id(r), id(v)))
    out = [
        replace(r, violations=[v for v in r.violations if (id(r), id(v)) not in drop])
        for r in results
    ]
    return out, len(drop)
