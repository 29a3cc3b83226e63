"""The real window: pywebview's Qt backend under a private Xvfb, driven from outside.

"The page loaded" is read from the server's access log: the home page's script fetches
/api/network and then the QR code of the join address, so seeing those requests means the
window ran the UI's JavaScript and built the join section. "It is on screen" is read from the
X display: a window titled PairPad, showing the QR code's finder squares. The window is closed
the way a window manager's close button does it.
"""

from __future__ import annotations

import re
import signal
import socket
import time

import httpx
import pytest

from server.messages import CloseCode
from tests.desktop.conftest import LaunchApp
from tests.desktop.launcher import ROOT, DesktopProcess, free_port, port_is_free
from tests.desktop.xserver import Xvfb, shows_solid_dark_square, x11
from tests.support.peers import Peer
from tests.support.server import HOST_HEADERS

pytestmark = pytest.mark.desktop

ARTIFACTS = ROOT / "test-artifacts"
# Qt WebEngine's first start on a 2-core CI machine takes a few seconds.
WINDOW_TIMEOUT = 60.0


def wait_until_home_page_loaded(app: DesktopProcess, port: int) -> float:
    """Seconds from launch until the window fetched the join address's QR code."""
    qr = re.escape(f"/api/qr.svg?text=http%3A%2F%2F127.0.0.1%3A{port}")
    app.wait_for_all(
        [
            # The window opens the host link (token redacted in the log), which lands on /;
            # only the host's console fetches /api/network, so the rest proves it is the host.
            r'"GET /host\?token=\[redacted\] HTTP/1\.1" 303',
            r'"GET / HTTP/1\.1" 200',
            r'"GET /assets/index-[\w-]+\.js HTTP/1\.1" 200',
            r'"GET /api/network HTTP/1\.1" 200',
            rf'"GET {qr} HTTP/1\.1" 200',
        ],
        timeout=WINDOW_TIMEOUT,
    )
    return time.monotonic() - app.started_at


def the_window(display: Xvfb) -> int:
    with x11(display.display) as x:
        windows = x.windows_titled("PairPad")
    assert len(windows) == 1, f"expected one window titled PairPad, found {windows}"
    return windows[0]


def close_window(display: Xvfb, window: int) -> None:
    with x11(display.display) as x:
        x.request_close(window)


def test_window_titled_pairpad_opens_on_the_home_page(launch: LaunchApp, x_display: Xvfb):
    port = free_port()
    app = launch("--host", "127.0.0.1", "--port", str(port), DISPLAY=x_display.display)
    assert app.wait_running(WINDOW_TIMEOUT) == port
    assert httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=10).json()["status"] == "ok"

    loaded_after = wait_until_home_page_loaded(app, port)
    window = the_window(x_display)
    with x11(x_display.display) as x:
        painted = x.wait_for_screen(
            lambda: shows_solid_dark_square(x_display.framebuffer()), WINDOW_TIMEOUT
        )
    painted_after = time.monotonic() - app.started_at
    x_display.screenshot(ARTIFACTS / "desktop-window.png")
    assert painted, "the window never showed the join address's QR code"
    print(f"page loaded {loaded_after:.1f}s, QR code on screen {painted_after:.1f}s after launch")

    close_window(x_display, window)
    assert app.wait_exit() == 0


async def test_closing_the_window_tells_participants_exits_0_and_frees_the_port(
    launch: LaunchApp, x_display: Xvfb
):
    port = free_port()
    app = launch("--host", "127.0.0.1", "--port", str(port), DISPLAY=x_display.display)
    app.wait_running(WINDOW_TIMEOUT)
    wait_until_home_page_loaded(app, port)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
        session = (await client.post("/api/sessions", headers=HOST_HEADERS)).json()["sessionId"]
    candidate = await Peer.connect(f"ws://127.0.0.1:{port}", session, "cand-1", "Candidate")
    await candidate.join()

    closed_at = time.monotonic()
    close_window(x_display, the_window(x_display))
    code, reason = await candidate.closed(timeout=10)
    assert app.wait_exit(timeout=10) == 0
    exit_seconds = time.monotonic() - closed_at
    print(f"process exited {exit_seconds:.2f}s after the close request")

    assert (code, reason) == (CloseCode.GOING_AWAY, "The host closed PairPad")
    assert exit_seconds < 5
    assert "PairPad stopped." in app.output()
    assert port_is_free(port)
    with x11(x_display.display) as x:
        assert x.windows_titled("PairPad") == []


def test_sigterm_closes_the_window_and_exits_0(launch: LaunchApp, x_display: Xvfb):
    app = launch("--host", "127.0.0.1", "--port", "0", DISPLAY=x_display.display)
    port = app.wait_running(WINDOW_TIMEOUT)
    wait_until_home_page_loaded(app, port)
    the_window(x_display)
    app.send_signal(signal.SIGTERM)
    assert app.wait_exit() == 0
    assert port_is_free(port)


def test_start_up_error_is_shown_in_a_window_and_exits_2(
    launch: LaunchApp, x_display: Xvfb, occupied_port: socket.socket
):
    taken = occupied_port.getsockname()[1]
    app = launch("--host", "127.0.0.1", "--port", str(taken), DISPLAY=x_display.display)
    # Printed for a console, and shown in a window for a double-click.
    app.wait_for(rf"^Port {taken} is already in use by another program\.")
    app.wait_for(r"desktop\.window: window loaded its page", timeout=WINDOW_TIMEOUT)
    close_window(x_display, the_window(x_display))
    assert app.wait_exit() == 2
