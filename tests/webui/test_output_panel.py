"""The output panel: runs read as a console (oldest first, scrolled to the newest unless the
reader scrolled up), everyone sees the stdin a run used, Clear is local, and a stopped run
reads as stopped for everyone."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST, RoomPage
from tests.support.runs import (
    NEWEST_ENTRY,
    give_stdin,
    newest,
    newest_entry_when_done,
    run,
)

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


# How far the output panel is from showing its newest line, in pixels.
FROM_BOTTOM = """() => {
  const output = document.querySelector("[data-testid=output]");
  return output.scrollHeight - output.scrollTop - output.clientHeight;
}"""
SCROLL_TOP = "() => document.querySelector('[data-testid=output]').scrollTop"
# The reader scrolls to the top; resolves once the page has handled the scroll (two frames).
SCROLL_UP = """() => new Promise((done) => {
  document.querySelector("[data-testid=output]").scrollTop = 0;
  requestAnimationFrame(() => requestAnimationFrame(done));
})"""
FINISHED_COUNT = """(count) => [...document.querySelectorAll("[data-testid=run-status]")]
  .filter((status) => /finished|failed|stopped/.test(status.textContent)).length === count"""


async def finished_runs(page: RoomPage, count: int) -> list[str]:
    """The run ids of the entries, in page order, once ``count`` of them have finished."""
    await page.page.wait_for_function(FINISHED_COUNT, arg=count)
    return list(
        await page.page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=run-entry]')]"
            ".map((entry) => entry.dataset.runId)"
        )
    )


async def test_runs_read_as_a_console_and_everyone_sees_the_stdin_a_run_used(open_room, session_id):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)
    grace = await open_room(session_id, "Grace", host=LAN_HOST)
    await give_stdin(ada, "21\n")
    long_run = "print(int(input()) * 2)\nfor i in range(200):\n    print(i)\n"

    mine = await run(ada, long_run)
    first = await finished_runs(grace, 1)
    stdin_seen = await newest(grace).locator("[data-testid=run-stdin-text]").text_content()
    assert mine["output"].startswith("42\n0\n")
    assert stdin_seen == "21\n"
    assert await newest(ada).locator("[data-testid=run-stdin-text]").text_content() == "21\n"
    assert await grace.page.evaluate(FROM_BOTTOM) <= 24, "not scrolled to the newest output"

    # Grace scrolls up to read: Ada's next run is added below without moving her view.
    await grace.page.evaluate(
        "() => { document.querySelector('[data-testid=output]').scrollTop = 0; }"
    )
    await grace.page.wait_for_function(f"() => ({FROM_BOTTOM})() > 100")
    await run(ada, long_run)
    both = await finished_runs(grace, 2)
    assert both[0] == first[0], "the oldest run is first"
    assert both == await finished_runs(ada, 2)
    assert (
        await grace.page.evaluate("() => document.querySelector('[data-testid=output]').scrollTop")
        == 0
    )
    assert await ada.page.evaluate(FROM_BOTTOM) <= 24


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
        f"() => {NEWEST_ENTRY}?.querySelector('[data-testid=run-error]')?.textContent"
        " === 'Stopped.'"
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
