"""The native window: pywebview onto the local UI (Qt WebEngine on Linux).

pywebview and Qt are imported only here, and only when a window is wanted: ``--no-window``
and the tests of everything else never load them. Before showing anything we find out whether a
window *can* be shown, because Qt's answer to a missing display is to abort the process.
"""

from __future__ import annotations

import html
import logging
import os
import sys
from types import ModuleType
from typing import Any

from .splash import close_splash

TITLE = "PairPad"
SIZE = (1280, 820)
MIN_SIZE = (800, 560)
IS_LINUX = sys.platform.startswith("linux")

logger = logging.getLogger(__name__)
_qt_app: Any = None


class NoGuiBackend(Exception):
    """No window can be shown here; ``str(error)`` says why in a few plain words."""


def _append_chromium_flag(flag: str) -> None:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if flag not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([*flags, flag])


def _prepare_linux() -> None:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise NoGuiBackend("there is no display")
    # Chromium refuses to start its sandbox as root (containers, CI); Qt reads this when
    # WebEngine starts, so it must be set before webview (and with it Qt) is imported.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        _append_chromium_flag("--no-sandbox")
    # With a platform that cannot start (a display that does not answer, missing xcb
    # libraries) Qt aborts the whole process. A fallback list ending in "offscreen" turns that
    # into an app with an invisible screen, which we detect below and treat as "no display".
    if "QT_QPA_PLATFORM" not in os.environ:
        wayland = os.environ.get("XDG_SESSION_TYPE") == "wayland" and os.environ.get(
            "WAYLAND_DISPLAY"
        )
        os.environ["QT_QPA_PLATFORM"] = "wayland;xcb;offscreen" if wayland else "xcb;offscreen"


def _check_qt_display() -> None:
    # pywebview's Qt backend reuses an existing QApplication, so creating it here changes
    # nothing for pywebview and tells us which platform Qt managed to start.
    from qtpy.QtGui import QGuiApplication
    from qtpy.QtWidgets import QApplication

    global _qt_app
    if QApplication.instance() is None:
        _qt_app = QApplication(sys.argv[:1])  # kept: Qt destroys it with its last reference
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY")
        raise NoGuiBackend(f"the display {display} cannot be used")


def load_webview() -> ModuleType:
    """The pywebview module, ready to open a window; raises ``NoGuiBackend``."""
    if IS_LINUX:
        _prepare_linux()
    try:
        import webview

        if IS_LINUX:
            # Imports Qt WebEngine: fails here, not in the middle of start(), when a library
            # it needs is missing.
            import webview.platforms.qt

            _check_qt_display()
    except (ImportError, OSError) as error:
        raise NoGuiBackend(f"the window libraries cannot be loaded ({error})") from error
    return webview


class NativeWindow:
    """One PairPad window. ``show_*`` blocks until the window is closed; ``close`` may be called
    from any thread, even before the window is up."""

    def __init__(self, webview: ModuleType) -> None:
        self._webview = webview
        self._window: Any = None
        self._closing = False

    @classmethod
    def load(cls) -> NativeWindow:
        return cls(load_webview())

    def show_url(self, url: str) -> None:
        self._show(url=url)

    def show_error(self, message: str, log_file: str | None = None) -> None:
        self._show(html=error_page(message, log_file))

    def _show(self, **content: str) -> None:
        self._window = self._webview.create_window(
            TITLE, width=SIZE[0], height=SIZE[1], min_size=MIN_SIZE, **content
        )
        # In the log file, for anyone finding out later why a window did not appear.
        self._window.events.shown += lambda: logger.info("window shown")
        # The executable's splash stays up until the window replaces it.
        self._window.events.shown += close_splash
        self._window.events.loaded += lambda: logger.info("window loaded its page")
        if self._closing:
            return
        try:
            # Qt on Linux; elsewhere the platform's own web view (WebView2, WebKit).
            self._webview.start(gui="qt" if IS_LINUX else None)
        except self._webview.WebViewException as error:
            raise NoGuiBackend(str(error)) from error

    def close(self) -> None:
        self._closing = True
        if self._window is None:
            return
        try:
            # Waits until the window is shown, then pywebview closes it on the GUI thread.
            self._window.destroy()
        except Exception:
            logger.exception("could not close the window")


def error_page(message: str, log_file: str | None) -> str:
    details = (
        f"<p>Details are in the log file <code>{html.escape(log_file)}</code>.</p>"
        if log_file
        else ""
    )
    return f"""<!doctype html><html lang="en"><meta charset="utf-8"><title>{TITLE}</title>
<body style="font: 16px system-ui, sans-serif; margin: 3em; max-width: 40em">
<h1>PairPad could not start</h1>
<p data-testid="startup-error">{html.escape(message)}</p>{details}
<p>Close this window to quit.</p></body></html>"""
