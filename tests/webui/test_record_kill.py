"""The record survives ``kill -9``: two real browsers type, the server is killed and started
again on the same data directory and port; no session is lost, the code the pages had a
second before the kill is there, and what they typed while it was down merges when they
reconnect. The history and ``code?at`` match the texts seen at known instants."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from tests.support.browser import RoomPage

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

# The record's promise: after kill -9, at most the last second of edits is lost.
DURABLE_AFTER_SECONDS = 1.0


async def type_lines(page: RoomPage, prefix: str, count: int) -> list[str]:
    lines = [f"{prefix}{number:02d}" for number in range(count)]
    for line in lines:
        await page.page.keyboard.type(line + "\n", delay=10)
    return lines


async def converged(*pages: RoomPage, containing: list[str]) -> str:
    """Wait until every page shows the same text holding every line (so the server has it)."""
    needles = repr(containing)
    for page in pages:
        await page.wait_for_text(f"{needles}.every((line) => t.includes(line + '\\n'))")
    texts = {await page.text() for page in pages}
    assert len(texts) == 1, texts
    return texts.pop()


async def host_get(server, path: str, **params: object) -> httpx.Response:
    async with httpx.AsyncClient(base_url=server.http, headers=server.host_headers) as http:
        return await http.get(path, params=params or None, timeout=10)


async def test_kill_9_loses_no_session_and_offline_edits_merge_after_restart(
    open_room, start_server
):
    server = start_server()
    session_id = server.create_session(title="Crash test")
    alice = await open_room(session_id, "Alice", on=server)
    bob = await open_room(session_id, "Bob", on=server)
    await alice.focus_editor()
    await bob.focus_editor()
    await bob.page.keyboard.press("ControlOrMeta+End")

    observed: list[tuple[int, str]] = []  # (instant in ms, the code everyone saw then)
    typed: list[str] = []
    for round_number in range(3):
        typed += (
            await asyncio.gather(
                type_lines(alice, f"alice-{round_number}-", 4),
                type_lines(bob, f"bob-{round_number}-", 4),
            )
        )[0]
        typed += [f"bob-{round_number}-{number:02d}" for number in range(4)]
        seen = await converged(alice, bob, containing=typed)
        observed.append((int(time.time() * 1000), seen))  # the instant after the server had it
    await asyncio.sleep(DURABLE_AFTER_SECONDS)  # the promise's own interval
    before_kill = observed[-1][1]

    server.kill()
    for page in (alice, bob):
        await page.wait_for_text("true")  # the page is alive
        await page.context.set_offline(True)
        await page.wait_status("offline")
    offline = await asyncio.gather(
        type_lines(alice, "alice-off-", 2), type_lines(bob, "bob-off-", 2)
    )
    server.restart()

    assert server.session(session_id)["code"] == before_kill  # before the pages are back
    listed = (await host_get(server, "/api/sessions")).json()
    assert session_id in [session["sessionId"] for session in listed]
    for page in (alice, bob):
        await page.context.set_offline(False)
        await page.wait_status("connected", timeout=30_000)
    everything = typed + offline[0] + offline[1]
    final = await converged(alice, bob, containing=everything)
    for line in everything:
        assert final.count(line + "\n") == 1, f"{line!r} lost or doubled"
    assert server.session(session_id)["code"] == final

    for instant, text in observed:
        response = await host_get(server, f"/api/sessions/{session_id}/code", at=instant)
        assert response.text == text
    events = (await host_get(server, f"/api/sessions/{session_id}/history")).json()["events"]
    authors = {event["userId"] for event in events if event["type"] == "code"}
    assert len(authors) == 2
    assert [event["t"] for event in events] == sorted(event["t"] for event in events)
