"""When the host closes PairPad, a candidate reads why and keeps their code: the page says
"The host closed PairPad", and Download saves the editor's text as a file."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST, open_page
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_the_host_closing_pairpad_is_explained_and_the_code_can_be_saved(browser, tmp_path):
    server = ServerProcess(settings={"allowed_hosts": '["interview.lan"]'}).start()
    session_id = server.create_session(title="Graph search")
    try:
        page = await open_page(
            browser, f"http://{LAN_HOST}:{server.port}", f"/s/{session_id}?name=Ada"
        )
        code = "def bfs(graph, start):\n    return [start]\n"
        await page.set_code(code)
        await page.wait_for_text(f"t === {code!r}")

        server.terminate()  # what closing the window does: a graceful shutdown

        notice = page.testid("disconnect-notice")
        await notice.wait_for(state="visible", timeout=15_000)
        assert "The host closed PairPad." in await notice.inner_text()
        assert "Your code is still here" in await notice.inner_text()
        async with page.page.expect_download() as download_info:
            await notice.get_by_test_id("download-code").click()
        download = await download_info.value
        assert download.suggested_filename == "graph-search.py"
        saved = tmp_path / download.suggested_filename
        await download.save_as(saved)
        assert saved.read_text() == code
        assert page.errors == []
        await page.context.close()
    finally:
        server.stop()
