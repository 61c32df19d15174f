"""``copydesk serve`` as a command: its help, a missing extra, a busy port, a real server that
answers and stops on Ctrl-C, and the other commands never loading the web stack."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from copydesk.cli import serve as serve_cli
from copydesk.cli.main import main


def test_help_names_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--host", "--port", "--config", "127.0.0.1", "8000"):
        assert option in out


@pytest.mark.parametrize("missing", ["uvicorn", "starlette"])
def test_a_missing_extra_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], missing: str
) -> None:
    # a None in sys.modules makes the import raise ImportError, as an absent package does
    for name in [m for m in sys.modules if m.split(".")[0] == missing] + [missing]:
        monkeypatch.setitem(sys.modules, name, None)
    for name in [m for m in sys.modules if m.startswith("copydesk.serve")]:
        monkeypatch.delitem(sys.modules, name)  # imported again, and failing
    assert serve_cli.run_serve("127.0.0.1", 0, None) == 2
    err = capsys.readouterr().err
    assert err.startswith("copydesk: error: copydesk serve needs the serve extra "
                          "(pip install 'copydesk[serve]')")
    assert err.count("\n") == 1


def test_a_busy_port_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert serve_cli.run_serve("127.0.0.1", port, None) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"copydesk: error: cannot listen on 127.0.0.1:{port}: ")
    assert err.count("\n") == 1


def test_a_broken_config_is_refused_before_listening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "house.yaml"
    bad.write_text("profile: tabloid\n", encoding="utf-8")
    assert serve_cli.run_serve("127.0.0.1", 0, str(bad)) == 2
    assert "unknown profile 'tabloid'" in capsys.readouterr().err


def test_a_real_server_answers_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    (tmp_path / ".copydesk.yaml").write_text("profile: opinion\n", encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "copydesk", "serve", "--port", "0"], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        found = re.match(r"copydesk serve: (http://127\.0\.0\.1:(\d+)/) \(Ctrl-C stops it", line)
        assert found, line
        url = found[1]
        page = httpx.get(url, timeout=10)
        assert page.status_code == 200 and "as configured (opinion)" in page.text
        # the folder's config is the default: opinion turns second person off
        text = "You should read this; ministers reportedly agreed.\n"
        doc = httpx.post(url + "api/json", json={"text": text}, timeout=30).json()
        rules = {v["rule"] for v in doc["files"][0]["violations"]}
        assert "weasel.reportedly" in rules and "style.second-person" not in rules
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().endswith("copydesk: interrupted")
    assert list(tmp_path.iterdir()) == [tmp_path / ".copydesk.yaml"]  # nothing written


def test_other_commands_never_load_the_web_stack() -> None:
    code = ("import sys; from copydesk.cli.main import main; main(['check', '--help']); "
            "sys.stderr.write(repr(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('starlette', 'uvicorn', 'httpx', 'anyio'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.stderr.strip() == "[]", done.stderr


def test_loopback_addresses_are_told_from_others() -> None:
    for host in ("127.0.0.1", "127.0.0.2", "localhost", "::1"):
        assert serve_cli._loopback(host)
    for host in ("0.0.0.0", "::", "192.168.1.20", "example.org"):
        assert not serve_cli._loopback(host)
