"""The question library, the prompt pane, the co-interviewer link and the stored notes in
real Chromium over http://interview.lan (an insecure origin); and the HTML export opened in
Chromium with every request to another host blocked."""

from __future__ import annotations

import asyncio
import json
import secrets
from typing import Any

import httpx
import pytest

from tests.support.browser import LAN_HOST, RoomPage, open_page
from tests.support.peers import Peer
from tests.support.server import HOST_HEADERS, HOST_TOKEN

pytestmark = pytest.mark.asyncio(loop_scope="session")

PROMPT = (
    "# Dates\n\nParse **ISO** dates.\n\n"
    '<img src=x onerror="window.hacked = 1">\n\n<script>window.hacked = 2</script>\n'
)
STARTER = "def parse(text):\n    pass\n"
IMPORTED = {
    "format": "pairpad-templates",
    "version": 1,
    "templates": [{"title": "Imported one", "prompt": "Hi", "starterCode": {}}],
}


async def poll(page: RoomPage, expression: str, timeout: float = 10.0) -> Any:
    """Evaluate until truthy (wait_for_function is blocked by the page's CSP)."""
    async with asyncio.timeout(timeout):
        while True:
            value = await page.page.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.05)


def value_of(testid: str) -> str:
    return f"document.querySelector('[data-testid={testid}]').value"


async def add_question_in_the_console(host: RoomPage) -> None:
    library = host.testid("template-library")
    await library.locator("li").first.wait_for()
    await host.testid("template-add").click()
    await host.testid("template-title").fill("Parse dates")
    await host.testid("template-prompt").fill(PROMPT)
    await host.testid("template-language").select_option("python")
    await host.testid("template-starter").fill(STARTER)
    await host.testid("template-save").click()
    await library.locator("li", has_text="Parse dates").wait_for()


async def import_export_and_delete(host: RoomPage, tmp_path) -> None:
    upload = tmp_path / "questions.json"
    upload.write_text(json.dumps(IMPORTED))
    await host.testid("template-import").set_input_files(str(upload))
    await host.testid("template-status").get_by_text("Imported 1 question").wait_for()
    async with host.page.expect_download() as download_info:
        await host.testid("template-export").click()
    exported = json.loads((await (await download_info.value).path()).read_text())
    assert {"Parse dates", "Imported one"} <= {t["title"] for t in exported["templates"]}
    item = host.testid("template-library").locator("li", has_text="Imported one")
    await item.get_by_test_id("template-delete").click()
    await item.get_by_test_id("template-delete").click()  # the second click confirms
    await item.wait_for(state="detached")


async def test_a_question_fills_the_room_the_notes_and_prompt_survive_a_kill_9(
    browser, start_server, open_room, tmp_path
):
    server = start_server()
    lan = f"http://{LAN_HOST}:{server.port}"
    host = await open_page(browser, lan, f"/host?token={HOST_TOKEN}", wait_connected=False)
    try:
        await add_question_in_the_console(host)
        await import_export_and_delete(host, tmp_path)
        await host.testid("template-picker").select_option(label="Parse dates")
        await host.testid("new-session").click()
        await host.page.wait_for_url("**/s/**")
        await host.wait_status("connected")
        session = host.page.url.rsplit("/s/", 1)[1]
        await shows_the_prompt_safely(host)
        assert await host.text() == STARTER

        ada = await open_room(session, "Ada", host=LAN_HOST, on=server)
        await shows_the_prompt_safely(ada)
        key = await co_interviewer_link_for_the_host_only(host, ada, session)
        marker = f"notes-{secrets.token_hex(5)}"
        await host.testid("private-notes").press_sequentially(marker)
        await poll(host, f"() => {value_of('private-notes')}.includes('{marker}')")
        async with httpx.AsyncClient(base_url=server.http, headers=HOST_HEADERS) as http:
            await poll_notes(http, session, marker)
            await http.get(f"/api/sessions/{session}/history")  # after a commit of all that

        server.kill()
        server.restart()
        await host.page.reload()
        await host.wait_status("connected")

        await poll(host, f"() => {value_of('private-notes')}.includes('{marker}')")
        await shows_the_prompt_safely(host)
        received = "".join(str(frame) for frame in ada.frames)
        assert marker not in received
        assert key not in received
        assert host.errors == []
        assert host.stayed_local() == []
    finally:
        await host.context.close()


async def shows_the_prompt_safely(page: RoomPage) -> None:
    pane = page.testid("prompt-pane")
    await pane.locator("h1", has_text="Dates").wait_for()
    assert await pane.locator("strong").inner_text() == "ISO"
    assert await pane.locator("img, script").count() == 0
    assert "<img src=x" in await pane.inner_text(), "raw HTML shows as the text it is"
    assert await page.page.evaluate("() => window.hacked") is None


async def co_interviewer_link_for_the_host_only(host: RoomPage, ada: RoomPage, session: str) -> str:
    link = host.testid("co-interviewer")
    await link.get_by_text("For a co-interviewer, not the candidate").wait_for()
    url = await host.testid("co-interviewer-link").inner_text()
    assert f"/s/{session}?key=" in url
    await host.testid("copy-co-interviewer-link").click()  # execCommand: no navigator.clipboard
    assert await host.testid("copy-co-interviewer-link").inner_text() == "Copied!"
    key = url.partition("?key=")[2]
    assert await ada.testid("co-interviewer").is_hidden()
    assert key not in await ada.page.content()
    return key


async def poll_notes(http: httpx.AsyncClient, session: str, marker: str) -> None:
    async with asyncio.timeout(10):
        while True:
            if marker in (await http.get(f"/api/sessions/{session}/notes")).json()["text"]:
                return
            await asyncio.sleep(0.05)


async def test_the_html_export_renders_offline_with_code_runs_chat_and_notes(browser, server):
    async with httpx.AsyncClient(base_url=server.http, headers=HOST_HEADERS) as http:
        created = (await http.post("/api/sessions", json={"title": "Exported"})).json()
    session = created["sessionId"]
    host = await Peer.connect(
        server.ws, session, "id-grace", "Grace", additional_headers=HOST_HEADERS
    )
    await host.join()
    await host.send("code-change", changes="print('final code')\n")
    await host.send("execution-result", output="RUN-OUTPUT-42\n", error=None, language="python")
    await host.send("chat-message", text="CHAT-LINE ok")
    await host.close()
    async with httpx.AsyncClient(base_url=server.http, headers=HOST_HEADERS) as http:
        notes = await http.put(f"/api/sessions/{session}/notes", json={"text": "NOTES hire"})
        assert notes.is_success
        export = await http.get(f"/api/sessions/{session}/export", params={"format": "html"})
        report = export.text

    context = await browser.new_context()
    requests: list[str] = []
    address = "http://report.invalid/pairpad-report.html"

    async def only_the_report(route: Any) -> None:
        requests.append(route.request.url)
        if route.request.url == address:
            await route.fulfill(body=report, content_type="text/html; charset=utf-8")
        else:
            await route.abort()

    try:
        await context.route("**/*", only_the_report)
        page = await context.new_page()
        await page.goto(address)
        await page.wait_for_load_state("networkidle")
        code = await page.get_by_test_id("final-code").inner_text()
        runs = await page.get_by_test_id("run-output").all_inner_texts()
        body = await page.locator("body").inner_text()
    finally:
        await context.close()

    assert requests == [address], "the page makes no request beyond itself"
    assert code == "print('final code')\n"
    assert runs == ["RUN-OUTPUT-42\n"]
    assert "CHAT-LINE ok" in body
    assert "NOTES hire" in body
