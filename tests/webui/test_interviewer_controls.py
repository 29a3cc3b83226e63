"""The interviewer's controls in real Chromium over http://interview.lan: lock editing and
disable Run, remove and the waiting room, the timer on two screens, integrity notices. The
server enforces each (tests/server/test_ws_controls.py and neighbours); these prove every
screen shows it."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
import pytest_asyncio

from tests.support.browser import LAN_HOST, RoomPage, open_page
from tests.support.server import HOST_TOKEN, ServerProcess

pytestmark = pytest.mark.asyncio(loop_scope="session")

REMOVED = "An interviewer removed you from this interview"
WAITING = "Please wait: an interviewer will let you in"


async def poll(page: RoomPage, expression: str, timeout: float = 10.0) -> Any:
    """Evaluate until truthy (wait_for_function is blocked by the page's CSP)."""
    async with asyncio.timeout(timeout):
        while True:
            value = await page.page.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.05)


HostRoom = Callable[..., Awaitable[tuple[RoomPage, str]]]


@pytest_asyncio.fixture(loop_scope="session")
async def host_room(browser, server) -> AsyncIterator[HostRoom]:
    """The host's console creates an interview and lands in it: (the host's page, sessionId)."""
    opened: list[RoomPage] = []

    async def create(on: ServerProcess | None = None) -> tuple[RoomPage, str]:
        lan = f"http://{LAN_HOST}:{(on or server).port}"
        host = await open_page(browser, lan, f"/host?token={HOST_TOKEN}", wait_connected=False)
        opened.append(host)
        await host.testid("host-name").fill("Grace")
        await host.testid("new-session").click()
        await host.page.wait_for_url("**/s/**")
        await host.wait_status("connected")
        return host, host.page.url.rsplit("/s/", 1)[1]

    yield create
    for page in opened:
        await page.context.close()
    for page in opened:
        assert page.errors == [], page.errors


async def editable(page: RoomPage) -> bool:
    return await page.page.locator(".cm-content").get_attribute("contenteditable") == "true"


async def test_lock_and_disable_run_show_on_every_screen_and_survive_a_reload(host_room, open_room):
    host, session = await host_room()
    ada = await open_room(session, "Ada", host=LAN_HOST)
    await ada.set_code("print('mine')\n")
    await host.wait_for_text("t.includes('mine')")

    await host.testid("lock-editing").check()
    await host.testid("disable-run").check()

    await (
        ada.testid("controls-notice")
        .get_by_text("editing is locked and Run is disabled")
        .wait_for()
    )
    assert not await editable(ada)
    assert await ada.testid("run-button").is_disabled()
    assert await ada.testid("language-select").is_disabled()
    await host.testid("controls-notice").get_by_text("you are not restricted").wait_for()
    assert await editable(host)
    assert await host.testid("run-button").is_enabled()
    await ada.page.locator(".cm-content").press_sequentially("x")
    assert await ada.text() == "print('mine')\n"

    await ada.page.reload()
    await ada.wait_status("connected")
    await ada.testid("controls-notice").get_by_text("editing is locked").wait_for()
    assert not await editable(ada)
    await host.testid("lock-editing").uncheck()
    await poll(ada, "() => document.querySelector('.cm-content').contentEditable === 'true'")
    assert await ada.testid("run-button").is_disabled(), "Run stays disabled"


async def test_a_removed_candidate_sees_why_and_a_reload_waits_until_admitted(host_room, open_room):
    host, session = await host_room()
    ada = await open_room(session, "Ada", host=LAN_HOST)
    row = host.testid("participants").locator('[data-role="candidate"]', has_text="Ada")
    await row.wait_for()

    await row.get_by_test_id("remove-participant").click()

    await ada.testid("door-banner").get_by_text(REMOVED).wait_for()
    await ada.wait_status("ended")
    await row.wait_for(state="detached")
    await ada.page.reload()
    await ada.testid("door-banner").get_by_text(WAITING).wait_for()
    waiting = host.testid("waiting-list").locator("li", has_text="Ada")
    await waiting.get_by_text("(removed earlier)").wait_for()
    assert await ada.testid("participants").locator("li").count() == 0
    assert not await editable(ada)

    await waiting.get_by_test_id("admit").click()

    await ada.testid("door-banner").wait_for(state="hidden")
    await ada.testid("participants").locator("li", has_text="Grace").wait_for()
    assert await editable(ada)


