"""Hang guards for inline HTML in the readers (each case asserts only that reading ends well
inside a CPU-time ceiling, over 20× its cost on the machine that set it: a hang guard, never a
speed test, and that what was read is right):

- pairing tags with a class (the ``classed`` regions a Vale project's IgnoredClasses reads):
  thousands of open tags followed by thousands of end tags that close none of them once made
  every end tag search the whole stack (quadratic: 30 s and more on 400 KB);
- leaving inline markup out of the Markdown view: a run of comments or tags that the view
  could not leave out (it ends in something else) once tried every way of splitting the run
  (exponential: 2 s for 22 comments, hours for 40).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from copydesk.text.prose import ProseText
from copydesk.text.readers.parts.html_parser import read_html
from copydesk.text.readers.parts.markdown_events import read_markdown
from copydesk.text.regions import Region

N = 25_000  # open tags (about 400 KB with their end tags)
CEILING = 15.0  # CPU seconds


@pytest.mark.parametrize(("reader", "text"), [
    (read_html, "<p>" + "<span class=a>x" * N + "</b>" * N + "</p>"),
    (read_html, "<div class=z>" + "<span class=a>x" * N + "</div>" * N),
    (read_markdown, "Some " + '<span class="a">x ' * N + "</b> " * N),
    (read_markdown, "Some " + '<i class="a">x ' * N + "</i> " * N),
], ids=["html stray end tags", "html one end tag closes all", "md stray end tags",
        "md nested pairs"])
def test_many_open_and_end_tags_read_in_linear_time(
    reader: Callable[[str], tuple[ProseText, list[Region]]], text: str
) -> None:
    start = time.process_time()
    _, regions = reader(text)
    spent = time.process_time() - start
    assert spent < CEILING, f"{spent:.1f} s"
    classed = [r for r in regions if r.kind == "classed"]
    assert all(0 <= r.start < r.end <= len(text) for r in classed)
    if reader is read_html:  # every element with a class is a region, closed or not
        assert len(classed) == text.count("class=")


@pytest.mark.parametrize("unit", ["<!--x-->", "<br />", "<b>", "**`x`**"])
def test_a_long_run_of_inline_markup_before_a_stray_tag_is_read_at_once(unit: str) -> None:
    text = "Say " + unit * 2000 + '<span title="a>b">so</span> here.\n'
    start = time.process_time()
    prose, _ = read_markdown(text)
    spent = time.process_time() - start
    assert spent < CEILING, f"{spent:.1f} s"
    assert prose.text.startswith("Say ") and prose.text.rstrip().endswith("so here.")
