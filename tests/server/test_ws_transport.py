"""Misbehaving connections cost only themselves: stalled readers, floods, oversize frames,
dead peers, foreign origins, and a server that shuts down."""

from __future__ import annotations

import json
import signal
import socket

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from tests.support.peers import Peer, types


async def stall_a_reader(room) -> tuple[Peer, Peer, Peer]:
    """Alice types into a 100 KB document while Carol's laptop stops reading; returns
    (alice, bob, carol) once the server has dropped Carol."""
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    # Carol joins, then her laptop stops reading: a small receive buffer and reading paused.
    sock = socket.create_connection(("127.0.0.1", room.server.port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    carol_ws = await connect(
        f"{room.server.ws}/ws/{room.session_id}",
        sock=sock,
        ping_interval=None,
        max_size=None,
        compression=None,  # so what she is sent fills buffers at its real size
    )
    carol = Peer(carol_ws, "id-carol", "Carol")
    room._open_peers.append(carol)
    await carol.join()
    await bob.expect("participant-joined", userId="id-carol")
    carol_ws.transport.pause_reading()

    # Every spec client receives the full code on each keystroke.
    base = "x" * 100_000
    carol_left = False
    for keystroke in range(400):
        code = f"{base}{keystroke}"
        await alice.send("code-change", changes=code)
        while True:  # up to this keystroke's update: Carol may leave during its broadcast
            message = await bob.recv(timeout=5)
            if message["type"] == "participant-left":
                assert message["payload"] == {"userId": "id-carol"}
                carol_left = True
            elif message["type"] == "code-update":
                assert message["payload"]["code"] == code
                break
        if carol_left:
            return alice, bob, carol
    raise AssertionError("the stalled reader was never dropped")


async def test_client_that_stops_reading_is_dropped_while_others_keep_receiving(
    start_server, room_on
):
    room = room_on(start_server(send_queue_max_bytes="4000000"))
    alice, bob, _ = await stall_a_reader(room)

    for keystroke in range(5):
        await alice.send("code-change", changes=f"after {keystroke}")
        assert (await bob.expect("code-update"))["code"] == f"after {keystroke}"
    assert "participant-left" not in types((await alice.barrier(bob))[bob]), "left only once"


@pytest.mark.parametrize("transport", ["fast"], indirect=True)
async def test_dropped_reader_is_reset_without_its_stale_backlog(start_server, room_on):
    room = room_on(start_server(send_queue_max_bytes="4000000"))
    _, _, carol = await stall_a_reader(room)

    carol.ws.transport.resume_reading()

    assert await carol.closed() == (None, ""), "reset, without stale updates or a close frame"


async def test_fast_typist_is_not_rate_limited(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    for column in range(1, 301):
        await alice.send("cursor-move", cursor={"line": 1, "column": column})
    seen = await alice.barrier(bob)

    assert "error" not in types(seen[alice])
    assert types(seen[bob]).count("cursor-update") == 300


async def test_flood_gets_an_error_then_close_1008_and_the_room_carries_on(start_server, room_on):
    room = room_on(start_server(rate_limit_per_second="10", rate_limit_burst="10"))
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    mallory = await room.peer("Mallory")

    for number in range(40):
        await mallory.send("chat-message", text=f"spam {number}")

    assert await mallory.expect_error() == (
        "Too many messages: at most 10 messages per second; this message was refused"
    )
    assert await mallory.expect_error() == "Message flood: more than 10 messages per second"
    assert await mallory.closed() == (1008, "Message flood: more than 10 messages per second")
    await bob.expect("participant-left", userId="id-mallory")
    await alice.send("chat-message", text="still fine")
    seen = await bob.until("still fine")
    assert "participant-left" not in types(seen), "Mallory left exactly once"


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "deflated"])
async def test_message_over_the_size_limit_closes_1009_and_nothing_else(
    start_server, room_on, compressed
):
    room = room_on(
        start_server(max_message_bytes="50000", websocket_compression=str(compressed).lower())
    )
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    negotiated = (
        bob.ws.response.headers.get("Sec-WebSocket-Extensions", "") if bob.ws.response else ""
    )
    assert ("permessage-deflate" in negotiated) is compressed
    # Zeros deflate to almost nothing: the limit holds after decompression.
    filler = "0" * 60_000 if compressed else json.dumps([str(n) for n in range(12_000)])
    assert len(filler) > 50_000

    await bob.send("chat-message", text=filler)

    code, _ = await bob.closed()
    assert code == 1009
    await alice.expect("participant-left", userId="id-bob")
    carol = await room.peer("Carol")
    await alice.send("code-change", changes="room unaffected")
    assert (await carol.expect("code-update"))["code"] == "room unaffected"


# Not under uvicorn's websockets implementation: after a missed pong it waits for the closing
# handshake (websockets' close_timeout, 10 s, which uvicorn does not expose) before it tells the
# app, so a dead peer leaves there ~20 s later. Slower, not wrong: it does leave.
@pytest.mark.parametrize("transport", ["fast", "asgi"], indirect=True)
async def test_dead_peer_leaves_within_seconds_by_keepalive(start_server, room_on):
    room = room_on(start_server(ping_interval_seconds="0.5", ping_timeout_seconds="1"))
    alice = await room.peer("Alice")
    ghost_ws = await connect(f"{room.server.ws}/ws/{room.session_id}", ping_interval=None)
    ghost = Peer(ghost_ws, "id-ghost", "Ghost")
    room._open_peers.append(ghost)
    await ghost.join()
    await alice.expect("participant-joined", userId="id-ghost")

    ghost_ws.transport.pause_reading()  # no more pongs: gone, as far as the server can tell

    assert await alice.expect("participant-left", timeout=10) == {"userId": "id-ghost"}


async def test_connection_that_never_joins_is_closed_after_the_join_timeout(start_server, room_on):
    room = room_on(start_server(join_timeout_seconds="0.5"))
    lurker = await room.peer("Lurker", join=False)

    assert await lurker.expect_error() == "Send join-session within 0.5 seconds"
    assert await lurker.closed() == (1008, "Send join-session within 0.5 seconds")


async def test_foreign_origin_is_refused_at_the_handshake(room):
    url = f"{room.server.ws}/ws/{room.session_id}"
    for origin in ("http://evil.example", "null", f"http://127.0.0.1:{room.server.port + 1}"):
        with pytest.raises(InvalidStatus) as refused:
            await connect(url, origin=origin)
        assert refused.value.response.status_code == 403


async def test_same_origin_and_scripts_without_origin_are_accepted(room):
    url = f"{room.server.ws}/ws/{room.session_id}"
    async with connect(url, origin=f"http://127.0.0.1:{room.server.port}") as browser:
        await browser.send(json.dumps({"type": "leave-session", "payload": {}}))
        assert "Join the session first" in await browser.recv()
    async with connect(url) as script:
        await script.send(json.dumps({"type": "leave-session", "payload": {}}))
        assert "Join the session first" in await script.recv()


async def test_allowed_origins_setting_admits_another_origin(start_server, room_on):
    room = room_on(start_server(allowed_origins='["http://interview.example:9000"]'))
    url = f"{room.server.ws}/ws/{room.session_id}"
    async with connect(url, origin="http://interview.example:9000") as client:
        await client.send(json.dumps({"type": "leave-session", "payload": {}}))
        assert "Join the session first" in await client.recv()


@pytest.mark.parametrize("transport", ["fast"], indirect=True)
async def test_shutdown_closes_participants_with_1001_and_a_reason(start_server, room_on):
    server = start_server()
    room = room_on(server)
    alice = await room.peer("Alice")

    server.process.terminate()

    assert await alice.closed() == (1001, "The host closed PairPad")
    # uvicorn re-raises the signal once it has shut down gracefully.
    assert server.process.wait(10) in (0, -signal.SIGTERM)
