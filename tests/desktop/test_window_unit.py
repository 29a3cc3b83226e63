"""Window decisions that need no display: when there is none, what Qt is told, the error page.
The real window is tested in test_window.py."""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any

import pytest

from desktop import window
from desktop.window import NativeWindow, NoGuiBackend, error_page

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland")


@pytest.fixture
def qt_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Variables the window module sets, restored afterwards."""
    for name in ("QT_QPA_PLATFORM", "QTWEBENGINE_CHROMIUM_FLAGS", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":42")
    return monkeypatch


@linux_only
def test_no_display_means_no_gui_backend_without_loading_qt(qt_environment: pytest.MonkeyPatch):
    qt_environment.delenv("DISPLAY")
    with pytest.raises(NoGuiBackend, match=r"^there is no display$"):
        window.load_webview()


@linux_only
def test_as_root_chromium_runs_without_its_sandbox(qt_environment: pytest.MonkeyPatch):
    qt_environment.setattr(window.os, "geteuid", lambda: 0)
    qt_environment.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    window._prepare_linux()
    window._prepare_linux()  # not added twice
    assert window.os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--disable-gpu --no-sandbox"


@linux_only
def test_as_a_user_the_sandbox_stays(qt_environment: pytest.MonkeyPatch):
    qt_environment.setattr(window.os, "geteuid", lambda: 1000)
    window._prepare_linux()
    assert "QTWEBENGINE_CHROMIUM_FLAGS" not in window.os.environ


@linux_only
def test_qt_falls_back_to_offscreen_instead_of_aborting(qt_environment: pytest.MonkeyPatch):
    window._prepare_linux()
    assert window.os.environ["QT_QPA_PLATFORM"] == "xcb;offscreen"


@linux_only
def test_a_wayland_session_prefers_wayland(qt_environment: pytest.MonkeyPatch):
    qt_environment.setenv("XDG_SESSION_TYPE", "wayland")
    qt_environment.setenv("WAYLAND_DISPLAY", "wayland-0")
    window._prepare_linux()
    assert window.os.environ["QT_QPA_PLATFORM"] == "wayland;xcb;offscreen"


@linux_only
def test_a_platform_chosen_by_the_user_is_kept(qt_environment: pytest.MonkeyPatch):
    qt_environment.setenv("QT_QPA_PLATFORM", "wayland")
    window._prepare_linux()
    assert window.os.environ["QT_QPA_PLATFORM"] == "wayland"


class FakeWebview:
    """Just enough of pywebview to check what NativeWindow asks of it."""

    class WebViewException(Exception):
        pass

    def __init__(self, start_error: Exception | None = None) -> None:
        self.created: list[dict[str, Any]] = []
        self.started = False
        self.start_error = start_error
        self.window = SimpleNamespace(
            events=SimpleNamespace(shown=_Hooks(), loaded=_Hooks()), destroyed=False
        )
        self.window.destroy = lambda: setattr(self.window, "destroyed", True)

    def create_window(self, title: str, **options: Any) -> SimpleNamespace:
        self.created.append({"title": title, **options})
        return self.window

    def start(self, gui: str | None = None) -> None:
        if self.start_error:
            raise self.start_error
        self.started = True


class _Hooks(list[Any]):
    def __iadd__(self, hook: Any) -> _Hooks:  # type: ignore[override]
        self.append(hook)
        return self


def test_the_window_is_titled_pairpad_with_a_sensible_size():
    fake = FakeWebview()
    NativeWindow(fake).show_url("http://127.0.0.1:8000/")  # type: ignore[arg-type]
    (created,) = fake.created
    assert created["title"] == "PairPad"
    assert created["url"] == "http://127.0.0.1:8000/"
    assert created["width"] >= created["min_size"][0] >= 800
    assert fake.started


def test_closing_before_the_window_starts_skips_the_gui_loop():
    fake = FakeWebview()
    native = NativeWindow(fake)  # type: ignore[arg-type]
    native.close()
    native.show_url("http://127.0.0.1:8000/")
    assert not fake.started


def test_a_gui_that_fails_to_start_means_no_gui_backend():
    fake = FakeWebview(start_error=FakeWebview.WebViewException("no WebView2"))
    with pytest.raises(NoGuiBackend, match="no WebView2"):
        NativeWindow(fake).show_url("http://127.0.0.1:8000/")  # type: ignore[arg-type]


def test_the_error_page_escapes_the_message():
    page = error_page("Port <8000> & more", "/home/me/.local/state/PairPad/log/pairpad.log")
    assert "Port &lt;8000&gt; &amp; more" in page
    assert "pairpad.log" in page
    assert "<title>PairPad</title>" in page
