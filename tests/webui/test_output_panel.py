"""The output panel: Clear is local, and a stopped run reads as stopped for everyone."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST
from tests.support.runs import newest_entry_when_done, run

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_clear_empties_only_this_screen(open_room, session_id):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)
    grace = await open_room(session_id, "Grace", host=LAN_HOST)
    await run(ada, "print('first')")
    await run(ada, "print('second')")
    await grace.page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=run-entry]').length === 2"
    )

    await ada.testid("output-clear").click()

    assert await ada.page.locator("[data-testid=run-entry]").count() == 0
    assert await grace.page.locator("[data-testid=run-entry]").count() == 2
    assert (await run(ada, "print('third')"))["output"] == "third\n"


async def test_a_run_someone_stopped_is_stopped_on_every_screen(open_room, session_id):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)
    grace = await open_room(session_id, "Grace", host=LAN_HOST)
    await run(ada, "print('warm')")
    await ada.set_code("while True:\n    pass\n")
    await ada.testid("run-button").click()
    await ada.page.wait_for_function(
        "() => !document.querySelector('[data-testid=stop-button]').disabled"
    )

    await ada.testid("stop-button").click()
    mine = await newest_entry_when_done(ada)
    await grace.page.wait_for_function(
        """() => document.querySelector('[data-testid=run-entry] [data-testid=run-error]')
            ?.textContent === 'Stopped.'"""
    )
    theirs = await newest_entry_when_done(grace)

    for entry in (mine, theirs):
        assert entry["error"] == "Stopped."
        assert entry["status"].startswith("stopped"), entry
        assert "failed" not in entry["status"]


async def test_the_stdin_box_survives_a_reload_and_an_empty_one_is_end_of_input(
    open_room, session_id
):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)

    empty = await run(ada, "try:\n    input()\nexcept EOFError:\n    print('EOF')\n")
    await ada.page.locator("details.stdin summary").click()
    await ada.testid("stdin-input").fill("3\n1 2 3\n")
    await ada.page.reload()
    await ada.wait_status("connected")

    assert empty["output"] == "EOF\n"
    assert await ada.testid("stdin-input").input_value() == "3\n1 2 3\n"
    summed = await run(ada, "input()\nprint(sum(map(int, input().split())))")
    assert summed["output"] == "6\n"


async def test_the_invite_panel_folds_once_a_candidate_is_in(open_room, session_id):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)
    link = ada.page.locator("[data-testid=share-panel] .share-link")
    assert await link.is_visible()

    await open_room(session_id, "Grace", host=LAN_HOST)

    await link.wait_for(state="hidden")
    await ada.testid("invite-toggle").click()
    assert await link.is_visible()
