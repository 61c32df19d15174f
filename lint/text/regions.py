"""Region: a structural span of the source (a heading, a paragraph, a list item …) that a reader
reports, in source code points; and the kinds of region there are."""

from __future__ import annotations

from dataclasses import dataclass

REGION_KINDS = frozenset(
    {
        "heading",
        "paragraph",
        "list",
        "blockquote",
        "table",
        "link",
        "frontmatter",
        "code",
        "html",
    }
)


@dataclass(frozen=True, slots=True)
class Region:
    """A structural span of the source: [start, end) in source code points."""

    start: int
    end: int
    kind: str
    level: int = 0  # heading level, list depth …
