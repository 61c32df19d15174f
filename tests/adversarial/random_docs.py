"""Random HTML, Markdown and plain-text documents for the reader crash hunt (issue 15, item 8).

Each generator takes a ``random.Random`` and returns a document built from the pieces that
have broken readers before or might: nested and misnested tags, unclosed elements, entities
good and bad, non-breaking spaces, every line ending (LF, CRLF, lone CR), form feeds, tabs,
zero-width and bidi marks, combining marks, emoji and U+FFFD, and the plain-text layouts the
text reader tells apart (hard wraps, indents, Q./A. transcripts, numbered court lines, tables).
The property test drives them with Hypothesis's ``randoms()``, so a failure shrinks;
``fuzz.py`` runs a seeded batch through every built-in rule.
"""

from __future__ import annotations

import random
from collections.abc import Callable

WORDS = (
    "the council said mayor Ruiz budget residents about percent million according to report "
    "critics say experts officials claimed boasted allegedly TK source longest best very "
    "Okafor told reporters on Tuesday it’s don't Q A court witness Mr. Dr. U.S. e.g."
).split()
ODD = [
    "\u00a0", "\u200b", "\u200f", "\u202e", "\u0301", "e\u0301", "\ufffd", "😀", "👩‍👩‍👧",
    "\t", "\f", "\v", "\u2028", "\u2029", "\u0085", "…", "—", "–", "“", "”", "‘", "’", '"', "'",
    "«", "»", "(", ")", "[", "]", "$48 million", "31%", "2,400", "7-2", "2019", "(source)",
    "TK", "[citation needed]", "555-0100", "x@example.com", "\u00ad", "\ufeff", "\x1b", "\x7f",
]
ENDINGS = ("\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r")
ENTITIES = (
    "&nbsp;", "&amp;", "&#x2019;", "&#8220;", "&#8221;", "&rsquo;", "&ldquo;", "&rdquo;",
    "&bogus;", "&#xZZ;", "&#;", "&#x110000;", "&#0;", "&#xD800;", "&amp", "&nbsp", "&#39",
    "&", "&#x1F600;", "&hellip;", "&mdash;", "&lt;p&gt;", "&NotANamedOne;",
)


def _word(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(ODD)
    return rng.choice(WORDS)


def sentence(rng: random.Random) -> str:
    words = [_word(rng) for _ in range(rng.randint(0, 12))]
    text = " ".join(words)
    if words and rng.random() < 0.7:
        text = text[:1].upper() + text[1:]
    if rng.random() < 0.3:
        text = rng.choice(["“", '"', "‘", "'"]) + text + rng.choice(["”", '"', "’", "'", ""])
    return text + rng.choice([".", ".", "?", "!", "", ":", "...", ".”", "?”", ";"])


def prose(rng: random.Random, most: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(0, most)))


# -- HTML -------------------------------------------------------------------------------------

BLOCKS = ("p", "pre", "div", "blockquote", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5",
          "h6", "section", "code", "li", "tr", "td", "th")
INLINE = ("a", "em", "strong", "span", "code", "b", "i")


def _html_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 4)):
        r = rng.random()
        if r < 0.25:
            parts.append(rng.choice(ENTITIES))
        elif r < 0.35:
            parts.append(rng.choice(ENDINGS))
        elif r < 0.45:
            parts.append(rng.choice(ODD))
        else:
            parts.append(sentence(rng))
        if rng.random() < 0.5:
            parts.append(rng.choice([" ", "", "\u00a0", "\n"]))
    return "".join(parts)


def _html_misc(rng: random.Random) -> str:
    return rng.choice([
        "<br>", "<br/>", "<hr>", "<!-- a comment -->", "<!-- unclosed", "<!---->",
        "<!DOCTYPE html>",
        "<![CDATA[x]]>", "<![alt", "<!DOCTYPE x [", "<?php echo 1 ?>", "</p>", "</li>", "</td>",
        "</div>", "</pre>", "</a>", "</em>", "<script>var a = '<p>';</script>",
        "<style>p { color: red }</style>", "<script>", "<style>", "<p", "< p>", "<a href=\"x",
        "<img alt='x'>", "</>", "<", ">", "</body>", "</html>", "<html>", "<body>",
        "<title>T</title>", "<textarea>a<p>b</textarea>", "<p/>", "<P>", "</P>",
    ])


