"""Scope selectors: read a rule's ``scope`` (Vale's syntax) and decide where its findings fall.

A rule's scope is a list of alternatives (any one may hold); an alternative joins parts with
``&`` (all must hold); a part is a dotted selector, negated by a leading ``~``. As in Vale the
sections of a selector are a set: ``heading.h2`` is a level-2 heading, ``text.frontmatter.title``
the front matter's ``title`` value, and a format section (``md``, ``html``, ``txt``, ``rst`` …)
limits the part to files of that format (``text.html``: HTML files only; on any other file a
positive part matches nothing and a negated one excludes nothing).

Parsing is done once per scope tuple (cached); where the spans of each name come from is the
context's business (:meth:`copydesk.analysis.context.Context.spans`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .context import inside, merge, overlaps

if TYPE_CHECKING:
    from ..core.rule_spec import RuleSpec
    from .context import Context

Span = tuple[int, int]

# Vale's file-extension sections -> copydesk's format name ("" for formats copydesk does not
# read: a part naming one never applies here)
FORMATS = {
    "md": "markdown", "markdown": "markdown", "mdown": "markdown", "markdn": "markdown",
    "html": "html", "htm": "html", "xhtml": "html", "shtml": "html", "txt": "text",
    "rst": "", "rest": "", "adoc": "", "asciidoc": "", "asc": "", "org": "", "dita": "",
    "xml": "", "mdx": "",
}
# scopes that are the whole document: no filtering by spans
WHOLE = frozenset({"text", "raw", "summary"})
# names a selector may resolve to; ``frontmatter.<key>`` is open-ended
NAMES = WHOLE | frozenset({
    "heading", *(f"heading.h{n}" for n in range(1, 7)),
    "table", "table.header", "table.cell", "table.caption", "figure.caption",
    "list", "blockquote", "paragraph", "sentence", "alt", "link", "quote", "attributed-quote",
    "frontmatter",
})
# kinds whose matches on one block do not depend on the rest of the document: these run on
# each scoped block's own text (as Vale does), so ``^``/``$`` anchor at the block's edges
BLOCKWISE_KINDS = frozenset({"existence", "substitution"})
# blocks whose paragraphs and sentences are not Vale's ``paragraph`` and ``sentence`` (Vale
# lints each of these as one block, and splits only running text)
VALE_NOT_PARAGRAPH = ("heading", "list", "table", "blockquote")
# names whose spans are blocks of text Vale would lint one at a time
BLOCK_NAMES = NAMES - WHOLE - {"quote", "attributed-quote", "link"}


# the blocks of running text Vale reads one at a time, for the kinds that compare words
# within a block (repetition, consistency)
TEXT_BLOCKS = ("paragraph", "heading", "list", "table")


def text_blocks(ctx: Context) -> list[Span]:
    """Every block of text (paragraphs, headings, list items, table cells), in order, merged
    where they nest; the whole view when the reader found none."""
    return merge([span for kind in TEXT_BLOCKS for span in ctx.spans(kind)]) or [
        (0, len(ctx.text))]


class ScopeError(ValueError):
    """A selector copydesk does not know; ``index`` is its place in the scope list."""

    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index


@dataclass(frozen=True, slots=True)
class Part:
    name: str  # one of NAMES, or frontmatter.<key>
    negated: bool = False
    formats: frozenset[str] = frozenset()  # copydesk formats it is limited to (empty: any)

    def applies(self, fmt: str) -> bool:
        return not self.formats or fmt in self.formats


Alternative = tuple[Part, ...]


def _part(text: str, index: int) -> Part:
    negated = text.startswith("~")
    body = text[1:].strip() if negated else text
    sections = body.split(".")
    if not body or any(not s for s in sections):
        raise ScopeError(f"unknown scope '{text}'", index)
    formats = frozenset(FORMATS[s] for s in sections if s in FORMATS)
    rest = [s for s in sections if s not in FORMATS and s != "text"]
    if "frontmatter" in rest:
        at = rest.index("frontmatter")
        keys = rest[:at] + rest[at + 1 :]
        if len(keys) > 1:
            raise ScopeError(f"unknown scope '{text}'", index)
        name = "frontmatter." + keys[0] if keys else "frontmatter"
    else:
        levels = [s for s in rest if len(s) == 2 and s[0] == "h" and s[1] in "123456"]
        if levels and set(rest) <= {"heading", *levels} and len(levels) == 1:
            name = f"heading.{levels[0]}"
        elif {"table", "figure"} & set(rest) and len(rest) == 2:
            name = ".".join(sorted(rest, key=lambda s: s not in ("table", "figure")))
        elif rest == ["attr", "alt"] or rest == ["alt", "attr"]:
            name = "alt"
        else:
            name = ".".join(rest) or "text"
        if name not in NAMES:
            raise ScopeError(f"unknown scope '{text}'", index)
    # a section naming only formats copydesk never reads: the part never applies
    return Part(name, negated, formats)


@lru_cache(maxsize=512)
def parse(scope: tuple[str, ...]) -> tuple[Alternative, ...]:
    """The alternatives of a rule's scope list (raises ScopeError on an unknown selector)."""
    out = []
    for i, entry in enumerate(scope):
        out.append(tuple(_part(p.strip(), i) for p in entry.split("&")))
    return tuple(out)


def _is_frontmatter(name: str) -> bool:
    return name == "frontmatter" or name.startswith("frontmatter.")


