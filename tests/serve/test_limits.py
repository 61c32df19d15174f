"""The page's bounds: body size (however it is declared), bad bodies, lint time, lints at once."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
import uvicorn
from copydesk.cli.serve import _bind
from copydesk.serve import limits
from copydesk.serve.app import create_app
from copydesk.serve.limits import MAX_BODY, Problem, Runner
from copydesk.serve.linting import Linter
from starlette.testclient import TestClient

ORIGIN = "http://127.0.0.1:8000"
T = TypeVar("T")
BIG = b"x" * (MAX_BODY + 1)


def one_line_error(r: object, status: int, said: str) -> None:
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    error = r.json()["error"]  # type: ignore[attr-defined]
    assert said in error and "\n" not in error


@pytest.mark.parametrize("url", ["/api/check", "/api/json", "/api/fix"])
def test_a_body_over_the_limit_is_413(client: TestClient, url: str) -> None:
    one_line_error(client.post(url, content=BIG), 413, f"request body over {MAX_BODY} bytes")
    text = "a" * MAX_BODY  # the JSON around it takes it over
    one_line_error(client.post(url, json={"text": text}), 413, "request body over")


def test_a_body_under_the_limit_is_linted(client: TestClient) -> None:
    text = "The firm recently retired two ferries.\n" * 20_000  # ~780 KB
    r = client.post("/api/json", content=text.encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 200 and r.json()["summary"]["violations"] >= 1


def test_a_lying_content_length_is_counted_not_believed(client: TestClient) -> None:
    # the header says 10 bytes; the stream carries more than the limit
    r = client.post("/api/json", content=BIG, headers={"content-length": "10"})
    one_line_error(r, 413, "request body over")
    r = client.post("/api/json", content=BIG, headers={"content-length": "ten"})
    one_line_error(r, 400, "Content-Length is not a number")


def test_a_chunked_body_without_a_length_is_counted(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"y" * 65536  # 2.5 MB in all, no Content-Length

    one_line_error(client.post("/api/json", content=chunks()), 413, "request body over")


def test_a_body_that_trickles_in_is_408(
    served_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a real server and a raw socket: the test client would read the whole body first
    monkeypatch.setattr(limits, "READ_SECONDS", 0.3)
    sock = _bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(create_app(Linter(served_folder)),
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.02)
        port = sock.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
            client.sendall(f"POST /api/json HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                           "Content-Length: 100\r\n\r\nfive ".encode())
            started = time.monotonic()
            answer = ""
            while "}" not in answer:  # the head and the body may come in two reads
                got = client.recv(65536).decode()
                assert got, answer
                answer += got
        assert time.monotonic() - started < 5
        assert answer.startswith("HTTP/1.1 408 ")
        assert '{"error":"request body took over 0.3 s to arrive"}' in answer
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def test_bad_bodies_are_400_with_one_line(client: TestClient) -> None:
    cases = [
        (b'{"text": "caf\xe9"}', "not valid UTF-8 (byte 0xe9 at byte offset 13)"),
        (b'{"text": ', "not valid JSON (Expecting value at character 9)"),
        (b'["text"]', "body must be a JSON object"),
        (json.dumps({"text": "\ud800 lone"}).encode(), "'text' holds a lone surrogate"),
        (b'{"text": "x", "profile": ["news"]}', "'profile' must be a string"),
    ]
    for url in ("/api/check", "/api/json", "/api/fix"):
        for body, said in cases:
            r = client.post(url, content=body, headers={"content-type": "application/json"})
            one_line_error(r, 400, said)
    raw = client.post("/api/json", content=b"caf\xe9", headers={"content-type": "text/plain"})
    one_line_error(raw, 400, "not valid UTF-8 (byte 0xe9 at byte offset 3)")


def test_a_lint_past_its_deadline_is_503(served_folder: Path) -> None:
    slow = Runner(workers=1, waiting=0, seconds=0.001)
    with TestClient(create_app(Linter(served_folder), slow), base_url=ORIGIN) as client:
        text = "Ministers reportedly said the ferry was recently retired. " * 3_000
        one_line_error(client.post("/api/json", json={"text": text}), 503, "linting took over")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` in a thread of its own (Playwright's sync API, when the browser tests
    run in this process, keeps an event loop running in the main thread)."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def test_the_runner_bounds_time_and_queue() -> None:
    runner = Runner(workers=1, waiting=1, seconds=0.2)
    release = threading.Event()

    async def scenario() -> list[object]:
        first = asyncio.ensure_future(runner.run(release.wait, 5))
        await asyncio.sleep(0.05)
        second = asyncio.ensure_future(runner.run(lambda: "queued"))
        await asyncio.sleep(0.05)
        with pytest.raises(Problem) as busy:  # one running, one waiting: the third is refused
            await runner.run(lambda: "third")
        assert busy.value.status == 503 and "busy" in busy.value.message
        outcomes = await asyncio.gather(first, second, return_exceptions=True)
        release.set()
        return outcomes

    started = time.monotonic()
    first, second = run(scenario())
    assert time.monotonic() - started < 2  # nobody waited for the stuck lint
    assert isinstance(first, Problem) and first.status == 503
    assert "linting took over 0.2 s" in first.message
    assert isinstance(second, Problem) and second.status == 503  # never got a worker in time
    # once the stuck lint ends, its worker and its place in the queue are free again
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            assert run(runner.run(lambda: "done")) == "done"
            break
        except Problem:
            time.sleep(0.05)
    else:
        pytest.fail("the runner never freed its worker")
    runner.close()
