"""docs/protocol.md's bad-input table: a clear error, and the connection and the room survive."""

from __future__ import annotations

import json

import pytest

from server.languages import LANGUAGES
from tests.support.peers import Peer


async def assert_still_works(alice: Peer, bob: Peer) -> None:
    """The connection that misbehaved and the room both carry on."""
    await alice.send("code-change", changes="still here")
    assert (await bob.expect("code-update"))["code"] == "still here"


@pytest.mark.parametrize(
    ("frame", "error"),
    [
        ("not json", "Invalid JSON"),
        ("{", "Invalid JSON"),
        ("", "Invalid JSON"),
        ("[1, 2]", "Invalid message: Expected `object`, got `array` - at `message`"),
        ('"text"', "Invalid message: Expected `object`, got `str` - at `message`"),
        ("42", "Invalid message: Expected `object`, got `int` - at `message`"),
        ("null", "Invalid message: Expected `object`, got `null` - at `message`"),
        ("{}", "Invalid message: Object missing required field `type` - at `message`"),
        ('{"type": 7}', "Invalid message: Expected `str`, got `int` - at `message.type`"),
        ('{"type": "format-disk"}', "Invalid message type"),
        ('{"type": "code-update", "payload": {"code": "x"}}', "Invalid message type"),
    ],
)
async def test_malformed_envelope_gets_a_clear_error(room, frame, error):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send_raw(frame)

    assert await alice.expect_error() == error
    await assert_still_works(alice, bob)


async def test_deeply_nested_json_gets_an_error_not_a_crash(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send_raw('{"type": "chat-message", "payload": ' + "[" * 50_000 + "]" * 50_000 + "}")

    assert (await alice.expect_error()).startswith("Invalid")
    await assert_still_works(alice, bob)


@pytest.mark.parametrize(
    ("event_type", "payload", "error"),
    [
        (
            "cursor-move",
            {"cursor": {"line": "4", "column": 1}},
            "Invalid payload: Expected `int`, got `str` - at `payload.cursor.line`",
        ),
        (
            "cursor-move",
            {"cursor": {"line": 0, "column": 1}},
            "Invalid payload: Expected `int` >= 1 - at `payload.cursor.line`",
        ),
        (
            "cursor-move",
            {},
            "Invalid payload: Object missing required field `cursor` - at `payload`",
        ),
        (
            "code-change",
            {"changes": {"from": 1, "to": 2}},
            "Invalid payload: Expected `str | null`, got `object` - at `payload.changes`",
        ),
        (
            "code-change",
            {"userId": "id-alice"},
            "Invalid payload: `payload.changes` is required (the full code as a string)",
        ),
        (
            "code-change",
            {"update": "%%%"},
            "Invalid payload: `payload.update` is not valid base64",
        ),
        (
            "code-change",
            {"update": "AQ=="},
            "Invalid payload: `payload.update` is not a Yjs update: "
            "it ends in the middle of a value",
        ),
        (
            "language-change",
            {"language": "cobol"},
            "Invalid payload: `payload.language` must be one of "
            + ", ".join(language.id for language in LANGUAGES),
        ),
        (
            "language-change",
            {"language": None},
            "Invalid payload: Expected `str`, got `null` - at `payload.language`",
        ),
        (
            "execute-code",
            {"language": "python"},
            "Invalid payload: Object missing required field `code` - at `payload`",
        ),
        (
            "execution-result",
            {"output": 2},
            "Invalid payload: Expected `str`, got `int` - at `payload.output`",
        ),
        (
            "execution-result",
            {"output": "", "durationMs": -1},
            "Invalid payload: Expected `float` >= 0.0 - at `payload.durationMs`",
        ),
        ("chat-message", {"text": "   "}, "Invalid payload: `payload.text` must not be empty"),
        (
            "chat-message",
            "hello",
            "Invalid payload: Expected `object`, got `str` - at `payload`",
        ),
    ],
)
async def test_wrong_payload_fields_get_an_error_naming_the_field(room, event_type, payload, error):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send(event_type, payload)

    assert await alice.expect_error() == error
    await assert_still_works(alice, bob)


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        ({"userId": 5, "username": "Eve"}, "Expected `str`, got `int` - at `payload.userId`"),
        ({"userId": "id-eve"}, "Object missing required field `username` - at `payload`"),
        ({"userId": "id-eve", "username": " \t\n"}, "`payload.username` must not be empty"),
        ({"userId": "server", "username": "Eve"}, '`payload.userId` "server" is reserved'),
        (
            {"userId": "id-eve", "username": "Eve", "crdt": "automerge"},
            '`payload.crdt` must be "yjs" when present',
        ),
    ],
)
async def test_invalid_join_gets_an_error_and_may_be_retried(room, payload, error):
    eve = await room.peer("Eve", join=False)

    await eve.send("join-session", payload)
    assert await eve.expect_error() == f"Invalid payload: {error}"

    await eve.send("join-session", userId="id-eve", username="Eve")
    assert (await eve.expect("participant-joined"))["userId"] == "id-eve"


