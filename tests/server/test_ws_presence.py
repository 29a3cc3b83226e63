"""Joining late, leaving, vanishing, and one person in several tabs."""

from __future__ import annotations

import asyncio

import httpx

from tests.support.peers import Peer, types


async def test_late_joiner_receives_participants_language_code_and_last_result_as_spec_events(
    room,
):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    await alice.send("language-change", language="javascript")
    await alice.send("code-change", changes="console.log(1 + 1)")
    await alice.send("execution-result", output="2\n", error=None)
    await alice.barrier(bob)

    carol = await room.peer("Carol")

    state = carol.joined_with
    assert types(state) == [
        "session-state",
        "participant-joined",
        "participant-joined",
        "participant-joined",
        "language-updated",
        "code-update",
        "execution-result",
    ]
    assert [m["payload"]["username"] for m in state[1:4]] == ["Alice", "Bob", "Carol"]
    assert state[4]["payload"] == {"userId": "id-alice", "language": "javascript"}
    assert state[5]["payload"] == {"userId": "server", "code": "console.log(1 + 1)"}
    assert state[6]["payload"] == {
        "userId": "id-alice",
        "username": "Alice",
        "output": "2\n",
        "error": None,
    }
    session = state[0]["payload"]
    assert session["you"] == {
        "userId": "id-carol",
        "username": "Carol",
        "color": "#4363d8",
        "role": "candidate",
    }
    assert session["language"] == "javascript"


async def test_late_joiner_receives_chat_history_and_current_cursors(room):
    alice = await room.peer("Alice")
    await alice.send("chat-message", text="welcome")
    await alice.send("cursor-move", cursor={"line": 3, "column": 7})
    await alice.barrier()

    bob = await room.peer("Bob")

    chats = [m["payload"]["text"] for m in bob.joined_with if m["type"] == "chat-message"]
    assert chats == ["welcome"]
    cursors = [m["payload"] for m in bob.joined_with if m["type"] == "cursor-update"]
    assert cursors == [{"userId": "id-alice", "cursor": {"line": 3, "column": 7}}]


async def test_abrupt_disconnect_sends_exactly_one_participant_left(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    bob.abort()

    assert await alice.expect("participant-left") == {"userId": "id-bob"}
    later = (await alice.barrier())[alice]
    assert "participant-left" not in types(later)
    assert [p["userId"] for p in room.state()["participants"]] == ["id-alice"]


async def test_leave_then_disconnect_sends_participant_left_once(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await bob.send("leave-session", userId="id-bob")
    await alice.expect("participant-left", userId="id-bob")
    await bob.close()

    later = (await alice.barrier())[alice]
    assert "participant-left" not in types(later)


async def test_events_after_leave_session_need_a_new_join(room):
    await room.peer("Alice")
    bob = await room.peer("Bob")

    await bob.send("leave-session")
    await bob.expect("participant-left", userId="id-bob")
    await bob.send("code-change", changes="x")

    assert await bob.expect_error() == "Join the session first"


async def test_two_tabs_of_one_user_are_one_participant_who_leaves_with_the_last_tab(room):
    alice = await room.peer("Alice")
    bob_tab1 = await room.peer("Bob", user_id="id-bob")
    await bob_tab1.barrier(alice)

    # Another tab of the same person proves it with the secret the first one received.
    bob_tab2 = await room.peer("Bob", user_id="id-bob", participantSecret=bob_tab1.secret)
    seen = await bob_tab2.barrier(alice)
    assert "participant-joined" not in types(seen[alice]), "a second tab is not a new participant"
    tab2_list = [
        m["payload"]["userId"] for m in bob_tab2.joined_with if m["type"] == "participant-joined"
    ]
    assert tab2_list == ["id-alice", "id-bob"]

    await bob_tab1.close()
    seen = await bob_tab2.barrier(alice)
    assert "participant-left" not in types(seen[alice]), "Bob still has a tab open"

    await bob_tab2.close()
    assert await alice.expect("participant-left") == {"userId": "id-bob"}
    assert [p["userId"] for p in room.state()["participants"]] == ["id-alice"]


async def test_each_participant_gets_a_distinct_colour(room):
    peers = [await room.peer(name) for name in ("Ann", "Ben", "Cid", "Dee")]
    session = (await peers[-1].barrier())[peers[-1]]
    assert "participant-joined" not in types(session)
    colours = [p["color"] for p in room.state()["participants"]]
    assert len(set(colours)) == 4


async def test_a_full_session_refuses_one_more_participant(start_server, room_on):
    room = room_on(start_server(max_participants_per_room="2"))
    await room.peer("Alice")
    await room.peer("Bob")
    carol = await room.peer("Carol", join=False)

    await carol.send("join-session", userId="id-carol", username="Carol")

    assert await carol.expect_error() == "Session is full (2 participants)"
    assert await carol.closed() == (4409, "Session is full (2 participants)")


async def test_empty_session_is_kept_for_the_grace_period_then_leaves_memory_not_disk(
    start_server, room_on
):
    server = start_server(room_idle_ttl_seconds="0.5")
    room = room_on(server)
    alice = await room.peer("Alice")
    await alice.send("code-change", changes="keep me")
    await alice.barrier()
    await alice.close()

    # A reconnect within the grace period finds the code.
    back = await room.peer("Alice")
    code = [m["payload"]["code"] for m in back.joined_with if m["type"] == "code-update"]
    assert code == ["keep me"]
    await back.close()

    await asyncio.to_thread(server.wait_for_log, f"session {room.session_id} left memory")
    async with httpx.AsyncClient() as client:
        health = (await client.get(f"{server.http}/api/health")).json()
        response = await client.get(f"{server.http}/api/sessions/{room.session_id}")
    assert health["sessions"] == 0
    assert response.status_code == 200  # brought back from the record
    assert response.json()["code"] == "keep me"


async def test_unknown_session_gets_session_not_found_and_close_4404(server):
    peer = await Peer.connect(server.ws, "no-such-session")
    try:
        message = await peer.recv()
        assert message == {"type": "error", "payload": {"message": "Session not found"}}
        assert await peer.closed() == (4404, "Session not found")
    finally:
        await peer.close()
