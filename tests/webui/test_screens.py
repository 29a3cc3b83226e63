"""The room on every screen: a phone, a tablet both ways round, a laptop. Nothing runs off
the side (no horizontal scrolling), the top bar stays on screen, and a run's output can be
read, in real Chromium at each size on the insecure LAN origin."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser

from tests.support.browser import LAN_HOST, RoomPage
from tests.support.runs import newest, run

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

PHONE = {"width": 390, "height": 844}
SCREENS = {
    "phone": PHONE,
    "tablet-portrait": {"width": 768, "height": 1024},
    "tablet-landscape": {"width": 1024, "height": 768},
    "laptop": {"width": 1280, "height": 720},
}

# How far the page reaches past the viewport, and where the top bar and its controls end.
GEOMETRY = """() => {
  const bar = document.querySelector(".topbar").getBoundingClientRect();
  const controls = [...document.querySelectorAll(".topbar > *")]
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => element.getBoundingClientRect().right);
  return {
    overflow: document.documentElement.scrollWidth - innerWidth,
    barRight: bar.right,
    controlsRight: Math.max(...controls),
    width: innerWidth,
  };
}"""


@pytest_asyncio.fixture(loop_scope="session")
async def open_at(browser: Browser, server) -> AsyncIterator:
    opened: list[RoomPage] = []

    async def open_one(screen: str, session_id: str, name: str = "Ada") -> RoomPage:
        viewport = SCREENS[screen]
        touch = screen != "laptop"
        context = await browser.new_context(
            viewport=viewport, has_touch=touch, is_mobile=screen == "phone"
        )
        page = await context.new_page()
        room = RoomPage(context, page, f"http://{LAN_HOST}:{server.port}")
        page.on("pageerror", lambda error: room.errors.append(str(error)))
        await page.goto(f"{room.origin}/s/{session_id}?name={name}")
        await room.wait_status("connected")
        opened.append(room)
        return room

    yield open_one
    for room in opened:
        await room.context.close()
    for room in opened:
        assert room.errors == []


async def widest_and_narrowest_side(room: RoomPage) -> list[dict]:
    """The geometry with the side column dragged to its widest and to its narrowest (and the
    output to its tallest), by keyboard on the bars."""
    shapes = []
    await room.testid("output-splitter").press("End")
    for key in ("End", "Home"):
        await room.testid("side-splitter").press(key)
        shapes.append(await room.page.evaluate(GEOMETRY))
    return shapes


@pytest.mark.parametrize("screen", list(SCREENS))
async def test_nothing_runs_off_the_screen_and_the_output_is_readable(open_at, server, screen):
    room = await open_at(screen, server.create_session(title="A long interview title " * 4))

    before = await room.page.evaluate(GEOMETRY)
    entry = await run(room, "for i in range(30):\n    print('line', i)\n")
    after = await room.page.evaluate(GEOMETRY)

    extremes = await widest_and_narrowest_side(room) if screen != "phone" else []

    for geometry in (before, after, *extremes):
        assert geometry["overflow"] <= 0, f"{screen}: the page is wider than the screen"
        assert geometry["barRight"] <= geometry["width"]
        assert geometry["controlsRight"] <= geometry["width"], f"{screen}: a control is cut off"
    assert entry["output"].startswith("line 0\n")
    output = newest(room).locator("[data-testid=run-output]")
    assert await output.is_visible()
    box = await output.bounding_box()
    assert box is not None
    assert box["height"] >= 150, f"{screen}: output is {box}"
    assert box["y"] + 40 <= SCREENS[screen]["height"], f"{screen}: the output starts off screen"


async def test_on_a_phone_the_panes_are_tabs_and_run_shows_the_output(open_at, server):
    session_id = server.create_session()
    ada = await open_at("phone", session_id, "Ada")
    grace = await open_at("laptop", session_id, "Grace")
    tabs = ada.page.locator(".pane-tabs")
    assert await tabs.is_visible()
    assert not await grace.page.locator(".pane-tabs").is_visible()
    assert await ada.testid("editor").is_visible()
    assert not await ada.page.locator(".chat-panel").is_visible()

    await run(ada, "print('shown')")
    assert await ada.testid("pane-tab-output").get_attribute("aria-selected") == "true"
    assert not await ada.testid("editor").is_visible()

    await grace.page.locator(".chat-input").fill("hello from the laptop")
    await grace.page.locator(".chat-input").press("Enter")
    chat_tab = ada.testid("pane-tab-chat")
    await ada.page.wait_for_selector("[data-testid=pane-tab-chat].unread")
    await chat_tab.click()
    assert await ada.page.get_by_text("hello from the laptop").is_visible()
    assert "unread" not in (await chat_tab.get_attribute("class") or "")

    await ada.testid("pane-tab-people").click()
    assert await ada.page.locator(".participants").get_by_text("Grace").is_visible()
    await ada.testid("pane-tab-code").click()
    assert await ada.testid("editor").is_visible()


SIZES = """() => ({
  side: document.querySelector(".side").getBoundingClientRect().width,
  output: document.querySelector(".output-panel").getBoundingClientRect().height,
  editor: document.querySelector(".editor").getBoundingClientRect().width,
})"""


async def test_panes_resize_by_pointer_and_keyboard_and_stay_so_after_a_reload(open_at, server):
    room = await open_at("laptop", server.create_session())
    start = await room.page.evaluate(SIZES)
    bar = await room.testid("side-splitter").bounding_box()
    x, y = bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2

    await room.page.mouse.move(x, y)
    await room.page.mouse.down()
    await room.page.mouse.move(x - 100, y, steps=4)
    await room.page.mouse.move(x - 200, y, steps=4)
    await room.page.mouse.up()
    dragged = await room.page.evaluate(SIZES)
    output_bar = room.testid("output-splitter")
    await output_bar.focus()
    for _ in range(3):
        await room.page.keyboard.press("ArrowUp")
    resized = await room.page.evaluate(SIZES)
    await room.page.reload()
    await room.wait_status("connected")
    reloaded = await room.page.evaluate(SIZES)

    assert abs(dragged["side"] - (start["side"] + 200)) <= 2, (start, dragged)
    assert abs(dragged["editor"] - (start["editor"] - 200)) <= 2
    assert abs(resized["output"] - (start["output"] - 3 * 16)) <= 1, (start, resized)
    assert await output_bar.get_attribute("aria-valuenow") == str(round(resized["output"]))
    assert reloaded == resized
