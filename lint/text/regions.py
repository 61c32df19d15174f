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
        "alt",  # an image's alt text
        "frontmatter",
        "frontmatter-value",  # a top-level string value of YAML front matter (its key: key)
        "code",
        "html",
        "classed",  # an HTML element with a class attribute (its key: the classes)
        "strong",  # bold text (Markdown **…**, HTML <strong> and <b>)
    }
)


@dataclass(frozen=True, slots=True)
class Region:
    """A structural span of the source: [start, end) in source code points."""

    start: int
    end: int
    kind: str
    level: int = 0  # heading level, list depth; a table's: 0 cell, 1 header cell, 2 caption
    key: str = ""  # a front-matter value's key; a classed element's classes
