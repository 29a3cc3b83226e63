"""Protocol fuzzing against a live server (hypothesis).

A fuzzer connection sends random and malformed frames: envelopes with random types and
payloads, wrong field types, deep and wide JSON, random text, binary frames, invalid UTF-8,
random "CRDT updates" and state vectors (some declaring huge lengths). After each example:
the server answers, the bystanders in the room were not disconnected and still exchange
messages. At the end: a fresh joiner gets a state that the server, a full-text client and a
CRDT client all agree on. Examples make network round trips, so hypothesis's deadline is off;
instead each test ends by asking the server (``GET /api/health``) how long its slowest message
took to handle: every room waits while one message is handled, so that must stay under 50 ms.
"""

from __future__ import annotations

import asyncio
import base64
import json
from dataclasses import dataclass

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from server.messages import PAYLOAD_TYPES
from tests.support.crdt_peer import CrdtPeer
from tests.support.peers import Peer, sync
from tests.support.yjs_bytes import varuint

SLOWEST_MESSAGE_MS = 50


@dataclass(frozen=True)
class Frame:
    data: str | bytes
    text: bool = True  # bytes sent as a text frame are invalid UTF-8 on purpose


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=25,
)
event_types = st.sampled_from(
    [*PAYLOAD_TYPES, "code-update", "error", "", "JOIN-SESSION"]
) | st.text(max_size=24)
# Bytes that start with a huge varint: a count Yrs would reserve memory for (b"\x80\x80\x81p"
# took it 0.3 s), then whatever follows. Sizes spread evenly over 20 to 64 bits.
crdt_bombs = st.builds(
    lambda count, tail: varuint(count) + tail,
    st.integers(20, 64).flatmap(lambda bits: st.integers(2 ** (bits - 1), 2**bits)),
    st.binary(max_size=8),
)
b64_bytes = (st.binary(max_size=120) | crdt_bombs).map(lambda b: base64.b64encode(b).decode())
# Payloads shaped like the real ones, with random values: these get past the envelope and
# exercise the per-field checks and the CRDT merge.
shaped_payloads = st.one_of(
    st.fixed_dictionaries(
        {"userId": st.text(max_size=140), "username": st.text(max_size=80)},
        optional={"crdt": st.sampled_from(["yjs", "automerge", ""]), "stateVector": b64_bytes},
    ),
    st.fixed_dictionaries({}, optional={"changes": json_values | st.text(max_size=300)}),
    st.fixed_dictionaries({"update": b64_bytes | st.text(max_size=40)}),
    st.fixed_dictionaries(
        {"cursor": st.fixed_dictionaries({"line": json_values, "column": st.integers()})},
        optional={"relative": json_values, "selection": json_values},
    ),
    st.fixed_dictionaries({"language": st.text(max_size=20) | json_values}),
    st.fixed_dictionaries(
        {"output": st.text(max_size=300) | json_values},
        optional={"error": json_values, "durationMs": json_values, "runId": json_values},
    ),
    st.fixed_dictionaries({"text": st.text(max_size=300) | json_values}),
)
envelopes = st.builds(
    lambda kind, payload: Frame(json.dumps({"type": kind, "payload": payload})),
    event_types,
    shaped_payloads | json_values,
)
frames = st.one_of(
    envelopes,
    envelopes,
    st.builds(lambda v: Frame(json.dumps(v)), json_values),
    st.text(max_size=200).map(Frame),
    st.binary(max_size=200).map(lambda b: Frame(b, text=False)),
    st.binary(min_size=1, max_size=40)
    .filter(lambda b: not _is_utf8(b))
    .map(lambda b: Frame(b, text=True)),
    st.integers(min_value=100, max_value=20_000).map(
        lambda depth: Frame('{"type":"chat-message","payload":' + "[" * depth + "]" * depth + "}")
    ),
    st.integers(min_value=1, max_value=3000).map(
        lambda width: Frame(json.dumps({"type": "cursor-move", "payload": {"k": [0] * width}}))
    ),
)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode()
    except UnicodeDecodeError:
        return False
    return True


