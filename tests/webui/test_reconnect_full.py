"""A session that refuses a socket (close 4409, "Too many tabs") is waited out, not given up:
the page says why and when it retries, and joins once a slot frees."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

STATUS = '[data-testid="connection-status"]'


async def test_a_tab_over_the_limit_waits_and_joins_when_a_slot_frees(open_room, start_server):
    server = start_server(max_connections_per_user="1")
    session_id = server.create_session()
    first = await open_room(session_id, "Alice", on=server)

    # A second tab of the same browser is the same userId (localStorage): one too many.
    second = await first.context.new_page()
    errors: list[str] = []
    second.on("pageerror", lambda error: errors.append(str(error)))
    await second.goto(f"{first.origin}/s/{session_id}?name=Alice")
    # Read in one go: the badge changes again when the retry starts.
    full = await second.wait_for_function(
        """() => {
            const badge = document.querySelector('[data-testid="connection-status"]');
            return badge?.dataset.status === "full"
                && {text: badge.textContent, title: badge.title};
        }""",
        timeout=15_000,
    )
    shown = await full.json_value()
    assert shown["text"].startswith("Session full — retrying in "), shown
    assert "Too many tabs" in shown["title"], shown

    # Closing the first tab frees the slot: the waiting tab joins on its next try. (The
    # participants list fills only on a real join; "connected" also shows, briefly, on each
    # socket the server accepts and then refuses.)
    await first.page.close()
    await second.get_by_test_id("participants").get_by_text("Alice").wait_for(timeout=20_000)
    badge = second.locator(STATUS)
    await second.wait_for_timeout(3_000)  # past the next retry's time: joined for good
    assert await badge.get_attribute("data-status") == "connected"
    assert errors == []
