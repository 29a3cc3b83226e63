"""Fixtures for the desktop launcher: the app in a subprocess, and a private X display."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.desktop.launcher import DesktopProcess, app_environment
from tests.desktop.xserver import Xvfb, xdamage_path, xlib_path, xvfb_path
from tests.support.prerequisites import require

LaunchApp = Callable[..., DesktopProcess]


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[LaunchApp]:
    """``launch("--no-window", DISPLAY=":3")``: the app with these flags and extra variables,
    its logs under this test's tmp_path, no display unless given; stopped afterwards."""
    started: list[DesktopProcess] = []

    def start(*args: str, **env: str) -> DesktopProcess:
        app = DesktopProcess(args, app_environment(tmp_path / "state", **env)).start()
        started.append(app)
        return app

    yield start
    for app in started:
        app.kill()


@pytest.fixture
def occupied_port() -> Iterator[socket.socket]:
    """A port another program listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock


@pytest.fixture(scope="session")
def x_display() -> Iterator[Xvfb]:
    """One Xvfb for the session's window tests (the app's windows close with each test)."""
    require(xvfb_path() is not None, "Xvfb (apt install xvfb xauth)")
    require(xlib_path() is not None, "libX11 (apt install libx11-6)")
    require(xdamage_path() is not None, "libXdamage (apt install libxdamage1)")
    server = Xvfb().start()
    yield server
    server.stop()