async def play(server, session_id: str, join_first: bool, sequence: list[Frame]) -> None:
    writer = await Peer.connect(server.ws, session_id, "writer", "Writer")
    reader = CrdtPeer(await Peer.connect(server.ws, session_id, "reader", "Reader"))
    # max_queue=None: the fuzzer never reads, and a client whose queue is full stops reading
    # its socket, so its closing handshake would wait out close_timeout (10 s) every time.
    fuzzer = await connect(f"{server.ws}/ws/{session_id}", max_size=None, max_queue=None)
    try:
        await writer.join()
        await reader.join()
        if join_first:
            await fuzzer.send(
                json.dumps(
                    {"type": "join-session", "payload": {"userId": "fuzz", "username": "Fuzz"}}
                )
            )
        for frame in sequence:
            try:
                await fuzzer.send(frame.data, text=frame.text)
            except ConnectionClosed:
                break  # refused for good reason (invalid UTF-8, flood, too big): fine
        # The bystanders are still connected and still talk to each other.
        seen = await sync(writer, reader.peer, timeout=10)
        reader.absorb(seen[reader.peer])
        await writer.send("code-change", changes=f"after {len(sequence)} frames")
        update = await reader.peer.expect("code-update", timeout=10)
        reader.absorb([{"type": "code-update", "payload": update}])
        assert reader.code == f"after {len(sequence)} frames"
    finally:
        await fuzzer.close()
        await writer.close()
        await reader.peer.close()


@pytest.fixture(scope="module")
def fuzz_server():
    from tests.support.server import ServerProcess

    # A roomier rate limit: the fuzzer's frames should reach the handlers, not the guard.
    process = ServerProcess(settings={"rate_limit_burst": "2000"}).start()
    yield process
    process.stop()


def assert_no_message_held_the_loop(server) -> None:
    health = httpx.get(f"{server.http}/api/health", timeout=10).json()
    slowest, kind = health["slowestMessageMs"], health["slowestMessageType"]
    assert slowest < SLOWEST_MESSAGE_MS, f"a {kind} message took {slowest} ms to handle"


def test_random_and_malformed_frames_never_break_the_room(fuzz_server):
    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(join_first=st.booleans(), sequence=st.lists(frames, max_size=12))
    def example(join_first, sequence):
        session_id = fuzz_server.create_session()
        asyncio.run(play(fuzz_server, session_id, join_first, sequence))
        assert fuzz_server.process.poll() is None, fuzz_server.log()

    example()
    assert_no_message_held_the_loop(fuzz_server)


def test_random_crdt_updates_leave_every_client_agreeing(fuzz_server):
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(updates=st.lists(st.binary(max_size=200) | crdt_bombs, min_size=1, max_size=8))
    def example(updates):
        asyncio.run(crdt_scenario(fuzz_server, fuzz_server.create_session(), updates))

    example()
    assert_no_message_held_the_loop(fuzz_server)


async def crdt_scenario(fuzz_server, session_id: str, updates: list[bytes]) -> None:
    alice = CrdtPeer(await Peer.connect(fuzz_server.ws, session_id, "alice", "Alice"))
    spec = await Peer.connect(fuzz_server.ws, session_id, "spec", "Spec")
    try:
        await alice.join()
        await spec.join()
        await alice.edit(0, "def f():\n    return '😀'\n")
        for update in updates:
            await alice.peer.send("code-change", update=base64.b64encode(update).decode())
        await spec.send("code-change", changes="# spec\n" + "def f():\n    return '😀'\n")
        seen = await sync(spec, alice.peer, timeout=10)
        alice.absorb(seen[alice.peer])
        # A fresh CRDT joiner and a fresh full-text joiner see what the server has.
        fresh = CrdtPeer(await Peer.connect(fuzz_server.ws, session_id, "fresh", "Fresh"))
        await fresh.join()
        late = await Peer.connect(fuzz_server.ws, session_id, "late", "Late")
        state = await late.join()
        full_text = next(m["payload"]["code"] for m in state if m["type"] == "code-update")
        server_code = fuzz_server.session(session_id)["code"]
        assert fresh.code == alice.code == full_text == server_code
        await fresh.peer.close()
        await late.close()
    finally:
        await alice.peer.close()
        await spec.close()