def _html_node(rng: random.Random, depth: int) -> str:
    r = rng.random()
    if depth <= 0 or r < 0.3:
        return _html_text(rng)
    if r < 0.4:
        return _html_misc(rng)
    tag = rng.choice(INLINE) if r < 0.55 else rng.choice(BLOCKS)
    if rng.random() < 0.1:
        tag = tag.upper()
    attrs = rng.choice(["", "", ' class="x"', " href='y'", " title=\"a &amp; b\"", " data-x"])
    inner = "".join(_html_node(rng, depth - 1) for _ in range(rng.randint(0, 3)))
    closing = rng.random()
    if closing < 0.7:
        end = f"</{tag}>"
    elif closing < 0.85:
        end = ""  # left open
    else:
        end = f"</{rng.choice(BLOCKS + INLINE)}>"  # misnested
    return f"<{tag}{attrs}>{inner}{end}"


def html_document(rng: random.Random) -> str:
    body = "".join(_html_node(rng, rng.randint(1, 5)) for _ in range(rng.randint(1, 6)))
    if rng.random() < 0.3:
        body = f"<!DOCTYPE html><html><head><title>x</title></head><body>{body}</body></html>"
    return _line_endings(rng, body)


# -- Markdown ---------------------------------------------------------------------------------


def _md_inline(rng: random.Random) -> str:
    text = prose(rng, 3)
    for _ in range(rng.randint(0, 3)):
        text += " " + rng.choice([
            "*em*", "**strong**", "_u_", "`code`", "``a ` b``", "[link](http://x.org)", "[empty]()",
            "[ref][1]", "![img](a.png)", "<http://auto.link>", "\\*", "\\", "&amp;", "&nbsp;",
            "<em>html</em>", "<br>", "[^1]", "~~del~~", "*unclosed", "`unclosed", "[", "](", "<!--",
            "&#x2019;", "a  \nb", "\\\n",
        ])
    return text


def _md_block(rng: random.Random, depth: int) -> str:
    r = rng.random()
    inline = _md_inline(rng)
    if r < 0.2 or depth <= 0:
        return inline
    if r < 0.3:
        return "#" * rng.randint(1, 7) + rng.choice([" ", "", "\t"]) + inline
    if r < 0.35:
        return inline + "\n" + rng.choice(["===", "---", "-"])
    if r < 0.5:
        marker = rng.choice(["- ", "* ", "+ ", "1. ", "2) ", "-", "10. "])
        indent = " " * rng.randint(0, 6)
        items = [indent + marker + _md_block(rng, depth - 1).replace("\n", "\n  ")
                 for _ in range(rng.randint(1, 3))]
        return "\n".join(items)
    if r < 0.6:
        inner = _md_block(rng, depth - 1)
        return "\n".join(rng.choice(["> ", ">", "> > "]) + line for line in inner.split("\n"))
    if r < 0.68:
        fence = rng.choice(["```", "~~~", "````"])
        close = rng.choice([fence, "", "```"])
        return f"{fence}{rng.choice(['', 'python'])}\n{prose(rng)}\n{close}"
    if r < 0.72:
        return "    " + prose(rng)
    if r < 0.8:
        row = "| " + " | ".join(_md_inline(rng)[:20] for _ in range(rng.randint(1, 3))) + " |"
        return "\n".join([row, "|---|---|", row, row[: rng.randint(0, len(row))]])
    if r < 0.85:
        return rng.choice(["---", "***", "___", "<div>\n" + prose(rng) + "\n</div>", "[1]: http://x",
                           # blocks with no word in them: a heading or paragraph of nothing
                           "#", "## ", "&nbsp;", "\u00a0", "# &nbsp;", "\u200b", "<!-- -->"])
    if r < 0.9:
        return "[^1]: " + prose(rng)
    return _html_node(rng, 2)


