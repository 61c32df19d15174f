"""The page's bounds: how much a request may send, how long a lint may take, how many at once.

README "Hostile input" holds here too: a body is read through a counter and refused (413) past
:data:`MAX_BODY` whatever its Content-Length says; a body that is not UTF-8 or not the JSON
expected is a 400 with one line; a lint runs in a worker thread and a request waits for it
:data:`LINT_SECONDS` at most (503). A thread cannot be killed, so a lint past its deadline goes
on in the background, still holding its worker: with :data:`MAX_LINTS` workers and at most
:data:`MAX_WAITING` requests queued behind them, a flood of slow texts costs the machine two
cores and gets 503s, never an unbounded queue. (The engine bounds each pack regex and each
reader itself; this deadline is the last line.)
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse

MAX_BODY = 2 * 1024 * 1024  # bytes of one request body: a long feature is ~100 KB
READ_SECONDS = 30.0  # for a body to arrive (a client that trickles it holds a connection)
LINT_SECONDS = 10.0  # what a request waits for its lint
MAX_LINTS = 2  # lints running at once (worker threads)
MAX_WAITING = 8  # requests waiting for a worker; beyond them, 503 at once

T = TypeVar("T")


class Problem(Exception):
    """A request refused with ``status`` and a one-line ``message`` (sent as JSON)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def problem_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The body, counted as it arrives: 413 past ``limit`` bytes, whether Content-Length says
    so up front, says less than is sent, or is absent (chunked); 408 when it takes longer than
    :data:`READ_SECONDS` to arrive."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise Problem(400, "Content-Length is not a number")
        if int(declared) > limit:
            raise Problem(413, f"request body over {limit} bytes")
    parts: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(READ_SECONDS):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise Problem(413, f"request body over {limit} bytes")
                parts.append(chunk)
    except TimeoutError:
        raise Problem(408, f"request body took over {READ_SECONDS:g} s to arrive") from None
    return b"".join(parts)


def decode_text(body: bytes) -> str:
    """UTF-8 (a BOM dropped, as files are read), else 400 naming the first bad byte."""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Problem(400, f"body is not valid UTF-8 (byte 0x{body[exc.start]:02x} at byte "
                           f"offset {exc.start})") from None


def parse_json(body: bytes) -> dict[str, Any]:
    """A JSON object, else 400 with one line."""
    try:
        data = json.loads(decode_text(body))
    except json.JSONDecodeError as exc:
        raise Problem(400, f"body is not valid JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(data, dict):
        raise Problem(400, "body must be a JSON object")
    return data


def field(data: dict[str, Any], name: str, default: str | None = None) -> str:
    """A string field of the request; a text must also be encodable (JSON can carry a lone
    surrogate, ``"\\ud800"``, which no file can hold)."""
    value = data.get(name, default)
    if value is None:
        raise Problem(400, f"'{name}' is missing")
    if not isinstance(value, str):
        raise Problem(400, f"'{name}' must be a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Problem(400, f"'{name}' holds a lone surrogate (not text)") from None
    return value


def number(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise Problem(400, f"'{name}' must be an integer")
    return value


class Runner:
    """Lints in worker threads, each request waiting ``seconds`` at most (see the module)."""

    def __init__(self, workers: int = MAX_LINTS, waiting: int = MAX_WAITING,
                 seconds: float = LINT_SECONDS) -> None:
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="copydesk-lint")
        self.limit = workers + waiting
        self.seconds = seconds
        self._count = 0  # submitted and not yet finished (a timed-out lint still counts)
        self._lock = threading.Lock()

    def _done(self, _: object) -> None:
        with self._lock:
            self._count -= 1

    async def run(self, job: Callable[..., T], *args: Any) -> T:
        with self._lock:
            if self._count >= self.limit:
                raise Problem(503, "the linter is busy: try again in a moment")
            self._count += 1
        future = self.pool.submit(job, *args)
        future.add_done_callback(self._done)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.seconds)
        except TimeoutError:
            future.cancel()  # when it has not started; a running lint ends on its own
            raise Problem(503, f"linting took over {self.seconds:g} s: "
                               "try a shorter text") from None

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
