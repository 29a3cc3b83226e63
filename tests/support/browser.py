"""Debian's Chromium through Playwright, and a participant's page in a PairPad room.

Every page records each request and WebSocket it opens; ``assert_stayed_local`` fails a test
when anything went to a host other than the one serving PairPad (PairPad must work with the
network cable out). A page error (an uncaught exception in the page) fails the test too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser, BrowserContext, ConsoleMessage, Page, WebSocket

from tests.support.prerequisites import require
from tests.support.server import ROOT

CHROMIUM = Path(os.environ.get("PAIRPAD_TEST_CHROMIUM", "/usr/bin/chromium"))
BUILT_UI = ROOT / "webui" / "dist" / "index.html"
LAN_HOST = "interview.lan"  # resolves to 127.0.0.1 inside the browser only: an insecure origin
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    f"--host-resolver-rules=MAP {LAN_HOST} 127.0.0.1",
]


def require_browser() -> None:
    require(CHROMIUM.exists(), f"Debian's Chromium at {CHROMIUM} (apt install chromium)")
    require(BUILT_UI.exists(), "the built web UI (make setup)")


@dataclass
class RoomPage:
    """One participant's browser tab in a room."""

    context: BrowserContext
    page: Page
    origin: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    frames: list[str | bytes] = field(default_factory=list)  # every WebSocket frame received

    def testid(self, name: str) -> Any:
        return self.page.get_by_test_id(name)

    async def text(self) -> str:
        return str(await self.page.evaluate("() => window.pairpad.text()"))

    async def wait_for_text(self, predicate_js: str, timeout: float = 15_000) -> str:
        """``predicate_js`` receives the shared text as ``t``, e.g. ``t.includes('x')``."""
        await self.page.wait_for_function(
            f"() => {{ const t = window.pairpad.text(); return {predicate_js}; }}",
            timeout=timeout,
        )
        return await self.text()

    async def wait_status(self, status: str, timeout: float = 15_000) -> None:
        await self.page.wait_for_selector(
            f'[data-testid="connection-status"][data-status="{status}"]', timeout=timeout
        )

    async def focus_editor(self) -> None:
        await self.page.locator(".cm-content").click()

    async def set_code(self, code: str) -> None:
        """Replace the editor's text as one input (no auto-indent or bracket closing)."""
        await self.focus_editor()
        await self.page.keyboard.press("ControlOrMeta+a")
        await self.page.keyboard.insert_text(code)

    async def paste(self, text: str) -> None:
        """A real paste event, as from the system clipboard."""
        await self.focus_editor()
        await self.page.evaluate(
            """(text) => {
                const data = new DataTransfer();
                data.setData("text/plain", text);
                const event = new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                         cancelable: true});
                document.querySelector(".cm-content").dispatchEvent(event);
            }""",
            text,
        )

    def stayed_local(self) -> list[str]:
        """The requests that left the serving host (should be none)."""
        host = urlsplit(self.origin).hostname
        return [url for url in self.requests if urlsplit(url).hostname != host]


async def open_page(
    browser: Browser, origin: str, path: str, *, wait_connected: bool = True
) -> RoomPage:
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    room = RoomPage(context, page, origin)
    context.on("request", lambda request: room.requests.append(request.url))
    page.on("websocket", lambda socket: _record_socket(room, socket))
    page.on("pageerror", lambda error: room.errors.append(str(error)))
    page.on("console", lambda message: _record_console(room, message))
    page.on("dialog", lambda dialog: room.errors.append(f"dialog opened: {dialog.message}"))
    await page.goto(f"{origin}{path}")
    if wait_connected:
        await room.wait_status("connected")
    return room


def _record_socket(room: RoomPage, socket: WebSocket) -> None:
    room.requests.append(socket.url)
    socket.on("framereceived", lambda payload: room.frames.append(payload))


def _record_console(room: RoomPage, message: ConsoleMessage) -> None:
    room.console.append(f"{message.type}: {message.text}")
