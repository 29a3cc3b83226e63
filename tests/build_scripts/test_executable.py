"""The built executable itself, launched: a build nobody runs breaks silently (a missing data
file, an import string, a Qt plugin)."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import httpx
import pytest
from PyInstaller.archive.readers import CArchiveReader
from websockets.asyncio.client import connect

from tests.desktop.launcher import DesktopProcess, app_environment, free_port, port_is_free
from tests.desktop.xserver import Xvfb, light_share, shows_solid_dark_square, x11
from tests.support.server import HOST_HEADERS

# The build is part of the first test's set-up: minutes on a busy 2-core machine.
pytestmark = [pytest.mark.executable, pytest.mark.timeout(900)]

# Unpacking ~200 MB and starting Qt WebEngine on a 2-core CI machine takes a while.
START_TIMEOUT = 90.0


def launch(executable: Path, tmp_path: Path, *args: str, **env: str) -> DesktopProcess:
    # The one-file executable unpacks into TMPDIR; a private one shows what it leaves behind.
    unpack_dir = tmp_path / "tmp"
    unpack_dir.mkdir(exist_ok=True)
    environment = app_environment(tmp_path / "state", TMPDIR=str(unpack_dir), **env)
    return DesktopProcess(args, environment, command=[str(executable)]).start()


async def test_executable_serves_ui_runtimes_and_protocol_then_stops_cleanly(executable, tmp_path):
    port = free_port()
    app = launch(executable, tmp_path, "--no-window", "--host", "127.0.0.1", "--port", str(port))
    try:
        assert app.wait_running(START_TIMEOUT) == port
        ready_after = time.monotonic() - app.started_at
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            assert (await http.get("/api/health")).json()["status"] == "ok"
            page = await http.get("/")
            assert '<div id="app">' in page.text
            wasm = await http.head(_pyodide_wasm_path(executable))
            assert wasm.headers["content-type"] == "application/wasm"
            session = (await http.post("/api/sessions", headers=HOST_HEADERS)).json()["sessionId"]
        url = f"ws://127.0.0.1:{port}/ws/{session}"
        async with connect(url) as alice, connect(url) as bob:
            for ws, user in ((alice, "a"), (bob, "b")):
                join = {"userId": user, "username": user}
                await ws.send(json.dumps({"type": "join-session", "payload": join}))
                await _next(ws, "code-update", lambda p: p["userId"] == "server")  # joined
            await alice.send(json.dumps({"type": "code-change", "payload": {"changes": "x = 1"}}))
            update = await _next(bob, "code-update", lambda p: p["code"] == "x = 1")
            assert update == {"userId": "a", "code": "x = 1"}

        print(f"launch to first response: {ready_after:.1f} s")
        app.send_signal(signal.SIGTERM)
        assert app.wait_exit(timeout=20) in (0, 143, -signal.SIGTERM)
    finally:
        app.kill()
    assert port_is_free(port)
    assert list((tmp_path / "tmp").iterdir()) == [], "the unpacked files were left behind"


def test_executable_opens_a_pairpad_window_in_the_desktops_dark_theme(
    executable, tmp_path, x_display: Xvfb
):
    """A GNOME desktop in a dark GTK theme: Qt's GTK theme plugin (kept in the build for this)
    gives Qt the desktop's colour scheme, and the page takes it as prefers-color-scheme."""
    port = free_port()
    app = launch(
        executable,
        tmp_path,
        *("--host", "127.0.0.1", "--port", str(port)),
        DISPLAY=x_display.display,
        XDG_CURRENT_DESKTOP="GNOME",
        GTK_THEME="Adwaita:dark",
    )
    try:
        app.wait_running(START_TIMEOUT)
        app.wait_for(r'"GET /api/network HTTP/1\.1" 200', timeout=START_TIMEOUT)
        with x11(x_display.display) as x:
            windows = x.windows_titled("PairPad")
            assert len(windows) == 1
            painted = x.wait_for_screen(
                lambda: shows_solid_dark_square(x_display.framebuffer()), START_TIMEOUT
            )
            assert painted, "the window never showed the join address's QR code"
            # The QR code's white plate is all the white left: 0.01 dark, 0.88 light.
            assert light_share(x_display.framebuffer()) < 0.2
            x.request_close(windows[0])
        assert app.wait_exit(timeout=20) == 0
    finally:
        app.kill()


async def _next(ws, event_type: str, where) -> dict:
    while True:
        message = json.loads(await ws.recv())
        if message["type"] == event_type and where(message["payload"]):
            return message["payload"]


def _pyodide_wasm_path(executable: Path) -> str:
    built = sorted((executable.parent.parent / "webui" / "dist" / "assets").glob("pyodide-*"))
    assert built, "the web UI build has no Pyodide runtime"
    return f"/assets/{built[0].name}/pyodide.asm.wasm"


def test_executable_carries_only_the_libraries_something_it_runs_links_to(executable):
    """The window above runs without them: Chromium's developer tools, the Qt Quick 3D, Quick
    Controls and Multimedia libraries that only the QML files (left out) would load, the CUPS
    print plugin, and the system libraries only those link to (PulseAudio, CUPS, GnuTLS)."""
    names = [Path(name).name for name in CArchiveReader(str(executable)).toc]

    assert "libQt6WebEngineCore.so.6" in names
    assert "qtwebengine_resources.pak" in names
    assert "qtwebengine_devtools_resources.pak" not in names
    unlinked = ("libQt6Quick3D.so.6", "libQt6QuickControls2.so.6", "libQt6Multimedia.so.6")
    assert not set(unlinked) & set(names)
    printing = {"libcupsprintersupport.so", "libcups.so.2", "libgnutls.so.30"}
    sound = {"libpulse.so.0", "libsndfile.so.1"}
    assert not (printing | sound) & set(names)
    # Kept: the GTK theme makes the window follow the desktop's dark mode, and Chromium loads
    # NSS's modules with dlopen (nothing links to them).
    assert {"libqgtk3.so", "libgtk-3.so.0", "libsoftokn3.so", "libnssckbi.so"} <= set(names)
