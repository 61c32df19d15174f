"""A press release speaks for its issuer (issue 14): its own figures need no other source.
Only the head or the foot of a file can make it a release."""

from __future__ import annotations

from copydesk.analysis.editorial import Editorial
from copydesk.text.document import build_document

BODY = "The company said demand was strong. " * 60  # about 2,100 characters of story
FIGURE = "Revenue rose 14% to $412.6 million in the quarter.\n"


def release(text: str) -> bool:
    return Editorial(build_document("story.txt", text)).press_release


def test_a_release_shows_itself_at_its_head_or_foot() -> None:
    assert release("SEATTLE, Oct. 30, 2019 /PRNewswire/ -- " + FIGURE + BODY + BODY)
    assert release(FIGURE + BODY + BODY + "\nMedia Contact: Dana Ruiz, dana@example.com\n")


def test_a_story_naming_a_release_wire_in_its_middle_is_not_one() -> None:
    text = BODY + "The figures were published on Business Wire on Monday. " + BODY + FIGURE
    assert not release(text)
