"""The launcher as a user starts it, without a window: ``python -m desktop …`` in a subprocess.

No display is given to these processes (the fixture removes DISPLAY), which is also how a
server without a screen runs PairPad.
"""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from desktop.addresses import join_urls
from server import __version__
from server.network import system_addresses
from tests.desktop.conftest import LaunchApp
from tests.desktop.launcher import ROOT, port_is_free
from tests.support.server import HOST_TOKEN


def health(port: int) -> dict[str, object]:
    response = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=10)
    response.raise_for_status()
    body: dict[str, object] = response.json()
    return body


def test_version_flag_prints_the_version():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert result.stdout.strip() == f"PairPad {__version__}"


def test_no_window_serves_without_a_display_and_prints_the_join_addresses(
    launch: LaunchApp, tmp_path: Path
):
    # The default host (every interface) is what candidates need; the test only talks to
    # 127.0.0.1.
    app = launch("--no-window", "--port", "0")
    port = app.wait_running()
    expected = join_urls("0.0.0.0", port, system_addresses())
    if expected:
        app.wait_for(rf"^Candidates join at {re.escape(expected[0])}$")
    else:
        app.wait_for(r"^No network address found yet")
    console = app.wait_for(r"^Interviewer console: (http://127\.0\.0\.1:\d+/host\?token=\S+)$")
    assert console[1] == f"http://127.0.0.1:{port}/host?token={HOST_TOKEN}"
    assert health(port)["status"] == "ok"
    assert httpx.get(console[1]).status_code == 303  # the link works: it sets the host cookie

    app.send_signal(signal.SIGINT)
    assert app.wait_exit() == 0
    assert "PairPad stopped." in app.output()
    assert "Traceback" not in app.output()
    # A windowed app has no console: the same sentences are in the log file.
    log = (tmp_path / "state" / "PairPad" / "log" / "pairpad.log").read_text()
    assert f"PairPad is running at http://127.0.0.1:{port}" in log
    assert "GET /api/health" in log  # uvicorn's access log goes there too
    assert "GET /host?token=[redacted]" in log
    assert HOST_TOKEN not in log, "the token is shown on the console, never kept in the log"


def test_sigterm_stops_the_server_with_exit_0_and_frees_the_port(launch: LaunchApp):
    app = launch("--no-window", "--host", "127.0.0.1", "--port", "0")
    port = app.wait_running()
    app.wait_for(r"^Only this computer can join: PairPad listens on 127\.0\.0\.1\.")
    app.send_signal(signal.SIGTERM)
    assert app.wait_exit() == 0
    assert port_is_free(port)


def test_taken_default_port_moves_to_the_next_free_one_and_says_which(
    launch: LaunchApp, occupied_port: socket.socket
):
    taken = occupied_port.getsockname()[1]
    # No --port: PAIRPAD_PORT (like the built-in 8000) is a preference, not a demand.
    app = launch("--no-window", "--host", "127.0.0.1", PAIRPAD_PORT=str(taken))
    moved = app.wait_for(rf"^Port {taken} is in use, so PairPad is using port (\d+)\.$")
    port = int(moved.group(1))
    assert taken < port <= taken + 20
    assert app.wait_running() == port
    assert health(port)["status"] == "ok"
    app.send_signal(signal.SIGTERM)
    assert app.wait_exit() == 0


def test_taken_explicit_port_is_a_one_line_error_and_exit_code_2(
    launch: LaunchApp, occupied_port: socket.socket
):
    taken = occupied_port.getsockname()[1]
    app = launch("--no-window", "--host", "127.0.0.1", "--port", str(taken))
    assert app.wait_exit() == 2
    lines = app.output().splitlines()
    assert lines == [
        f"Port {taken} is already in use by another program. Close it, or start PairPad "
        "with another port (--port)."
    ]


def test_invalid_environment_setting_is_a_one_line_error(launch: LaunchApp):
    app = launch("--no-window", PAIRPAD_MAX_ROOMS="many")
    assert app.wait_exit() == 2
    (line,) = app.output().splitlines()
    assert line.startswith("Invalid setting: PAIRPAD_MAX_ROOMS: ")


def _unused_display() -> str:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return f":{number}"
    raise AssertionError("no unused X display number")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is an X11 matter")
@pytest.mark.parametrize(
    ("case", "reason"),
    [("no DISPLAY", "there is no display"), ("dead DISPLAY", "the display :\\d+ cannot be used")],
)
def test_without_a_gui_backend_it_says_so_opens_the_browser_and_keeps_serving(
    launch: LaunchApp, tmp_path: Path, case: str, reason: str
):
    opened = tmp_path / "browser-opened"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\necho "$1" > "{opened}"\n')
    browser.chmod(0o755)
    # webbrowser honours $BROWSER; this one records the URL instead of starting a browser.
    display = {"DISPLAY": _unused_display()} if case == "dead DISPLAY" else {}
    app = launch("--host", "127.0.0.1", "--port", "0", BROWSER=str(browser), **display)
    port = app.wait_running()
    # The interviewer's console: the host link, which the browser turns into the host cookie.
    url = f"http://127.0.0.1:{port}/host?token={HOST_TOKEN}"
    app.wait_for(
        rf"^PairPad cannot open its window here \({reason}\), so it opened the interviewer "
        r"console in your web browser instead; press Ctrl\+C to stop\.$"
    )
    assert opened.read_text().strip() == url
    assert HOST_TOKEN not in app.output(), "the token is in the link opened, not in the log"
    assert health(port)["status"] == "ok"  # still serving
    app.send_signal(signal.SIGTERM)
    assert app.wait_exit() == 0
