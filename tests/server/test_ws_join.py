"""A join happens completely or not at all: a refused join changes nothing and can be retried."""

from __future__ import annotations

import base64

from tests.support.crdt_peer import CrdtPeer
from tests.support.peers import types

# A state vector declaring five clients in two bytes: refused before the room changes.
MALFORMED_STATE_VECTOR = base64.b64encode(b"\x05\x01").decode()


async def test_join_with_a_malformed_state_vector_changes_nothing_and_can_be_retried(room):
    alice = await room.peer("Alice")
    await alice.send("code-change", changes="print('hi')\n")
    eve = CrdtPeer(await room.peer("Eve", join=False))

    await eve.peer.send(
        "join-session",
        userId="id-eve",
        username="Eve",
        crdt="yjs",
        stateVector=MALFORMED_STATE_VECTOR,
    )
    error = await eve.peer.expect_error()

    assert error.startswith("Invalid payload: `payload.stateVector` ")
    seen = await alice.barrier()
    assert "participant-joined" not in types(seen[alice]), "nobody was told of a failed join"
    assert [p["userId"] for p in room.state()["participants"]] == ["id-alice"]

    await eve.join()  # the same join, with a good state vector this time

    assert eve.code == "print('hi')\n"
    assert types(eve.peer.joined_with).count("session-state") == 1
    assert (await alice.expect("participant-joined"))["userId"] == "id-eve"
    assert "id-eve" in [p["userId"] for p in room.state()["participants"]]


async def test_join_refused_for_a_full_session_leaves_no_trace(start_server, room_on):
    room = room_on(start_server(max_participants_per_room="1"))
    alice = await room.peer("Alice")
    bob = await room.peer("Bob", join=False)

    await bob.send("join-session", userId="id-bob", username="Bob")

    assert await bob.expect_error() == "Session is full (1 participants)"
    assert "participant-joined" not in types((await alice.barrier())[alice])
    assert [p["userId"] for p in room.state()["participants"]] == ["id-alice"]