async def test_with_the_waiting_room_on_a_new_candidate_waits_for_admit_or_deny(
    host_room, open_room
):
    host, session = await host_room()
    # The click sends set-controls at once; the candidates' pages load long after it.
    await host.testid("waiting-room").check()

    bob = await open_room(session, "Bob", host=LAN_HOST)
    eve = await open_room(session, "Eve", host=LAN_HOST)
    await bob.testid("door-banner").get_by_text(WAITING).wait_for()
    await eve.testid("door-banner").get_by_text(WAITING).wait_for()
    await host.testid("waiting-list").locator("li", has_text="Eve").get_by_test_id("deny").click()
    await host.testid("waiting-list").locator("li", has_text="Bob").get_by_test_id("admit").click()

    await eve.testid("door-banner").get_by_text("An interviewer did not let you in").wait_for()
    await bob.testid("door-banner").wait_for(state="hidden")
    await bob.testid("participants").locator("li", has_text="Grace").wait_for()
    await host.testid("waiting-list").wait_for(state="hidden")


async def test_the_timer_shows_the_same_time_on_two_pages_within_a_second(host_room, open_room):
    host, session = await host_room()
    ada = await open_room(session, "Ada", host=LAN_HOST)
    await host.testid("timer-mode").select_option("countdown")
    await host.testid("timer-minutes").fill("10")

    await host.testid("timer-start").click()

    for page in (host, ada):
        await page.testid("timer").get_by_text("⏳ 9:").wait_for()
    shown = await asyncio.gather(
        *(p.page.evaluate("() => window.pairpad.timerMs()") for p in (host, ada))
    )
    assert abs(shown[0] - shown[1]) < 1000, shown
    assert 570_000 < shown[0] <= 600_000

    await ada.page.reload()
    await ada.wait_status("connected")
    await ada.testid("timer").get_by_text("⏳ 9:").wait_for()
    shown = await asyncio.gather(
        *(p.page.evaluate("() => window.pairpad.timerMs()") for p in (host, ada))
    )
    assert abs(shown[0] - shown[1]) < 1000, shown

    await host.testid("timer-pause").click()
    await poll(
        ada, "() => document.querySelector('[data-testid=timer]').dataset.running === 'false'"
    )
    paused = await ada.page.evaluate("() => window.pairpad.timerMs()")
    assert abs(paused - await host.page.evaluate("() => window.pairpad.timerMs()")) < 1000


async def test_private_notes_sync_between_interviewers_and_never_reach_a_candidate(
    browser, server, host_room, open_room
):
    host, session = await host_room()
    lan = f"http://{LAN_HOST}:{server.port}"
    co = await open_page(browser, lan, f"/host?token={HOST_TOKEN}", wait_connected=False)
    try:
        await co.page.goto(f"{lan}/s/{session}")  # a second interviewer: the host's cookie
        await co.wait_status("connected")
        ada = await open_room(session, "Ada", host=LAN_HOST)
        marker = f"private-{secrets.token_hex(6)}"

        await host.testid("private-notes").press_sequentially(f"Ada: {marker}")

        await poll(
            co,
            "() => document.querySelector('[data-testid=private-notes]')"
            f".value.includes('{marker}')",
        )
        assert await ada.testid("private-notes").is_hidden()
        await ada.page.reload()  # a late join: still nothing
        await ada.wait_status("connected")
        await co.testid("private-notes").press_sequentially(" (agreed)")
        await poll(
            host,
            "() => document.querySelector('[data-testid=private-notes]')"
            ".value.includes('(agreed)')",
        )
        await host.set_code("print('sync point')\n")
        await ada.wait_for_text("t.includes('sync point')")
        received = "".join(str(frame) for frame in ada.frames)
        assert "notes-update" not in received
        assert marker not in received
        assert "notes-update" in "".join(str(frame) for frame in co.frames)
    finally:
        await co.context.close()


async def test_integrity_notices_appear_for_a_paste_and_a_blur(start_server, host_room, open_room):
    server = start_server(focus_notice_seconds="1")
    host, session = await host_room(on=server)
    ada = await open_room(session, "Ada", host=LAN_HOST, on=server)
    disclosure = ada.testid("integrity-disclosure")
    assert "Shared with everyone in this room" in await disclosure.text_content()
    # Playwright's clock: the absence lasts 2 s on the page's clock without the test waiting.
    await ada.page.clock.install()

    await ada.paste("x" * 812)
    await ada.page.evaluate("() => window.dispatchEvent(new Event('blur'))")
    await ada.page.clock.fast_forward(2_000)
    await ada.page.evaluate("() => window.dispatchEvent(new Event('focus'))")

    log = host.testid("integrity-log")
    await log.get_by_text("Ada pasted 812 characters").wait_for()
    await log.get_by_text("Ada left the page for 2 s").wait_for()
    await (
        ada.testid("toasts")
        .get_by_text("Shared with the room: You pasted 812 characters")
        .wait_for()
    )
