"""Every event of the spec, with its exact payload, sent to exactly the receivers docs/protocol.md
pins: presence and language to everyone (sender included); code, cursors, run requests and
results to everyone except the sender."""

from __future__ import annotations

from tests.support.peers import types


async def test_join_session_announces_participant_to_everyone_including_the_joiner(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob", join=False)

    await bob.send("join-session", userId="id-bob", username="Bob")

    joined_for_alice = await alice.expect("participant-joined", userId="id-bob")
    assert joined_for_alice == {
        "userId": "id-bob",
        "username": "Bob",
        "color": "#3cb44b",
        "role": "candidate",
    }
    joined_for_bob = await bob.expect("participant-joined", userId="id-bob")
    assert joined_for_bob == joined_for_alice


async def test_leave_session_announces_participant_left_to_everyone(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await bob.send("leave-session", userId="id-bob")

    assert await alice.expect("participant-left") == {"userId": "id-bob"}
    assert await bob.expect("participant-left") == {"userId": "id-bob"}


async def test_code_change_reaches_others_as_code_update_but_not_the_sender(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    carol = await room.peer("Carol")

    await alice.send("code-change", userId="id-alice", changes="print(1 + 1)\n")
    seen = await alice.barrier(bob, carol)

    for peer in (bob, carol):
        updates = [m for m in seen[peer] if m["type"] == "code-update"]
        assert updates == [
            {"type": "code-update", "payload": {"userId": "id-alice", "code": "print(1 + 1)\n"}}
        ]
    assert "code-update" not in types(seen[alice])
    assert room.state()["code"] == "print(1 + 1)\n"


async def test_cursor_move_reaches_others_as_cursor_update_but_not_the_sender(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("cursor-move", userId="id-alice", cursor={"line": 4, "column": 10})
    seen = await alice.barrier(bob)

    assert [m for m in seen[bob] if m["type"] == "cursor-update"] == [
        {
            "type": "cursor-update",
            "payload": {"userId": "id-alice", "cursor": {"line": 4, "column": 10}},
        }
    ]
    assert "cursor-update" not in types(seen[alice])


async def test_cursor_move_carries_an_optional_selection(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    selection = {"anchor": {"line": 1, "column": 1}, "head": {"line": 2, "column": 5}}

    await alice.send("cursor-move", cursor={"line": 2, "column": 5}, selection=selection)

    update = await bob.expect("cursor-update")
    assert update == {
        "userId": "id-alice",
        "cursor": {"line": 2, "column": 5},
        "selection": selection,
    }


async def test_language_change_reaches_everyone_including_the_sender(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("language-change", userId="id-alice", language="javascript")

    expected = {"userId": "id-alice", "language": "javascript"}
    assert await alice.expect("language-updated", language="javascript") == expected
    assert await bob.expect("language-updated", language="javascript") == expected
    assert room.state()["language"] == "javascript"


async def test_execute_code_is_forwarded_to_others_but_not_the_sender(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("execute-code", language="python", code="print(1 + 1)")
    seen = await alice.barrier(bob)

    forwarded = [m["payload"] for m in seen[bob] if m["type"] == "execute-code"]
    assert forwarded == [
        {"userId": "id-alice", "username": "Alice", "language": "python", "code": "print(1 + 1)"}
    ]
    assert "execute-code" not in types(seen[alice])


async def test_execution_result_is_forwarded_to_others_but_not_the_sender(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("execution-result", output="2\n", error=None)
    seen = await alice.barrier(bob)

    results = [m["payload"] for m in seen[bob] if m["type"] == "execution-result"]
    assert results == [{"userId": "id-alice", "username": "Alice", "output": "2\n", "error": None}]
    assert "execution-result" not in types(seen[alice])


async def test_execution_result_keeps_extension_fields_and_error_text(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send(
        "execution-result",
        output="",
        error="ValueError: boom",
        language="python",
        durationMs=12.5,
        runId="run-7",
    )

    assert await bob.expect("execution-result") == {
        "userId": "id-alice",
        "username": "Alice",
        "output": "",
        "error": "ValueError: boom",
        "language": "python",
        "durationMs": 12.5,
        "runId": "run-7",
    }


async def test_long_output_is_cut_with_a_marker(start_server, room_on):
    room = room_on(start_server(max_output_chars="100"))
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("execution-result", output="x" * 250, error=None)

    result = await bob.expect("execution-result")
    assert result["output"].startswith("x" * 100)
    assert "[output truncated: 150 more characters not shown]" in result["output"]
    assert result["truncated"] is True


async def test_the_stdin_a_run_used_reaches_the_others_and_later_joiners(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send(
        "execute-code", language="python", code="input()", runId="r-1", stdin="3\r\n1 2\n"
    )
    await alice.send("execution-result", output="", error=None, runId="r-1", stdin="3\n1 2\n")
    requested = await bob.expect("execute-code")
    result = await bob.expect("execution-result")
    carol = await room.peer("Carol")
    replayed = next(m["payload"] for m in carol.joined_with if m["type"] == "execution-result")

    assert requested["stdin"] == result["stdin"] == replayed["stdin"] == "3\n1 2\n"
    assert requested["runId"] == replayed["runId"] == "r-1"


async def test_a_stdin_over_the_limit_is_refused_and_nobody_hears_of_the_run(start_server, room_on):
    room = room_on(start_server(max_stdin_chars="10"))
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("execute-code", language="python", code="input()", stdin="x" * 11)
    error = await alice.expect("error")
    await alice.send("execute-code", language="python", code="input()", stdin="x" * 10)
    seen = await alice.barrier(bob)

    assert "payload.stdin" in error["message"]
    assert "at most 10" in error["message"]
    forwarded = [m["payload"]["stdin"] for m in seen[bob] if m["type"] == "execute-code"]
    assert forwarded == ["x" * 10]
    assert (await room.peer("Carol")).state["limits"]["maxStdinChars"] == 10


async def test_chat_message_reaches_everyone_with_author_and_time(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("chat-message", text="hello")

    for peer in (alice, bob):
        message = await peer.expect("chat-message", text="hello")
        assert set(message) == {"userId", "username", "text", "ts"}
        assert (message["userId"], message["username"]) == ("id-alice", "Alice")
        assert isinstance(message["ts"], int)


async def test_error_event_has_the_spec_shape(room):
    alice = await room.peer("Alice")

    await alice.send("no-such-event")

    message = await alice.recv()
    assert message == {"type": "error", "payload": {"message": "Invalid message type"}}


async def test_spoofed_user_id_in_payloads_is_replaced_by_the_senders(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("code-change", userId="id-bob", changes="x = 1")
    await alice.send("cursor-move", userId="id-bob", cursor={"line": 1, "column": 2})
    await alice.send("language-change", userId="id-bob", language="sql")
    seen = await alice.barrier(bob)

    stamped = [m["payload"]["userId"] for m in seen[bob] if m["type"] != "chat-message"]
    assert stamped == ["id-alice", "id-alice", "id-alice"]
