"""What other participants type is shown, never run: names, chat, program output, session
titles and code. A page on another site cannot open a session's socket."""

from __future__ import annotations

import httpx
import pytest

from tests.support.browser import LAN_HOST
from tests.support.server import HOST_HEADERS
from tests.webui.test_runners import run

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

PAYLOADS = [
    "<img src=x onerror=alert('xss-img')>",
    "<script>alert('xss-script')</script>",
    "<svg onload=alert('xss-svg')>",
    '"><iframe src="javascript:alert(1)">',
]


async def no_markup_from_payloads(page) -> None:
    for selector in ("img[src=x]", "script:not([src])", "svg[onload]", "iframe"):
        found = await page.page.locator(f"#app {selector}").count()
        assert found == 0, f"{selector} was created from participant text"


async def test_program_output_with_markup_is_shown_as_text_for_everyone(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    bob = await open_room(session_id, "Bob")
    code = "\n".join(f"console.log({payload!r})" for payload in PAYLOADS)

    result = await run(alice, code, language="javascript")

    assert result["output"] == "".join(f"{payload}\n" for payload in PAYLOADS)
    await bob.page.locator("[data-testid=run-output]").get_by_text(PAYLOADS[0]).wait_for()
    await no_markup_from_payloads(alice)
    await no_markup_from_payloads(bob)


async def test_error_text_with_markup_is_shown_as_text(open_room, session_id):
    alice = await open_room(session_id, "Alice")

    result = await run(alice, f"raise ValueError({PAYLOADS[0]!r})")

    assert PAYLOADS[0] in result["error"]
    await no_markup_from_payloads(alice)


async def test_session_title_with_markup_is_shown_as_text(open_room, server):
    title = PAYLOADS[1]
    async with httpx.AsyncClient() as client:
        response = await client.post(
            f"{server.http}/api/sessions", json={"title": title}, headers=HOST_HEADERS
        )
    alice = await open_room(response.json()["sessionId"], "Alice")

    await alice.page.locator(".session-title").get_by_text(title).wait_for()
    await no_markup_from_payloads(alice)


async def test_code_with_markup_is_text_in_every_editor(open_room, session_id):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob", host=LAN_HOST)

    await alice.set_code("\n".join(PAYLOADS))

    await bob.wait_for_text(f"t.includes({PAYLOADS[-1]!r})")
    await no_markup_from_payloads(alice)
    await no_markup_from_payloads(bob)


async def test_chat_and_names_with_every_payload_run_nothing(open_room, session_id):
    alice = await open_room(session_id, "Alice")
    mallory = await open_room(session_id, PAYLOADS[2], host=LAN_HOST)
    for payload in PAYLOADS:
        await mallory.testid("chat-input").fill(payload)
        await mallory.testid("chat-input").press("Enter")

    await alice.testid("chat-log").get_by_text(PAYLOADS[-1]).wait_for()
    await no_markup_from_payloads(alice)
    # open_room fails the test if any page opened a dialog (alert) or threw.


async def test_a_page_on_another_origin_cannot_open_a_session_socket(browser, server, session_id):
    context = await browser.new_context()
    page = await context.new_page()
    try:
        # Any other origin will do; this one is our own server under another name and port.
        await page.goto(f"http://{LAN_HOST}:{server.port}/api/health")
        outcome = await page.evaluate(
            """(url) => new Promise((resolve) => {
                const socket = new WebSocket(url);
                socket.onopen = () => resolve("open");
                socket.onerror = () => resolve("refused");
            })""",
            f"ws://127.0.0.1:{server.port}/ws/{session_id}",
        )
        assert outcome == "refused"
    finally:
        await context.close()
