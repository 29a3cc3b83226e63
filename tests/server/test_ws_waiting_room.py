"""Removing a participant and the waiting room. A removed candidate's sockets close (4410)
with a reason they see; their identity (userId, or any join showing their secret) waits at
the door from then on, learning nothing of the room, until an interviewer admits it. With the
waiting room on, candidates the room has not let in before wait the same way."""

from __future__ import annotations

from server.messages import NOT_LET_IN, REMOVED, WAITING
from tests.support.peers import Peer

CLOSE_REMOVED = 4410


async def knock(room, username: str, user_id: str, **join: object) -> tuple[Peer, str]:
    """A candidate whose join is held: returns it and its waitingId."""
    peer = await room.peer(username, user_id, join=False)
    await peer.send("join-session", userId=user_id, username=username, **join)
    waiting = await peer.expect("waiting")
    assert waiting["message"] == WAITING
    return peer, str(waiting["waitingId"])


async def expect_let_in_with_nothing_before(peer: Peer) -> dict:
    """The first frame after `waiting` is the join's session-state: nothing leaked before."""
    first = await peer.recv()
    assert first["type"] == "session-state", first
    return dict(first["payload"])


async def test_a_removed_candidate_is_closed_with_a_reason_and_waits_when_coming_back(room):
    host = await room.peer("Host", as_host=True)
    ada = await room.peer("Ada", participantSecret=None)

    await host.send("remove-participant", userId="id-ada")

    assert await ada.expect_error() == REMOVED
    assert await ada.closed() == (CLOSE_REMOVED, REMOVED)
    await host.expect("participant-left", userId="id-ada")
    back = await room.peer("Ada", "id-ada", join=False)
    await back.send("join-session", userId="id-ada", username="Ada", participantSecret=ada.secret)
    assert await back.expect_error() == REMOVED
    waiting_id = (await back.expect("waiting"))["waitingId"]
    listing = await host.expect("waiting-list")
    assert listing["waiting"] == [
        {"waitingId": waiting_id, "userId": "id-ada", "username": "Ada", "removed": True}
    ]

    await host.send("chat-message", text="private?")
    await host.send("code-change", changes="while Ada waits\n")
    await host.send("admit-participant", waitingId=waiting_id)
    state = await expect_let_in_with_nothing_before(back)
    assert state["you"]["userId"] == "id-ada"
    assert (await host.expect("waiting-list"))["waiting"] == []


async def test_a_fresh_user_id_showing_the_removed_secret_waits_and_can_be_denied(room):
    host = await room.peer("Host", as_host=True)
    ada = await room.peer("Ada", participantSecret=None)
    await host.send("remove-participant", userId="id-ada")
    await ada.closed()

    fresh, waiting_id = await knock(room, "Ada2", "id-fresh", participantSecret=ada.secret)
    assert (await host.expect("waiting-list"))["waiting"][0]["removed"] is True

    await host.send("deny-participant", waitingId=waiting_id)
    assert await fresh.expect_error() == NOT_LET_IN
    assert await fresh.closed() == (CLOSE_REMOVED, NOT_LET_IN)


async def test_a_removed_spec_client_reconnecting_with_its_user_id_waits(room):
    host = await room.peer("Host", as_host=True)
    spec = await room.peer("Spec")  # never speaks of secrets
    await host.send("remove-participant", userId="id-spec")
    await spec.closed()

    again, _ = await knock(room, "Spec", "id-spec")

    assert (await host.expect("waiting-list"))["waiting"][0]["userId"] == "id-spec"
    seen = await host.barrier()
    assert "participant-joined" not in str(seen[host])
    await again.close()


async def test_only_interviewers_remove_and_interviewers_cannot_be_removed(room):
    host = await room.peer("Host", as_host=True)
    co = await room.peer("Co", key=room.interviewer_key)
    candidate = await room.peer("Cand")

    await candidate.send("remove-participant", userId="id-co")
    assert "Only an interviewer" in await candidate.expect_error()
    await host.send("remove-participant", userId="id-co")
    assert "cannot be removed" in await host.expect_error()
    await host.send("remove-participant", userId="nobody")
    assert "Nobody" in await host.expect_error()
    seen = await host.barrier(co, candidate)
    assert "participant-left" not in str(seen)


async def test_with_the_waiting_room_on_new_candidates_wait_and_known_ones_come_back(room):
    host = await room.peer("Host", as_host=True)
    known = await room.peer("Known", participantSecret=None)
    await host.send("set-controls", waitingRoom=True)
    await host.expect("controls-updated", waitingRoom=True)

    newcomer, waiting_id = await knock(room, "New", "id-new", participantSecret=None)
    assert (await host.expect("waiting-list"))["waiting"][0]["username"] == "New"
    await known.close()
    back = await room.peer("Known", participantSecret=known.secret)  # let in before: no wait
    co = await room.peer("Co", key=room.interviewer_key)  # interviewers never wait
    assert "waiting-list" in [m["type"] for m in co.joined_with], (
        "a late interviewer sees who waits"
    )

    await candidate_cannot_admit(back, waiting_id)
    await host.send("chat-message", text="before admitting")
    await co.send("admit-participant", waitingId=waiting_id)
    state = await expect_let_in_with_nothing_before(newcomer)
    assert state["you"]["userId"] == "id-new"
    await host.expect("participant-joined", userId="id-new")


async def candidate_cannot_admit(candidate: Peer, waiting_id: str) -> None:
    await candidate.send("admit-participant", waitingId=waiting_id)
    assert "Only an interviewer" in await candidate.expect_error()


async def test_turning_the_waiting_room_off_lets_everyone_in_but_removed_people(room):
    host = await room.peer("Host", as_host=True)
    ada = await room.peer("Ada", participantSecret=None)
    await host.send("remove-participant", userId="id-ada")
    await ada.closed()
    await host.send("set-controls", waitingRoom=True)
    newcomer, _ = await knock(room, "New", "id-new")
    removed, _ = await knock(room, "Ada", "id-ada", participantSecret=ada.secret)

    await host.send("set-controls", waitingRoom=False)

    await expect_let_in_with_nothing_before(newcomer)
    await host.expect("controls-updated", waitingRoom=False)
    listing = await host.expect("waiting-list")
    assert [person["userId"] for person in listing["waiting"]] == ["id-ada"]
    await removed.close()


async def test_a_waiting_join_is_not_timed_out_and_leaving_takes_it_off_the_list(
    start_server, room_on
):
    room = room_on(start_server(join_timeout_seconds="1"))
    host = await room.peer("Host", as_host=True)
    await host.send("set-controls", waitingRoom=True)
    newcomer, waiting_id = await knock(room, "New", "id-new")
    silent = await room.peer("Silent", join=False)

    await silent.closed()  # the join deadline has passed for both sockets by now
    await host.send("admit-participant", waitingId=waiting_id)
    await expect_let_in_with_nothing_before(newcomer)

    leaver, _ = await knock(room, "Gone", "id-gone")
    await leaver.close()
    await host.expect("waiting-list", waiting=[])
