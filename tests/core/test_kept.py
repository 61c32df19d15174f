"""What a result keeps of its text (core.kept): formats render a kept result exactly as the text.

A worker sends back findings with the few values the formatters ask of them, not the text.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from copydesk import formatters
from copydesk.core.kept import SourceIndex, keep, line_index
from copydesk.core.model import FileResult, Fix, Replacement, Severity, Violation

FORMATS = formatters.choices()  # every format --format offers, from the registry

# Findings on ASCII, astral (emoji) and BMP non-ASCII lines, on CRLF lines and across lines.
BODY = (
    "We utilize 😀 synergy here.\r\n"
    "A very “quoted” line, very much.\n"
    "\n"
    "Nothing to see.\n"
    "Then utilize it, 𝔘 very well.\n"
)


def _results() -> list[FileResult]:
    def v(rule: str, start: int, end: int, fix: Fix | None = None) -> Violation:
        return Violation(rule, "c", Severity.WARNING, f"m {rule}", start, end, "", fix)

    swap = Fix((Replacement(3, 9, "use"),))
    two = Fix((Replacement(0, 2, "x"), Replacement(27, 28, "")))
    delete = Fix((Replacement(34, 36, ""),))
    return [
        FileResult(
            "a.md",
            BODY,
            [
                v("r.utilize", 3, 10, swap),
                v("r.emoji", 11, 12, two),
                v("r.across", 20, 40, delete),  # from line 1 (after its CRLF) into line 2
                v("r.astral", BODY.index("𝔘"), BODY.index("𝔘") + 1),
                v("r.end", len(BODY), len(BODY)),  # empty match at the very end
                v("r.utilize", BODY.rindex("utilize"), BODY.rindex("utilize") + 7),
            ],
        ),
        FileResult("clean.txt", "Clean.\n"),
        FileResult("empty.txt", ""),
        FileResult("bad.txt", "", error="not valid UTF-8"),
        FileResult("partial.txt", "very\n", [v("r.very", 0, 4)], error="rule r.x timed out"),
    ]


@pytest.mark.parametrize("encoding", ["code-points", "utf-16", "utf-8"])
@pytest.mark.parametrize("name", [*FORMATS, "statistics"])
def test_kept_results_render_exactly_like_texts(name: str, encoding: str) -> None:
    def render(results: list[FileResult]) -> str:
        out = io.StringIO()
        ctx = formatters.RenderContext(encoding=encoding, tool_version="0")  # type: ignore[arg-type]
        formatters.get(name)(out, ctx).render(results)
        return out.getvalue()

    fmt = formatters.get(name)
    unit = fmt.column_unit or encoding  # as the command keeps them
    kept = [keep(r, unit, lines=True, whole_text=fmt.needs_text) for r in _results()]  # type: ignore[arg-type]
    if fmt.needs_text:  # html shows each text whole: the command keeps it all
        assert [(r.text, r.kept) for r in kept] == [(r.text, None) for r in _results()]
    else:
        assert all(r.text == "" and r.kept is not None for r in kept)
    assert [r.has_text for r in kept] == [True, True, False, False, True]
    assert render(kept) == render(_results())


def test_kept_positions_match_the_line_index() -> None:
    result = _results()[0]
    kept = keep(result, "utf-8", lines=True)
    index: Callable[[FileResult], SourceIndex] = line_index
    full, sparse = index(result), index(kept)
    for v in result.violations:
        for offset in (v.offset, v.end_offset):
            for unit in ("code-points", "utf-8"):
                assert sparse.column(offset, unit) == full.column(offset, unit)
        assert sparse[v.offset : v.end_offset] == BODY[v.offset : v.end_offset]
    assert sparse.line_text(5) == "Then utilize it, 𝔘 very well."
    with pytest.raises(KeyError):  # only the findings' own offsets were kept
        sparse.column(1)
