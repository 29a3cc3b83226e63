"""Identity that cannot be borrowed: the server issues each participant a secret at its first
join, and a userId is reused only by a join that shows that secret. The rules are in
server/identities.py and docs/protocol.md."""

from __future__ import annotations

from tests.support.peers import types


def joined_ids(messages: list[dict]) -> list[str]:
    return [m["payload"]["userId"] for m in messages if m["type"] == "participant-joined"]


async def test_the_joiner_alone_receives_its_participant_secret(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    seen = await bob.barrier(alice)

    assert len(alice.secret) >= 22
    assert len(bob.secret) >= 22
    assert alice.secret != bob.secret
    assert alice.secret not in str(seen[alice]) + str(bob.joined_with)
    assert bob.secret not in str(seen[alice])


async def test_claiming_someone_elses_user_id_without_the_secret_gives_a_new_user_id(room):
    alice = await room.peer("Alice", "id-alice")
    mallory = await room.peer("Mallory", "id-alice")
    seen = await mallory.barrier(alice)

    new_id = mallory.state["you"]["userId"]
    assert new_id != "id-alice"
    assert joined_ids(seen[alice]) == [new_id], "everyone learns it is somebody new"
    assert joined_ids(mallory.joined_with) == ["id-alice", new_id]
    await mallory.send("chat-message", text="hi")
    assert (await alice.expect("chat-message", text="hi"))["userId"] == new_id


async def test_a_wrong_secret_gives_a_new_user_id_even_when_the_owner_is_away(room):
    alice = await room.peer("Alice", "id-alice", participantSecret=None)
    await alice.close()
    guesser = await room.peer("Guess", "id-alice", participantSecret="not-the-secret")

    assert guesser.state["you"]["userId"] != "id-alice"


async def test_with_the_secret_another_socket_is_the_same_person(room):
    alice = await room.peer("Alice", "id-alice")
    second_tab = await room.peer("Alice", "id-alice", participantSecret=alice.secret)
    seen = await second_tab.barrier(alice)

    assert second_tab.state["you"]["userId"] == "id-alice"
    assert second_tab.secret == alice.secret
    assert "participant-joined" not in types(seen[alice])


async def test_a_client_that_keeps_secrets_reconnects_with_it_and_only_with_it(room):
    witness = await room.peer("Wit")
    alice = await room.peer("Alice", "id-alice", participantSecret=None)  # keeps secrets
    secret = alice.secret
    await alice.close()
    await witness.expect("participant-left", userId="id-alice")

    without = await room.peer("Alice", "id-alice")  # the spec's reconnect is not enough now
    back = await room.peer("Alice", "id-alice", participantSecret=secret)

    assert without.state["you"]["userId"] != "id-alice"
    assert back.state["you"]["userId"] == "id-alice"


async def test_a_spec_client_cannot_take_over_an_absent_spec_clients_user_id(room):
    """Two clients that know only the spec: while the first is away, the second asks for its
    userId. Nothing proves it is the same person, so it is somebody new, and says so."""
    witness = await room.peer("Wit")
    first = await room.peer("Grace", "id-grace")
    await first.close()
    await witness.expect("participant-left", userId="id-grace")

    mallory = await room.peer("Grace", "id-grace")
    new_id = mallory.state["you"]["userId"]
    await witness.expect("participant-joined", userId=new_id)  # everyone is told who it is
    await mallory.send("chat-message", text="All 100 tests passed")
    said = await witness.expect("chat-message", text="All 100 tests passed")

    assert new_id != "id-grace"
    assert said["userId"] == new_id, "the chat line is not in Grace's name"


async def test_a_spec_client_that_reconnects_keeps_working_under_a_new_user_id(room):
    """The spec's client has no secret to show: its reconnect is a new participant, which its
    session-state names, and its edits and chat carry on under that userId."""
    witness = await room.peer("Wit")
    first = await room.peer("Spec", "id-spec")
    await first.close()
    await witness.expect("participant-left", userId="id-spec")

    again = await room.peer("Spec", "id-spec")
    await again.send("chat-message", text="back")

    new_id = again.state["you"]["userId"]
    assert new_id != "id-spec"
    assert again.secret != first.secret
    assert (await witness.expect("chat-message", text="back"))["userId"] == new_id


async def test_the_same_person_keeps_its_role_a_candidate_cannot_take_an_interviewers_id(room):
    host = await room.peer("Host", "id-host", as_host=True)
    await host.close()

    candidate = await room.peer("Eve", "id-host")

    assert candidate.state["you"]["userId"] != "id-host"
    assert candidate.state["you"]["role"] == "candidate"


async def test_an_overlong_secret_is_refused_with_a_clear_error(room):
    peer = await room.peer("Alice", join=False)

    await peer.send("join-session", userId="a", username="A", participantSecret="x" * 500)

    assert "payload.participantSecret" in await peer.expect_error()


async def test_a_room_forgets_the_oldest_identities_beyond_its_limit(start_server, room_on):
    room = room_on(start_server(max_identities_per_room="2"))
    first = await room.peer("One", "id-1", participantSecret=None)
    await first.close()
    for user_id in ("id-2", "id-3"):
        await (await room.peer("X", user_id)).close()

    # Forgotten, id-1 is a new userId again: anyone may take it, no secret needed.
    again = await room.peer("One", "id-1")

    assert again.state["you"]["userId"] == "id-1"
