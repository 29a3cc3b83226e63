"""A participant's connection is cut for 30 seconds while everyone keeps typing; when it
returns, every editor converges and no keystroke is lost."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.support.browser import LAN_HOST

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

OUTAGE_SECONDS = 30


async def type_for(page, prefix: str, seconds: float) -> str:
    """Type lines until ``seconds`` have passed; returns what was typed."""
    typed = []
    deadline = time.monotonic() + seconds
    number = 0
    while time.monotonic() < deadline:
        line = f"{prefix}{number:03d}\n"
        await page.page.keyboard.type(line, delay=15)
        typed.append(line)
        number += 1
    return "".join(typed)


async def test_thirty_second_outage_while_everyone_types_loses_nothing(open_room, session_id):
    alice = await open_room(session_id, "Alice")
    bob = await open_room(session_id, "Bob", host=LAN_HOST)
    carol = await open_room(session_id, "Carol")
    await alice.set_code("=== middle ===\n")
    for page in (bob, carol):
        await page.wait_for_text("t === '=== middle ===\\n'")
    await alice.focus_editor()
    await alice.page.keyboard.press("ControlOrMeta+Home")
    await bob.focus_editor()
    await bob.page.keyboard.press("ControlOrMeta+End")
    await carol.focus_editor()
    await carol.page.keyboard.press("ControlOrMeta+End")

    await bob.context.set_offline(True)
    await bob.wait_status("offline")
    typed = await asyncio.gather(
        type_for(alice, "alice-", OUTAGE_SECONDS),
        type_for(bob, "bob-", OUTAGE_SECONDS),
        type_for(carol, "carol-", OUTAGE_SECONDS),
    )
    await bob.context.set_offline(False)
    await bob.wait_status("connected", timeout=30_000)

    expected_length = len("=== middle ===\n") + sum(len(t) for t in typed)
    finals = [
        await page.wait_for_text(f"t.length === {expected_length}", timeout=30_000)
        for page in (alice, bob, carol)
    ]
    assert finals[0] == finals[1] == finals[2]
    for lines in typed:
        for line in lines.splitlines():
            assert finals[0].count(line + "\n") == 1, f"{line!r} lost or doubled"