@pytest.mark.parametrize(
    ("event_type", "payload", "field", "limit"),
    [
        ("join-session", {"userId": "u" * 129, "username": "Eve"}, "userId", 128),
        ("join-session", {"userId": "id-eve", "username": "E" * 65}, "username", 64),
    ],
)
async def test_over_long_join_strings_are_refused(room, event_type, payload, field, limit):
    eve = await room.peer("Eve", join=False)

    await eve.send(event_type, payload)

    length = len(payload[field])
    assert await eve.expect_error() == (
        f"Invalid payload: `payload.{field}` is too long ({length} characters, at most {limit})"
    )


async def test_over_long_strings_in_events_are_refused(start_server, room_on):
    room = room_on(start_server(max_chat_chars="10", max_code_chars="20"))
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("chat-message", text="x" * 11)
    assert await alice.expect_error() == (
        "Invalid payload: `payload.text` is too long (11 characters, at most 10)"
    )
    await alice.send("code-change", changes="y" * 21)
    assert await alice.expect_error() == (
        "Invalid payload: `payload.changes` is too long (21 characters, at most 20)"
    )
    await alice.send("execute-code", language="python", code="z" * 21)
    assert await alice.expect_error() == (
        "Invalid payload: `payload.code` is too long (21 characters, at most 20)"
    )
    await alice.send("code-change", changes="fits")
    assert (await bob.expect("code-update"))["code"] == "fits"


async def test_binary_frame_gets_an_error(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send_raw(json.dumps({"type": "chat-message", "payload": {"text": "hi"}}).encode())

    assert await alice.expect_error() == (
        "Invalid message: binary frames are not supported, send JSON as text"
    )
    await assert_still_works(alice, bob)


@pytest.mark.parametrize(
    "event",
    [
        ("code-change", {"changes": "x"}),
        ("cursor-move", {"cursor": {"line": 1, "column": 1}}),
        ("language-change", {"language": "sql"}),
        ("execute-code", {"language": "python", "code": "1"}),
        ("execution-result", {"output": "1", "error": None}),
        ("chat-message", {"text": "hi"}),
        ("leave-session", {"userId": "id-eve"}),
    ],
)
async def test_events_before_join_get_join_the_session_first(room, event):
    alice = await room.peer("Alice")
    eve = await room.peer("Eve", join=False)

    await eve.send(*event)

    assert await eve.expect_error() == "Join the session first"
    seen = (await alice.barrier())[alice]
    assert seen == [], "nothing of Eve's reached the room"


async def test_joining_twice_on_one_connection_is_refused(room):
    alice = await room.peer("Alice")

    await alice.send("join-session", userId="id-other", username="Other")

    assert await alice.expect_error() == ("Already joined as id-alice; send leave-session first")


async def test_unknown_payload_fields_are_ignored(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("chat-message", text="hi", mood="cheerful")

    message = await bob.expect("chat-message", text="hi")
    assert "mood" not in message
