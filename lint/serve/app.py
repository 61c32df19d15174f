"""The Starlette app of ``copydesk serve``: the page, its three endpoints and who may call them.

``GET /`` is the page (page.py). ``POST /api/check`` lints a text for the page: the annotated
view rendered here, in Python, from code-point offsets, with the json document and the counts.
``POST /api/fix`` lints the text again and applies one finding's fix (run/fixes.py), returning
the new text. ``POST /api/json`` is for other tools: exactly the ``json`` format's document.

Every request passes :func:`guarded`: its Host must name this machine (a page elsewhere that
rebinds its DNS name to 127.0.0.1 is refused), a POST from a page of another origin is refused
(another website cannot drive the local server), errors are one-line JSON, and every response
says ``nosniff``, no caching and no framing. Nothing is written to disk: texts live in memory
for one request and are not logged.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..core.model import FileResult
from ..run.session import Session
from . import page
from .limits import (
    Problem,
    Runner,
    decode_text,
    field,
    number,
    parse_json,
    problem_response,
    read_body,
)
from .linting import DEFAULT_FORMAT, Linter, Refused, formats
from .view import DOC_ID, counts, document, fragment

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
Endpoint = Callable[[Request], Awaitable[Response]]

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",  # the browser keeps no copy of a text either
    "Cross-Origin-Resource-Policy": "same-origin",
}


def csp(nonce: str) -> str:
    """Only this page's own inline script and style elements (by nonce), fetches to this
    server, nothing else loaded from anywhere. Style *attributes* are allowed: the shared
    renderer gives each mark its category's hue as ``style="--cd-hue:N"`` (a custom property;
    an attribute can run no script, and with nothing loadable a style cannot send anything)."""
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
            "style-src-attr 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class SecurityHeaders:
    """ASGI middleware: every response (a 404 and a 405 too) gets :data:`SECURITY_HEADERS`, and
    a CSP that allows nothing unless the endpoint set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if "content-security-policy" not in headers:
                    headers["Content-Security-Policy"] = "default-src 'none'"
            await send(message)

        await self.app(scope, receive, with_headers)


def _hostname(authority: str) -> str:
    return (urlsplit(f"//{authority}").hostname or "").lower()


def refusal(request: Request, hosts: frozenset[str] | None) -> str | None:
    """Why this request may not be served (None: it may)."""
    host = request.headers.get("host", "")
    if hosts is not None and _hostname(host) not in hosts:
        return f"Host {host!r} is not this server's (use http://127.0.0.1)"
    if request.method != "GET":
        origin = request.headers.get("origin")
        # a browser always sends Origin on a cross-origin POST; curl and scripts send none
        if origin is not None and urlsplit(origin).netloc.lower() != host.lower():
            return "cross-origin request refused"
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return "cross-site request refused"
    return None


def guarded(endpoint: Endpoint, hosts: frozenset[str] | None) -> Endpoint:
    async def serve(request: Request) -> Response:
        why = refusal(request, hosts)
        if why is not None:
            response: Response = problem_response(403, why)
        else:
            try:
                response = await endpoint(request)
            except Problem as exc:
                response = problem_response(exc.status, exc.message)
            except Exception as exc:  # a bug: one line, and nothing of the text (no message)
                response = problem_response(500, f"internal error ({type(exc).__name__})")
        return response

    return serve


class Endpoints:
    """The routes, over one :class:`Linter` and one :class:`Runner`."""

    def __init__(self, linter: Linter, runner: Runner) -> None:
        self.linter = linter
        self.runner = runner

    async def _lint(self, job: Callable[..., Any], *args: Any) -> Any:
        try:
            return await self.runner.run(job, *args)
        except Refused as exc:
            raise Problem(400, str(exc)) from None

    async def _request(self, request: Request) -> tuple[dict[str, Any], str, str, str]:
        data = parse_json(await read_body(request))
        return (data, field(data, "text"), field(data, "format", DEFAULT_FORMAT),
                field(data, "profile", ""))

    async def index(self, request: Request) -> Response:
        nonce = secrets.token_urlsafe(16)
        html = page.render(nonce, self.linter.profiles(), self.linter.configured_profile(),
                           formats())
        response = HTMLResponse(html)
        response.headers["Content-Security-Policy"] = csp(nonce)
        return response

    async def check(self, request: Request) -> Response:
        _, text, fmt, profile = await self._request(request)
        return JSONResponse(await self._lint(self.linter.view, text, fmt, profile, _shown))

    async def fix(self, request: Request) -> Response:
        data, text, fmt, profile = await self._request(request)
        finding = number(data, "finding")
        expect = {"rule": data.get("rule"), "offset": data.get("offset")}
        fixed, result = await self._lint(self.linter.fix, text, finding, fmt, profile, expect)
        v = result.violations[finding]
        return JSONResponse({"text": fixed, "rule": v.rule})

    async def json_document(self, request: Request) -> Response:
        """The json format's document: a JSON body ``{"text", "format", "profile"}``, or the
        text itself as the body with ``?format=`` and ``?profile=``."""
        if request.headers.get("content-type", "").split(";")[0].strip() == "application/json":
            _, text, fmt, profile = await self._request(request)
        else:
            text = decode_text(await read_body(request))
            fmt = request.query_params.get("format", DEFAULT_FORMAT)
            profile = request.query_params.get("profile", "")
        return JSONResponse(await self._lint(self.linter.view, text, fmt, profile, document))


def _shown(result: FileResult, session: Session) -> dict[str, Any]:
    """What the page receives for a result (in the worker thread, as the lint)."""
    doc = document(result, session)
    return {"html": fragment(result, session), "json": doc, "counts": counts(doc),
            "warnings": result.warnings, "doc_id": DOC_ID}


def create_app(linter: Linter, runner: Runner | None = None,
               hosts: frozenset[str] | None = LOOPBACK) -> Starlette:
    """The app. ``hosts``: the host names a request's Host header may give (None: any, for a
    server bound beyond this machine on purpose)."""
    ends = Endpoints(linter, runner or Runner())
    routes = [
        Route("/", guarded(ends.index, hosts), methods=["GET"]),
        # the browser asks for an icon: none, and no 404 in its console
        Route("/favicon.ico", lambda _: Response(status_code=204), methods=["GET"]),
        Route("/api/check", guarded(ends.check, hosts), methods=["POST"]),
        Route("/api/fix", guarded(ends.fix, hosts), methods=["POST"]),
        Route("/api/json", guarded(ends.json_document, hosts), methods=["POST"]),
    ]
    return Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)])
