"""A progress line on standard error for a long run on a terminal (100 MB take ~20 s).

Nothing is shown for a run that ends within :data:`AFTER_SECONDS`, nor when standard error is
not a terminal (CI logs, pipes, ``--quiet``): a pre-commit run on one file never prints one. The
line is redrawn at most :data:`EVERY_SECONDS` and erased when the run ends, so the report that
follows starts on a clean line.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

AFTER_SECONDS = 1.0  # a run shorter than this shows no progress
EVERY_SECONDS = 0.1  # redraws at most this often


class Progress:
    def __init__(
        self, files: int, nbytes: int, stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.files, self.nbytes = files, nbytes
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.shown_at = 0.0
        self.done_files = self.done_bytes = 0
        self.width = 0  # of the line on screen (0: none)
        self.on = self.stream is not None and _is_terminal(self.stream)

    def advance(self, nbytes: int) -> None:
        """One more file done, of ``nbytes`` bytes."""
        self.done_files += 1
        self.done_bytes += nbytes
        if not self.on:
            return
        now = self.clock()
        if now - self.started < AFTER_SECONDS or now - self.shown_at < EVERY_SECONDS:
            return
        self.shown_at = now
        line = (f"copydesk: {self.done_files:,}/{self.files:,} files, "
                f"{self.done_bytes / 1e6:,.1f} of {self.nbytes / 1e6:,.1f} MB")
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        """Erase the line, if one is shown."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        return False
