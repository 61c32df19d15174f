"""``copydesk serve``: the page on a local address, served by uvicorn until Ctrl-C.

This module loads with the command line, so it imports nothing at the top that the other
commands do not: Starlette and uvicorn (the ``serve`` extra) come in when the command runs.
The socket is bound here, before uvicorn starts, so a busy port is one line and exit 2
(uvicorn would log and exit 1), and ``--port 0`` prints the port the system chose. Ctrl-C
stops uvicorn gracefully; the command line then answers it as every command does
(``copydesk: interrupted``, exit 130).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    import socket

EXTRA_HINT = "pip install 'copydesk[serve]'"
MAX_CONNECTIONS = 32  # open at once; the lints themselves are capped in serve/limits.py


def _loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback: only this machine can open the page).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port, printed).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this config file instead of the one nearest the current folder.")
def serve_command(host: str, port: int, config_file: str | None) -> None:
    """Serve a local page where you paste or open a story and see it checked as you edit."""
    sys.exit(run_serve(host, port, config_file))


def run_serve(host: str, port: int, config_file: str | None) -> int:
    from ..core.errors import CopydeskError

    try:
        import uvicorn

        from ..serve.app import LOOPBACK, create_app
        from ..serve.linting import Linter
    except ImportError as exc:
        click.echo(f"copydesk: error: copydesk serve needs the serve extra ({EXTRA_HINT}): "
                   f"{exc}", err=True)
        return 2
    try:
        linter = Linter(Path.cwd(), config_file)
        linter.check("", "markdown")  # a broken config fails here; the packs load once
    except CopydeskError as exc:
        click.echo(f"copydesk: error: {exc}", err=True)
        return 2
    try:
        sock = _bind(host, port)
    except OSError as exc:
        click.echo(f"copydesk: error: cannot listen on {host}:{port}: "
                   f"{exc.strerror or exc}", err=True)
        return 2
    # a loopback server answers only to this machine's names (a DNS-rebinding page cannot
    # reach it); one bound to a wider address on purpose answers to any Host
    hosts = LOOPBACK | {host} if _loopback(host) else None
    if hosts is None:
        click.echo(f"copydesk: warning: listening on {host}, not loopback: anyone who can reach "
                   "this machine can use the page", err=True)
    app = create_app(linter, hosts=hosts)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"copydesk serve: http://{shown}:{bound}/ (Ctrl-C stops it; nothing is stored)",
               err=True)
    # no access log (nothing of a request is kept), a cap on open connections (503 past it)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            limit_concurrency=MAX_CONNECTIONS, timeout_graceful_shutdown=2,
                            server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
    return 0
