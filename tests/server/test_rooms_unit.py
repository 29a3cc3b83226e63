"""Rooms and connections with fake sockets: membership, receivers, and slow readers."""

from __future__ import annotations

import json

import pytest
from msgspec import UNSET

from server.messages import CloseCode, error_event
from server.refusals import SessionFull
from server.rooms import Room, RoomRegistry, SessionId
from server.session_socket import Connection
from server.settings import Settings
from tests.support.fakes import FakeChannel

MAX_BUFFERED = 1_000_000


def make_room(**settings: object) -> tuple[Room, list[Room]]:
    emptied: list[Room] = []
    room = Room(
        SessionId("room-1"),
        title="",
        language="python",
        settings=Settings(**settings),
        on_empty=emptied.append,
    )
    return room, emptied


def connect(
    room: Room, user_id: str, username: str | None = None, *, secret: str | None = None
) -> tuple[Connection, FakeChannel]:
    socket = FakeChannel()
    connection = Connection(socket, MAX_BUFFERED)
    room.admit(connection)
    room.join(
        connection,
        user_id=user_id,
        username=username or user_id.title(),
        crdt=False,
        state_vector=None,
        secret=UNSET if secret is None else secret,
    )
    return connection, socket


def secret_of(socket: FakeChannel) -> str:
    """The participantSecret of the socket's session-state: what another tab must send."""
    state = next(json.loads(f) for f in socket.frames if b'"session-state"' in f)
    return str(state["payload"]["participantSecret"])


async def frames_until_marker(room: Room, marker_sender: Connection, *sockets: FakeChannel):
    """Everything each socket got before a chat marker (which goes to everyone)."""
    room.chat(marker_sender, "marker")
    result = []
    for socket in sockets:
        frames = []
        for index in range(1000):
            frame = (await socket.wait_for(index + 1))[index]
            if frame["type"] == "chat-message" and frame["payload"]["text"] == "marker":
                break
            frames.append(frame)
        result.append(frames)
        socket.frames.clear()
    return result


async def test_join_sends_the_joiner_the_state_and_everyone_else_one_participant_joined():
    room, _ = make_room()
    alice, alice_socket = connect(room, "alice")
    await frames_until_marker(room, alice, alice_socket)

    _, bob_socket = connect(room, "bob")
    to_alice, to_bob = await frames_until_marker(room, alice, alice_socket, bob_socket)

    assert [f["type"] for f in to_alice] == ["participant-joined"]
    assert [f["type"] for f in to_bob] == [
        "session-state",
        "participant-joined",
        "participant-joined",
        "language-updated",
        "code-update",
    ]


async def test_second_tab_joins_silently_and_the_last_tab_leaving_announces_once():
    room, emptied = make_room()
    alice, alice_socket = connect(room, "alice")
    bob1, bob1_socket = connect(room, "bob")
    bob2, _ = connect(room, "bob", secret=secret_of(bob1_socket))
    await frames_until_marker(room, alice, alice_socket)

    room.disconnect(bob1)
    (after_first,) = await frames_until_marker(room, alice, alice_socket)
    room.disconnect(bob2)
    (after_second,) = await frames_until_marker(room, alice, alice_socket)

    assert after_first == []
    assert after_second == [{"type": "participant-left", "payload": {"userId": "bob"}}]
    assert [p.user_id for p in room.participants] == ["alice"]
    assert emptied == []


async def test_room_reports_empty_when_its_last_connection_goes():
    room, emptied = make_room()
    alice, _ = connect(room, "alice")

    room.disconnect(alice)

    assert emptied == [room]


async def test_admit_refuses_beyond_the_connection_cap():
    room, _ = make_room(max_connections_per_room=1)
    connect(room, "alice")

    with pytest.raises(SessionFull, match="Session is full"):
        room.admit(Connection(FakeChannel(), MAX_BUFFERED))


async def test_colour_of_a_participant_who_left_is_given_to_the_next():
    room, _ = make_room()
    connect(room, "alice")
    bob, _ = connect(room, "bob")
    bob_colour = {p.user_id: p.person.color for p in room.participants}["bob"]

    room.disconnect(bob)
    connect(room, "carol")

    assert {p.user_id: p.person.color for p in room.participants}["carol"] == bob_colour


async def test_invalid_crdt_update_leaves_the_document_untouched():
    room, _ = make_room()
    alice, _ = connect(room, "alice")
    room.replace_code(alice, "safe")

    with pytest.raises(ValueError, match="not a Yjs update"):
        room.merge_update(alice, "AQ==", b"\x01")

    assert room.document.code == "safe"


async def test_registry_frees_nothing_while_someone_is_connected():
    registry = RoomRegistry(Settings(room_idle_ttl_seconds=0.01))
    room = registry.create(title="", language="python")
    connection = Connection(FakeChannel(), MAX_BUFFERED)

    registry.admit(room, connection)

    assert registry.get(room.id) is room
    assert len(registry) == 1


# ---------------------------------------------------------------- connections


async def test_connection_writes_frames_in_order():
    socket = FakeChannel()
    connection = Connection(socket, MAX_BUFFERED)

    for number in range(50):
        connection.send(error_event(str(number)))

    frames = await socket.wait_for(50)
    assert [f["payload"]["message"] for f in frames] == [str(n) for n in range(50)]


async def test_reader_that_falls_behind_is_dropped_without_blocking_the_sender():
    socket = FakeChannel()
    socket.stalled = True  # the peer stopped reading: what is written stays buffered
    connection = Connection(socket, max_buffered_bytes=200)

    accepted = [connection.send(error_event("x" * 30)) for _ in range(20)]

    assert False in accepted, "the backlog is bounded"
    assert accepted.index(False) <= 6
    assert not any(accepted[accepted.index(False) :]), "a dropped connection takes no more"
    code, reason = await socket.wait_closed()
    assert code == CloseCode.TOO_SLOW
    assert reason == "Too slow to keep up; reconnect to resync"


async def test_close_comes_after_what_was_sent_first():
    socket = FakeChannel()
    connection = Connection(socket, MAX_BUFFERED)

    connection.send_error("you are out")
    connection.close(CloseCode.POLICY_VIOLATION, "bye")

    assert await socket.wait_closed() == (1008, "bye")
    assert [json.loads(f) for f in socket.frames] == [
        {"type": "error", "payload": {"message": "you are out"}}
    ]
    assert connection.send(error_event("late")) is False


class RecordingRecord:
    """Stands for the interview record (server/record/), which hooks in as ``Room.record``."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, object]]] = []

    def record_event(self, event_type: str, **fields: object) -> None:
        self.events.append((event_type, fields))


def test_integrity_notices_go_to_the_record_when_the_room_has_one():
    from server.messages import IntegritySignal

    room, _ = make_room()
    ada, _ = connect(room, "ada")
    room.report_integrity(ada, IntegritySignal(kind="paste", chars=812))  # no record: fine
    room.record = RecordingRecord()  # type: ignore[attr-defined]

    room.report_integrity(ada, IntegritySignal(kind="paste", chars=900))

    ((event_type, fields),) = room.record.events  # type: ignore[attr-defined]
    assert event_type == "paste"
    assert (fields["userId"], fields["username"], fields["chars"]) == ("ada", "Ada", 900)
