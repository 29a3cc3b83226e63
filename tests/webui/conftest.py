"""Browser fixtures: one Chromium for the session, a fresh context per participant."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
import pytest_asyncio
from playwright.async_api import Browser, async_playwright

from tests.support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LAN_HOST,
    RoomPage,
    open_page,
    require_browser,
)
from tests.support.server import ServerProcess


@pytest_asyncio.fixture(loop_scope="session", scope="session")
async def browser() -> AsyncIterator[Browser]:
    require_browser()
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield launched
        await launched.close()


OpenRoom = Callable[..., Awaitable[RoomPage]]


@pytest_asyncio.fixture(loop_scope="session")
async def open_room(browser: Browser, server: ServerProcess) -> AsyncIterator[OpenRoom]:
    """``await open_room(session_id, "Alice", host="interview.lan")``: a participant's page
    (on the shared server, or ``on=`` another one).

    Afterwards every page must have stayed on its serving host and thrown no page error.
    """
    opened: list[RoomPage] = []

    async def open_one(
        session_id: str,
        name: str | None,
        *,
        host: str = "127.0.0.1",
        wait_connected: bool = True,
        on: ServerProcess | None = None,
    ) -> RoomPage:
        query = f"?name={name}" if name else ""
        page = await open_page(
            browser,
            f"http://{host}:{(on or server).port}",
            f"/s/{session_id}{query}",
            wait_connected=wait_connected,
        )
        opened.append(page)
        return page

    yield open_one
    for page in opened:
        await page.context.close()
    for page in opened:
        assert page.stayed_local() == [], f"requests left {page.origin}: {page.stayed_local()}"
        assert page.errors == [], f"page errors on {page.origin}: {page.errors}"


@pytest.fixture
def session_id(server: ServerProcess) -> str:
    return server.create_session()


__all__ = ["LAN_HOST", "OpenRoom"]