def markdown_document(rng: random.Random) -> str:
    blocks = [_md_block(rng, rng.randint(1, 3)) for _ in range(rng.randint(1, 8))]
    text = "\n\n".join(blocks)
    if rng.random() < 0.2:
        head = ["---\ntitle: x\n---\n", "---\n: bad\n---\n", "---\n", "+++\na = 1\n+++\n"]
        text = rng.choice(head) + text
    return _line_endings(rng, text)


# -- plain text -------------------------------------------------------------------------------


def _wrapped(rng: random.Random, width: int, indent: str = "") -> str:
    words = prose(rng, 6).split(" ")
    lines, line = [], indent
    for w in words:
        if len(line) + len(w) + 1 > width and line.strip():
            lines.append(line)
            line = ""
        line += (" " if line and not line.isspace() else "") + w
    lines.append(line)
    return "\n".join(lines)


def _court(rng: random.Random) -> str:
    out, n = [], 1
    for _ in range(rng.randint(8, 30)):
        label = rng.choice(["Q.   ", "A.   ", "THE COURT:  ", "MS. ALDERTON:  ", "",
                            "(Witness sworn.)", "BY MS. ALDERTON:", "DIRECT EXAMINATION", ""])
        margin, gap = rng.choice(["", " ", "  "]), rng.choice(["    ", "\t", " "])
        out.append(f"{margin}{n}{gap}{label}" + sentence(rng))
        n += 1
        if n > 25 or rng.random() < 0.05:
            out.append(rng.choice(["", "   12", "\f", "Page 3"]))
            n = rng.choice([1, 1, 30, 99])
    return "\n".join(out)


def _text_block(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.25:
        return _wrapped(rng, rng.randint(20, 80), rng.choice(["", "  ", "     ", "\t"]))
    if r < 0.35:
        return "\n".join(rng.choice(["Q. ", "A. ", "Q: ", "HOST: ", "Q.", "A.  "]) + sentence(rng)
                         for _ in range(rng.randint(2, 8)))
    if r < 0.45:
        return _court(rng)
    if r < 0.55:
        cols = rng.randint(2, 4)
        return "\n".join(rng.choice([" " * rng.randint(2, 8), "\t", " | "]).join(
            rng.choice([*WORDS, "12", "3.4", "$5", "—"]) for _ in range(cols))
            for _ in range(rng.randint(2, 6)))
    if r < 0.65:
        return rng.choice([
            "BC-Port-Strike 2ndLd-Writethru 03-04 0512", "By JANE DOE", "Associated Press Writer",
            "-0-", "-30-", "MORE", "(Reporting by Jane Doe; Editing by Joe Bloggs)",
            "LISBON, Portugal (Reuters) - ", "CITY HALL VOTES", "Editor's note: " + sentence(rng),
            "Quote: " + sentence(rng), "###", "* * *",
        ]) + rng.choice(["", prose(rng, 2)])
    if r < 0.75:
        return "".join(rng.choice(ODD) + rng.choice(["", " ", sentence(rng)])
                       for _ in range(rng.randint(1, 6)))
    return prose(rng, 5)


def text_document(rng: random.Random) -> str:
    seps = ["\n\n", "\n", "\n\n\n", "\n \n", "\f", "\n\f\n", "\n\t\n"]
    text = ""
    for _ in range(rng.randint(1, 8)):
        text += _text_block(rng) + rng.choice(seps)
    if rng.random() < 0.5:
        text = text.rstrip("\n")
    return _line_endings(rng, text)


def _line_endings(rng: random.Random, text: str) -> str:
    """The text with its line ends rewritten to one style, or left mixed."""
    r = rng.random()
    if r < 0.5:
        return text
    if r < 0.7:
        return text.replace("\n", "\r\n")
    if r < 0.85:
        return text.replace("\n", "\r")
    return "".join(rng.choice(("\n", "\r\n", "\r")) if c == "\n" else c for c in text)


GENERATORS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "html": ("doc.html", html_document),
    "markdown": ("doc.md", markdown_document),
    "text": ("doc.txt", text_document),
}

