"""A document's context, and all that rules worked out on it, is freed as soon as the engine is
done with it: nothing it holds refers back to it, so freeing it never waits for the cyclic
collector (which a ``check`` run slows down on purpose, `cli/check.py`)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from copydesk.analysis import context
from copydesk.run.session import Session

STORY = (
    "# Council budget\n\n"
    "“We will not raise fares,” Mayor Dana Ruiz said on Tuesday. Critics say the plan is a "
    "so-called “fix”. Thousands of riders were affected, officials said, and 40% of buses "
    "ran late. Call 555-0100 or write to press@example.org.\n\n"
    "The council, many experts say, is the largest in the region.\n"
)


@pytest.fixture
def no_cyclic_collection() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.parametrize("path", ["story.md", "story.txt", "story.html"])
def test_contexts_are_freed_without_the_cyclic_collector(
    path: str, no_cyclic_collection: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[weakref.ref[context.Context]] = []
    build = context.Context.__init__

    def remember(self: context.Context, *args: object) -> None:
        build(self, *args)  # type: ignore[arg-type]
        made.append(weakref.ref(self))

    monkeypatch.setattr(context.Context, "__init__", remember)
    result = Session().check_text(path, STORY)
    assert result.violations  # the rules ran and worked things out on the document
    assert made and all(ref() is None for ref in made)
