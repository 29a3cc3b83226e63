"""The interviewer's seat in real Chromium, over the insecure http://interview.lan origin:
the host link makes the console, visitors only join, roles show, and End freezes the pad."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST, open_page
from tests.support.server import HOST_TOKEN

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture
def lan(server) -> str:
    return f"http://{LAN_HOST}:{server.port}"


async def test_a_visitor_without_the_cookie_can_only_join(browser, lan):
    visitor = await open_page(browser, lan, "/", wait_connected=False)
    try:
        await visitor.testid("join-interview").wait_for()
        await visitor.page.wait_for_load_state("networkidle")  # whoami has answered
        assert await visitor.testid("new-interview").count() == 0
        assert await visitor.testid("lan-addresses").count() == 0
        assert visitor.errors == []
    finally:
        await visitor.context.close()


async def test_the_host_link_opens_the_console_without_the_token_in_the_address_bar(browser, lan):
    host = await open_page(browser, lan, f"/host?token={HOST_TOKEN}", wait_connected=False)
    try:
        await host.testid("new-interview").wait_for()
        assert host.page.url == f"{lan}/"
        cookies = await host.context.cookies()
        (cookie,) = [c for c in cookies if c["name"] == "pairpad_host"]
        assert cookie["httpOnly"] is True
        assert cookie["sameSite"] == "Strict"
        assert await host.page.evaluate("() => document.cookie") == ""
    finally:
        await host.context.close()


async def test_a_wrong_host_link_shows_a_clear_page(browser, lan):
    page = await open_page(browser, lan, "/host?token=guess-guess-guess", wait_connected=False)
    try:
        await page.page.get_by_text("This is not the interviewer's link").wait_for()
        assert await page.context.cookies() == []
    finally:
        await page.context.close()


async def test_the_host_creates_joins_without_a_prompt_is_marked_and_ends_for_everyone(
    browser, lan, open_room
):
    host = await open_page(browser, lan, f"/host?token={HOST_TOKEN}", wait_connected=False)
    try:
        await host.testid("host-name").fill("Grace")
        await host.testid("new-session").click()
        await host.page.wait_for_url("**/s/**")
        await host.wait_status("connected")
        assert await host.testid("name-input").count() == 0
        session = host.page.url.rsplit("/s/", 1)[1]
        candidate = await open_room(session, "Ada", host=LAN_HOST)

        people = candidate.testid("participants")
        await people.locator('[data-role="interviewer"]', has_text="Grace").wait_for()
        await people.locator('[data-role="candidate"]', has_text="Ada").wait_for()
        assert await candidate.testid("end-interview").is_hidden()
        await candidate.set_code("print('before')\n")
        await host.wait_for_text("t.includes('before')")

        await host.testid("end-interview").click()
        await host.testid("end-interview").click()  # the second click confirms

        for page, who in ((candidate, "Grace"), (host, "You")):
            await page.testid("ended-banner").get_by_text(f"{who} ended the interview").wait_for()
            assert (
                await page.page.locator(".cm-content").get_attribute("contenteditable") == "false"
            )
            assert await page.testid("run-button").is_disabled()
        await candidate.page.locator(".cm-content").press_sequentially("x")
        assert await candidate.text() == "print('before')\n"
    finally:
        await host.context.close()


async def test_a_reload_is_the_same_person_thanks_to_the_kept_secret(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    user_id = await alice.page.evaluate("() => window.pairpad.userId")

    await alice.page.reload()
    await alice.wait_status("connected")

    assert await alice.page.evaluate("() => window.pairpad.userId") == user_id
    names = await alice.testid("participants").locator("li").all_text_contents()
    assert len(names) == 1
