"""Names in the room: the prompt says what is wrong before joining, two people with one name
are told apart, and a long name stays inside the People list."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_the_name_prompt_refuses_a_blank_or_long_name_with_a_reason(open_room, session_id):
    page = await open_room(session_id, None, host=LAN_HOST, wait_connected=False)
    name = page.testid("name-input")

    await name.fill("  \u200b  ")
    await page.testid("join-button").click()
    assert "Enter a name" in await page.testid("name-problem").inner_text()
    await name.fill("x" * 65)
    await page.testid("join-button").click()
    assert "at most 64 characters" in await page.testid("name-problem").inner_text()

    await name.fill("  Ada   Lovelace ")
    await page.testid("join-button").click()
    await page.wait_status("connected")
    people = page.page.locator("[data-testid=participants] .name")
    assert await people.all_inner_texts() == ["Ada Lovelace"]


async def test_two_people_with_one_name_are_told_apart_and_long_names_fit(open_room, session_id):
    long_name = "Maximilian " + "W" * 53
    first = await open_room(session_id, "Ada", host=LAN_HOST)
    await open_room(session_id, "Ada", host=LAN_HOST)
    await open_room(session_id, long_name, host=LAN_HOST)

    people = first.page.locator("[data-testid=participants] .name")
    await first.page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=participants] li').length === 3"
    )
    assert (await people.all_inner_texts())[:2] == ["Ada", "Ada (2)"]
    panel = await first.page.locator("[data-testid=participants]").bounding_box()
    for index in range(3):
        box = await people.nth(index).bounding_box()
        assert box is not None
        assert panel is not None
        assert box["x"] + box["width"] <= panel["x"] + panel["width"] + 1
