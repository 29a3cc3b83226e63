"""Everyone sees the same output for a run, when it was cut included."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST, RoomPage
from tests.support.runs import NEWEST_ENTRY, newest_entry, run

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def all_output(page: RoomPage) -> str:
    """The newest entry's whole output (inner_text skips blocks scrolled out of view)."""
    return str(
        await page.page.evaluate(
            f"""() => [...{NEWEST_ENTRY}.querySelectorAll('[data-stream]')]
                        .map((s) => s.textContent).join('')"""
        )
    )


async def finished_remote_entry(page: RoomPage) -> dict[str, str]:
    await page.page.wait_for_function(
        f"""() => {{
            const entry = {NEWEST_ENTRY};
            return entry && /finished|failed|stopped/.test(
                entry.querySelector('[data-testid=run-status]').textContent);
        }}""",
        timeout=30_000,
    )
    return await newest_entry(page)


async def test_output_cut_at_the_rooms_limit_is_the_same_text_for_everyone(start_server, open_room):
    server = start_server(max_output_chars="500")
    session = server.create_session()
    alice = await open_room(session, "Alice", host=LAN_HOST, on=server)
    bob = await open_room(session, "Bob", on=server)

    mine = await run(alice, "for (let i = 0; i < 400; i++) console.log(i)", language="javascript")
    theirs = await finished_remote_entry(bob)

    assert mine["truncated"] == theirs["truncated"] == "True"
    assert theirs["output"] == mine["output"]
    assert mine["output"].startswith("0\n1\n2\n")
    assert len(mine["output"]) < 500


async def test_output_the_runner_cut_by_lines_is_marked_for_everyone(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    bob = await open_room(session_id, "Bob")

    mine = await run(alice, "for (let i = 0; i < 20000; i++) console.log(1)", "javascript")
    theirs = await finished_remote_entry(bob)

    assert mine["truncated"] == theirs["truncated"] == "True"
    assert await all_output(bob) == await all_output(alice) == "1\n" * 10_000
