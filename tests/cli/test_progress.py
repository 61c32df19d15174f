"""The progress line: only for a long run on a terminal, redrawn now and then, erased at the
end; never on a pipe, in CI or for a short run."""

from __future__ import annotations

import io

from copydesk.cli.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_long_run_on_a_terminal_shows_then_erases_its_progress() -> None:
    out, clock = Terminal(), Clock()
    progress = Progress(3, 3_000_000, out, clock)
    progress.advance(1_000_000)
    assert out.getvalue() == ""  # the first second: nothing
    clock.now += 1.5
    progress.advance(1_000_000)
    shown = "copydesk: 2/3 files, 2.0 of 3.0 MB"
    assert out.getvalue() == "\r" + shown
    clock.now += 0.05
    progress.advance(1_000_000)
    assert out.getvalue() == "\r" + shown  # not redrawn within a tenth of a second
    progress.close()
    assert out.getvalue() == "\r" + shown + "\r" + " " * len(shown) + "\r"


def test_nothing_on_a_pipe_or_for_a_short_run() -> None:
    pipe, clock = io.StringIO(), Clock()
    progress = Progress(2, 10, pipe, clock)
    clock.now += 5
    progress.advance(5)
    progress.close()
    assert pipe.getvalue() == ""
    out = Terminal()
    quick = Progress(2, 10, out, Clock())
    quick.advance(5)
    quick.advance(5)
    quick.close()
    assert out.getvalue() == ""
