"""What a candidate's browser downloads before the room works."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST, open_page

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_chromium_on_a_lan_origin_loads_the_ui_gzipped(browser, server):
    page = await open_page(browser, f"http://{LAN_HOST}:{server.port}", "/", wait_connected=False)
    try:
        encodings: dict[str, str] = {}
        page.page.on(
            "response",
            lambda response: encodings.update(
                {response.url: response.headers.get("content-encoding", "")}
            ),
        )
        await page.page.reload(wait_until="load")
        scripts = {url: coding for url, coding in encodings.items() if url.endswith(".js")}
        assert scripts, "the page loaded no script"
        assert set(scripts.values()) == {"gzip"}, scripts
        assert page.errors == []
    finally:
        await page.context.close()