def is_vale_style(spec: RuleSpec) -> bool:
    """Is the rule one file of a Vale style folder (its scopes then mean what Vale's do, front
    matter included), not a rule of a copydesk pack file?"""
    return not spec.key_path and bool(spec.source_text)


def is_block(name: str) -> bool:
    """Is ``name`` a kind of block Vale lints one at a time (not the whole text, not a
    quotation or link inside a block)?"""
    return name in BLOCK_NAMES or _is_frontmatter(name)


class Filter:
    """Where a rule's findings may fall on one document: ``None`` from :func:`plan` means
    anywhere."""

    def __init__(self, alternatives: list[tuple[list[list[Span]], list[list[Span]]]]) -> None:
        self.alternatives = alternatives

    def allows(self, start: int, end: int) -> bool:
        for includes, excludes in self.alternatives:
            if all(inside(s, start, end) for s in includes) and not any(
                overlaps(s, start, end) for s in excludes
            ):
                return True
        return False


Names = tuple[str, ...]


@lru_cache(maxsize=1024)
def _static(scope: tuple[str, ...], fmt: str, vale: bool) -> tuple[tuple[Names, Names], ...] | None:
    """Per alternative that can hold on a file of format ``fmt``: the names a finding must be
    inside and those it must stay out of; ``None`` when some alternative holds everywhere."""
    out = []
    for alternative in parse(scope):
        inside_of: list[str] = []
        out_of: list[str] = []
        possible = True
        for part in alternative:
            if not part.applies(fmt):
                possible = possible and part.negated  # a negated part not for this format: no-op
            elif part.negated:
                possible = possible and part.name not in WHOLE
                out_of.append(part.name)
            elif part.name not in WHOLE:
                inside_of.append(part.name)
        # only the Markdown reader shows front-matter values
        if fmt == "markdown" and not vale and not any(map(_is_frontmatter, inside_of)):
            out_of.append("frontmatter")
        # Vale's paragraphs are those of running text: a list item, a table cell or a
        # blockquote is a block of its own kind, never split into paragraphs
        if vale and ("paragraph" in inside_of or "sentence" in inside_of):
            out_of.extend(name for name in VALE_NOT_PARAGRAPH if name not in inside_of)
        # and an image's alt text is a block of its own, in no heading, item or paragraph
        if vale and inside_of and "alt" not in inside_of:
            out_of.append("alt")
        if not possible:
            continue
        if not inside_of and not out_of:
            return None
        out.append((tuple(inside_of), tuple(out_of)))
    return tuple(out)


def plan(scope: tuple[str, ...], ctx: Context, vale: bool = False) -> Filter | None:
    """The document's filter for ``scope``; ``None`` when every finding is in scope.

    A rule of a Vale style (``vale``) gets Vale's meaning of two names: the front matter's
    values are ``text`` (a rule of copydesk's own pack format finds in them only under a scope
    that names them: ``frontmatter``, ``text.frontmatter.title``), and ``paragraph`` and
    ``sentence`` are those of running text, not of a heading, list item, table cell or
    blockquote; and an image's alt text is in ``text`` and ``alt`` only."""
    static = _static(scope, ctx.doc.format, vale)
    if static is None:
        return None
    kept = []
    for inside_of, out_of in static:
        includes = [ctx.spans(name) for name in inside_of]
        excludes = [spans for name in out_of if (spans := ctx.spans(name))]
        if not includes and not excludes:
            return None
        kept.append((includes, excludes))
    return Filter(kept)


@lru_cache(maxsize=1024)
def _block_names(scope: tuple[str, ...], fmt: str) -> Names | None:
    """The block names a blockwise rule runs on in a file of format ``fmt`` (the first
    positive part of each alternative that holds there), or ``None`` when an alternative is
    not made of blocks."""
    names: list[str] = []
    for alternative in parse(scope):
        named = [p for p in alternative if not p.negated]
        if not all(p.applies(fmt) for p in named):
            continue
        if not named or not all(is_block(p.name) for p in named):
            return None
        names.append(named[0].name)
    return tuple(names)


def blocks(scope: tuple[str, ...], ctx: Context) -> list[Span] | None:
    """The blocks a blockwise rule runs on, one at a time: the content of every block a
    positive part of the scope names (``None`` when an alternative is not made of blocks:
    the rule then runs on the whole view)."""
    names = _block_names(scope, ctx.doc.format)
    if names is None:
        return None
    return sorted({span for name in names for span in ctx.content_spans(name)})


def counted_spans(
    scope: tuple[str, ...], ctx: Context, length: int, vale: bool = False
) -> list[Span]:
    """The spans a counting rule (``occurrence``) counts in, one count each: the content of
    every block the first positive part of an alternative names; the whole text (``length``
    long) for an alternative that names no block (after the front matter, for a rule of
    copydesk's own pack format: see :func:`plan`). A negated part is left to the engine's
    filter, which drops a finding that falls where it excludes."""
    fmt = ctx.doc.format
    found: set[Span] = set()
    for alternative in parse(scope):
        named = [p for p in alternative if not p.negated]
        if not all(p.applies(fmt) for p in named):
            continue
        if not named or named[0].name in WHOLE:
            # the whole text, but for the front matter's values unless a Vale style's
            values = [] if vale or fmt != "markdown" else ctx.spans("frontmatter")
            found.add((values[-1][1] if values else 0, length))
        else:
            found.update(ctx.content_spans(named[0].name))
    return sorted(found)
