"""Two or three people in one room, in real browsers: one on loopback, one on an insecure
LAN origin (http://interview.lan, no crypto.randomUUID, no clipboard API)."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.support.browser import LAN_HOST
from tests.support.server import HOST_TOKEN

# One browser for the whole session, so the tests share its event loop.
pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_participants_on_loopback_and_on_an_insecure_lan_origin_see_each_other(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob", host=LAN_HOST)

    assert await bob.page.evaluate("() => window.isSecureContext") is False
    assert await bob.page.evaluate("() => typeof navigator.clipboard") == "undefined"
    for page in (alice, bob):
        people = page.testid("participants")
        await people.get_by_text("Alice").wait_for()
        await people.get_by_text("Bob").wait_for()


async def test_both_typing_200_characters_at_once_lose_nothing_and_a_late_joiner_agrees(
    open_room, session_id, server
):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob", host=LAN_HOST)
    await alice.set_code("# top\n\n# bottom\n")
    await bob.wait_for_text("t.includes('# bottom')")
    await alice.focus_editor()
    await alice.page.keyboard.press("ControlOrMeta+Home")
    await alice.page.keyboard.press("End")
    await bob.focus_editor()
    await bob.page.keyboard.press("ControlOrMeta+End")

    lower, upper = "abcdefghij" * 20, "ABCDEFGHIJ" * 20
    await asyncio.gather(alice.page.keyboard.type(lower), bob.page.keyboard.type(upper))

    expected_length = len("# top\n\n# bottom\n") + 400
    final_alice = await alice.wait_for_text(f"t.length >= {expected_length}")
    final_bob = await bob.wait_for_text(f"t.length >= {expected_length}")
    assert final_alice == final_bob
    assert final_alice.startswith("# top" + lower)
    assert final_alice.endswith(upper)
    carol = await open_room(session_id, "Carol")
    assert await carol.wait_for_text(f"t.length >= {expected_length}") == final_alice
    assert server.session(session_id)["code"] == final_alice


async def test_edits_made_offline_on_both_sides_merge_when_the_network_returns(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob", host=LAN_HOST)
    await alice.set_code("shared line\n")
    await bob.wait_for_text("t === 'shared line\\n'")

    await bob.context.set_offline(True)
    await bob.wait_status("offline")
    await bob.focus_editor()
    await bob.page.keyboard.press("ControlOrMeta+End")
    await bob.page.keyboard.type("bob was offline\n")
    await alice.focus_editor()
    await alice.page.keyboard.press("ControlOrMeta+Home")
    await alice.page.keyboard.type("alice stayed\n")
    await bob.context.set_offline(False)
    await bob.wait_status("connected")

    merged = "alice stayed\nshared line\nbob was offline\n"
    assert await alice.wait_for_text(f"t === {merged!r}") == merged
    assert await bob.wait_for_text(f"t === {merged!r}") == merged


async def test_pasted_emoji_and_crlf_agree_in_every_editor_and_on_the_server(
    open_room, session_id, server
):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob", host=LAN_HOST)

    await alice.paste("def greet():\r\n    return '👋 héllo 👩‍💻'\r\n\r\nprint(greet())\r\n")
    expected = "def greet():\n    return '👋 héllo 👩‍💻'\n\nprint(greet())\n"
    assert await alice.wait_for_text(f"t === {expected!r}") == expected
    assert await bob.wait_for_text(f"t === {expected!r}") == expected

    # Bob types right after the emoji: offsets in UTF-16 (browser) and UTF-8 (server) agree.
    await bob.focus_editor()
    await bob.page.keyboard.press("ControlOrMeta+Home")
    await bob.page.keyboard.press("ArrowDown")
    await bob.page.keyboard.press("End")
    await bob.page.keyboard.press("ArrowLeft")  # before the closing quote
    await bob.page.keyboard.type("!")
    after = expected.replace("👩‍💻'", "👩‍💻!'")
    assert await alice.wait_for_text(f"t === {after!r}") == after
    assert server.session(session_id)["code"] == after


async def test_a_name_with_markup_is_shown_as_text_and_runs_nothing(open_room, session_id):
    hostile = "<img src=x onerror=alert(1)>"
    alice = await open_room(session_id, "Alice")
    mallory = await open_room(session_id, hostile, host=LAN_HOST)
    await mallory.testid("chat-input").fill("<script>alert(2)</script>")
    await mallory.testid("chat-input").press("Enter")

    await alice.testid("participants").get_by_text(hostile, exact=True).wait_for()
    await alice.testid("chat-log").get_by_text("<script>alert(2)</script>").wait_for()
    assert await alice.page.locator("[data-testid=participants] img").count() == 0
    assert await alice.page.locator("[data-testid=chat-log] script").count() == 0
    # The open_room fixture fails the test if a dialog (alert) opened on any page.


async def test_remote_caret_shows_the_name_and_disappears_when_that_person_leaves(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob")
    await alice.set_code("first line\nsecond line\n")
    await bob.wait_for_text("t.includes('second line')")

    await bob.focus_editor()
    await bob.page.keyboard.press("ControlOrMeta+End")
    caret = alice.page.locator("[data-testid=remote-caret]")
    await caret.get_by_text("Bob").wait_for()

    await bob.page.close()
    await caret.wait_for(state="detached")


async def test_language_choice_reaches_everyone(open_room, session_id):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob", host=LAN_HOST)

    await alice.testid("language-select").select_option("javascript")

    await bob.page.wait_for_function(
        "() => document.querySelector('[data-testid=language-select]').value === 'javascript'"
    )
    assert await alice.testid("language-select").input_value() == "javascript"


async def test_chat_shows_newest_at_the_bottom_for_everyone(open_room, session_id):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob", host=LAN_HOST)

    for text in ("first", "second", "third"):
        await alice.testid("chat-input").fill(text)
        await alice.testid("chat-input").press("Enter")
    await bob.testid("chat-log").get_by_text("third").wait_for()

    messages = await bob.page.locator("[data-testid=chat-log] li .text").all_inner_texts()
    assert messages == ["first", "second", "third"]


async def test_joining_and_leaving_shows_a_notice(open_room, session_id):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob")
    await alice.testid("toasts").get_by_text("Bob joined").wait_for()

    await bob.page.close()

    await alice.testid("toasts").get_by_text("Bob left").wait_for()


async def test_undo_takes_back_only_your_own_typing(open_room, session_id):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob")
    await alice.focus_editor()
    await alice.page.keyboard.type("alice")
    await bob.wait_for_text("t === 'alice'")
    await bob.focus_editor()
    await bob.page.keyboard.press("ControlOrMeta+End")
    await bob.page.keyboard.type(" bob")
    await alice.wait_for_text("t === 'alice bob'")

    await alice.focus_editor()
    await alice.page.keyboard.press("ControlOrMeta+z")

    assert await bob.wait_for_text("t === ' bob'") == " bob"


async def test_name_prompt_appears_without_a_name_and_remembers_the_name(open_room, session_id):
    page = await open_room(session_id, None, wait_connected=False)
    await page.testid("name-input").fill("Grace")
    await page.testid("join-button").click()
    await page.wait_status("connected")
    await page.testid("participants").get_by_text("Grace").wait_for()

    await page.page.reload()

    assert await page.testid("name-input").input_value() == "Grace"


async def test_share_panel_offers_the_link_a_working_copy_button_and_a_qr_code(
    open_room, session_id, server
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    link = alice.testid("share-link")
    await alice.page.wait_for_function(
        "() => document.querySelector('[data-testid=share-link]').textContent.includes('/s/')"
    )
    assert (await link.inner_text()).endswith(f"/s/{session_id}")
    await alice.testid("copy-link").click()
    assert await alice.testid("copy-link").inner_text() in ("Copied!", "Press Ctrl+C")
    qr = alice.testid("share-qr")
    await alice.page.wait_for_function(
        "() => document.querySelector('[data-testid=share-qr]').naturalWidth > 0"
    )
    assert (await qr.get_attribute("src")).startswith("/api/qr.svg?text=")


async def test_theme_toggle_switches_between_light_and_dark(open_room, session_id):
    alice = await open_room(session_id, "Alice")
    before = await alice.page.evaluate("() => document.documentElement.dataset.theme")

    await alice.testid("theme-toggle").click()

    after = await alice.page.evaluate("() => document.documentElement.dataset.theme")
    assert {before, after} == {"light", "dark"}


async def test_home_page_creates_a_session_and_lands_in_it(browser, server):
    from tests.support.browser import open_page

    # The host link leaves the host cookie and lands on the console.
    home = await open_page(browser, server.http, f"/host?token={HOST_TOKEN}", wait_connected=False)
    try:
        await home.testid("new-session").click()
        await home.page.wait_for_url("**/s/**")
        session = home.page.url.rsplit("/s/", 1)[1]
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"{server.http}/api/sessions/{session}")).status_code == 200
        await home.wait_status("connected")  # the host is never asked its name
        assert home.stayed_local() == []
        assert home.errors == []
    finally:
        await home.context.close()


async def test_unknown_session_link_shows_a_clear_page(browser, server):
    from tests.support.browser import open_page

    page = await open_page(browser, server.http, "/s/no-such-session", wait_connected=False)
    try:
        await page.page.get_by_text("This session does not exist").wait_for()
    finally:
        await page.context.close()
