"""axe-core finds no serious or critical problem on the home page (a visitor's and the
host's), the name prompt, and a busy room (two people, a run with output, chat, a remote
caret), in the light and the dark theme, in Chromium on the LAN origin. (Nor, today, any
moderate or minor one: each page is checked with every rule axe has, and the report of each
is kept whole so that a failure shows what axe saw.)"""

from __future__ import annotations

import pytest
from playwright.async_api import Page

from tests.support.axe import axe_violations, blocking
from tests.support.browser import LAN_HOST, RoomPage, open_page
from tests.support.runs import run
from tests.support.server import HOST_TOKEN

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

THEMES = ("light", "dark")


async def in_theme(page: Page, theme: str) -> None:
    """The theme as a person picks it (the room's toggle remembers it in localStorage)."""
    await page.evaluate("(theme) => localStorage.setItem('pairpad.theme', theme)", theme)
    await page.reload()


async def check(page: Page, where: str, report: dict[str, list]) -> None:
    report[where] = await axe_violations(page)


def assert_clean(report: dict[str, list]) -> None:
    assert {where: blocking(found) for where, found in report.items()} == {
        where: [] for where in report
    }, "serious or critical"
    assert report == {where: [] for where in report}


async def test_the_home_page_and_the_name_prompt_have_no_serious_axe_violations(browser, server):
    lan = f"http://{LAN_HOST}:{server.port}"
    session_id = server.create_session()
    report: dict[str, list] = {}
    visitor = await open_page(browser, lan, "/", wait_connected=False)
    host = await open_page(browser, lan, f"/host?token={HOST_TOKEN}", wait_connected=False)
    try:
        for theme in THEMES:
            await in_theme(visitor.page, theme)
            await visitor.testid("join-input").wait_for()
            await check(visitor.page, f"home, visitor, {theme}", report)
            await in_theme(host.page, theme)
            await host.testid("lan-addresses").locator("*").first.wait_for()
            await check(host.page, f"home, host, {theme}", report)
            await visitor.page.goto(f"{lan}/s/{session_id}")
            await visitor.testid("name-input").wait_for()
            await check(visitor.page, f"name prompt, {theme}", report)
            await visitor.page.goto(f"{lan}/")
    finally:
        await visitor.context.close()
        await host.context.close()

    assert_clean(report)


async def show_caret(page: RoomPage) -> None:
    """A remote caret's name label shows for a few seconds after that person moves."""
    await page.focus_editor()
    await page.page.keyboard.press("End")


async def test_a_busy_room_has_no_serious_axe_violations(browser, server, open_room):
    lan = f"http://{LAN_HOST}:{server.port}"
    session_id = server.create_session(title="Accessibility")
    host = await open_page(browser, lan, f"/host?token={HOST_TOKEN}", wait_connected=False)
    report: dict[str, list] = {}
    try:
        await host.page.goto(f"{lan}/s/{session_id}")
        await host.wait_status("connected")
        grace = await open_room(session_id, "Grace", host=LAN_HOST)
        # JavaScript: the quickest runtime to load; the output panel is the same for all.
        await run(grace, "console.log('hello'); null.boom", language="javascript")
        await grace.page.locator(".chat-input").fill("Ready when you are!")
        await grace.page.locator(".chat-input").press("Enter")
        await host.page.get_by_text("Ready when you are!").wait_for()
        await host.page.get_by_text("TypeError").first.wait_for()
        for theme in THEMES:
            if theme == "dark":
                for page in (host, grace):
                    await page.testid("theme-toggle").click()
            for who, page, other in (("interviewer", host, grace), ("candidate", grace, host)):
                await show_caret(other)
                await page.page.locator(".cm-remote-caret-label").first.wait_for()
                await check(page.page, f"room, {who}, {theme}", report)
    finally:
        await host.context.close()

    assert_clean(report)
