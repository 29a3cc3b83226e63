"""Totals, not just messages: what one participant can take from a room is bounded.

Each test here is an attack that worked before the limit existed: one userId holding every
slot of a room, a late joiner sent megabytes of chat, a language flood, look-alike names,
and sessions created by the thousand that nobody ever joins.
"""

from __future__ import annotations

import asyncio

import httpx

from tests.support.peers import Peer, types


async def test_one_user_holds_at_most_a_few_sockets_and_others_still_get_in(start_server, room_on):
    room = room_on(start_server(max_connections_per_user="3", max_connections_per_room="8"))
    first = await room.peer("Mallory", "id-mallory")
    secret = first.secret  # each further tab proves it is the same person
    tabs = [first] + [
        await room.peer("Mallory", "id-mallory", participantSecret=secret) for _ in range(2)
    ]
    extra = await room.peer("Mallory", "id-mallory", join=False)

    await extra.send(
        "join-session", userId="id-mallory", username="Mallory", participantSecret=secret
    )

    error = await extra.expect_error()
    assert error.startswith("Too many tabs: id-mallory already has 3 connections")
    code, reason = await extra.closed()
    assert code == 4409
    assert reason.startswith("Too many tabs")
    alice = await room.peer("Alice")  # someone else still gets a seat
    assert "participant-joined" in types(alice.joined_with)
    seen = await alice.barrier(*tabs)
    assert all("participant-left" not in types(seen[tab]) for tab in tabs)


async def test_late_joiner_gets_only_the_newest_chat_that_fits_the_budget(start_server, room_on):
    room = room_on(
        start_server(max_chat_history_bytes="4000", max_chat_chars="1000", chat_history_size="200")
    )
    alice = await room.peer("Alice")
    for number in range(60):
        await alice.send("chat-message", text=f"{number:03d} " + "x" * 500)
    await alice.barrier()

    late = await room.peer("Late")

    history = [m["payload"]["text"] for m in late.joined_with if m["type"] == "chat-message"]
    sizes = sum(len(text) for text in history)
    assert 0 < sizes <= 4000
    numbers = [int(text[:3]) for text in history]
    assert numbers == sorted(numbers), "oldest first, as a chat reads"
    assert numbers[-1] == 59, "the newest lines are kept"
    assert len(numbers) < 60, "not the whole history"


async def test_language_changes_are_rate_limited_and_the_room_keeps_the_last_accepted(
    start_server, room_on
):
    room = room_on(start_server(language_changes_per_minute="6"))
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    for number in range(20):
        await alice.send("language-change", language=("sql", "python")[number % 2])
    seen = await alice.barrier(bob)

    assert types(seen[bob]).count("language-updated") == 6
    errors = [m["payload"]["message"] for m in seen[alice] if m["type"] == "error"]
    assert len(errors) == 14
    assert errors[0] == "Too many language changes: at most 6 a minute; this one was refused"
    assert room.state()["language"] == "python"


async def test_names_that_only_look_alike_are_one_name(room):
    ada = await room.peer("Ada", "id-ada-1", join=False)
    await ada.send("join-session", userId="id-ada-1", username="Ａｄａ\u200b\u202e")
    joined = await ada.expect("participant-joined", userId="id-ada-1")

    assert joined["username"] == "Ada"


async def test_a_name_of_only_invisible_characters_is_refused(room):
    ghost = await room.peer("Ghost", join=False)

    await ghost.send("join-session", userId="id-ghost", username="\u200b\u202e\U000e0041\u2066")

    assert await ghost.expect_error() == "Invalid payload: `payload.username` must not be empty"


async def test_sessions_nobody_joins_leave_memory_after_minutes_not_hours(start_server):
    server = start_server(unjoined_session_ttl_seconds="0.5", room_idle_ttl_seconds="3600")
    unused = server.create_session()
    used = server.create_session()
    peer = await Peer.connect(server.ws, used, "id-alice", "Alice")
    await peer.join()

    await asyncio.to_thread(server.wait_for_log, f"session {unused} left memory")

    async with httpx.AsyncClient() as client:
        assert (await client.get(f"{server.http}/api/health")).json()["sessions"] == 1
        assert (await client.get(f"{server.http}/api/sessions/{used}")).status_code == 200
        # Memory is freed, the record is not: it comes back from disk when asked for.
        assert (await client.get(f"{server.http}/api/sessions/{unused}")).status_code == 200
    await peer.close()
