"""ClassedTags: start and end tags paired as a browser pairs them, spans for classed ones."""

from __future__ import annotations

from copydesk.text.readers.parts.classed_tags import ClassedTags


def test_an_end_tag_closes_its_element_and_all_left_open_inside_it() -> None:
    tags = ClassedTags()
    tags.start("div", 0, " box  wide ")
    tags.start("span", 5, "inner")
    tags.start("b", 9)  # no class: paired, never a span
    tags.end("i", 12)  # closes nothing: ignored
    tags.end("div", 20)
    assert tags.spans == [(0, 20, "box wide"), (5, 20, "inner")]
    assert tags.open == [] and not +tags.counts


def test_void_elements_never_open_and_forget_drops_what_is_open() -> None:
    tags = ClassedTags()
    tags.start("img", 0, "pic")
    assert tags.open == []
    tags.start("em", 3, "open")
    tags.forget()
    tags.end("em", 9)
    assert tags.spans == []
    tags.start("em", 10, "late")
    tags.end_all(15)
    assert tags.spans == [(10, 15, "late")]
