"""Hostile CRDT input over a real WebSocket, against a real server.

A participant sends every kind of bad Yjs update (as ``code-change {update}``) and state vector
(as ``join-session {stateVector}``): allocation bombs, truncated and malformed updates, huge
declared lengths, runs of text pieces that Yrs would join in quadratic time, floods of tiny
structs, clients or deleted ranges, content other than text, a flood of updates waiting for
edits that never come, updates that would pass the size limit. For each: the protocol's error
comes back, a pair of participants in another room keeps getting its edits within 100 ms all
along, the server's peak memory stays under 150 MB, and the attacked room keeps its code.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections.abc import Awaitable, Callable

from pycrdt import Array, Doc, Map, Text

from tests.conftest import RoomClient
from tests.support.crdt_peer import CrdtPeer
from tests.support.peers import Peer
from tests.support.yjs_bytes import (
    ATTACK,
    NUMBERS,
    TEMPLATE,
    TOO_LARGE,
    build,
    group,
    item,
    run_of_pieces,
    string,
    text,
    update,
)

MAX_LATENCY = 0.100  # seconds from an edit's send to its arrival at the other participant
MAX_PEAK_RSS = 150 * 1024 * 1024
ORIGINAL = "def keep():\n    return '😀'\n"
UPDATE_REFUSED = "Invalid payload: `payload.update` "
STATE_VECTOR_REFUSED = "Invalid payload: `payload.stateVector` "
PENDING_REFUSED = f"{UPDATE_REFUSED}depends on edits the server does not have; reconnect to resync"
# Enough that the attack, not the flood guard, meets the handlers.
ROOMY = {"rate_limit_burst": "100000", "rate_limit_per_second": "100000"}

Attack = Callable[[CrdtPeer, RoomClient], Awaitable[None]]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def code_change(data: bytes) -> str:
    """The frame, built before the clock starts: the test's own CPU must not add latency."""
    return json.dumps({"type": "code-change", "payload": {"update": b64(data)}})


async def joined(room, name: str) -> CrdtPeer:
    peer = CrdtPeer(await room.peer(name, join=False))
    await peer.join()
    return peer


def peak_rss(server) -> int:
    with open(f"/proc/{server.process.pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM in /proc")


async def keep_editing(
    alice: CrdtPeer, bob: CrdtPeer, attack_over: asyncio.Event
) -> tuple[list[float], int]:
    """Alice types one character at a time until the attack is over. Returns, for each, the
    seconds until Bob had it, and how many of them began while the attack ran."""
    latencies: list[float] = []
    during = 0
    while not attack_over.is_set() or len(latencies) < 5:
        during += not attack_over.is_set()
        edit = alice.edit_locally(len(alice.code), "x")
        started = time.perf_counter()
        await alice.send_update(edit)
        received = await bob.peer.expect("code-update", timeout=10)
        latencies.append(time.perf_counter() - started)
        bob.absorb([{"type": "code-update", "payload": received}])
    return latencies, during


async def under_attack(server, room_on, attack: Attack, *, prepare: Attack | None = None) -> None:
    """Runs ``attack`` from a participant of one room while two participants of another room
    edit; then checks the edits' latency, the server's peak memory, and that the attacked room
    still has the code it had when the attack began (after ``prepare``)."""
    attacked, bystanders = room_on(server), room_on(server)
    victim = await joined(attacked, "Victim")
    await victim.edit(0, ORIGINAL)
    await victim.sync_from_server()  # the server has the code before anything else happens
    attacker = await joined(attacked, "Mallory")
    alice, bob = await joined(bystanders, "Alice"), await joined(bystanders, "Bob")
    if prepare is not None:
        await prepare(attacker, attacked)
    await attacker.peer.barrier()
    code_before = attacked.state()["code"]
    attack_over = asyncio.Event()

    async def attacking() -> None:
        try:
            await attack(attacker, attacked)
        finally:
            attack_over.set()

    _, (latencies, during) = await asyncio.gather(
        attacking(), keep_editing(alice, bob, attack_over)
    )

    assert during >= 3, "the other room edited while the attack ran"
    assert max(latencies) < MAX_LATENCY, f"slowest edit {max(latencies):.3f} s during the attack"
    assert peak_rss(server) < MAX_PEAK_RSS, f"peak RSS {peak_rss(server) / 2**20:.0f} MB"
    assert attacked.state()["code"] == code_before
    # A newcomer gets the same code as a CRDT update (up to 2 MiB of it: no frame limit).
    fresh = CrdtPeer(
        await Peer.connect(server.ws, attacked.session_id, "fresh", "Fresh", max_size=None)
    )
    try:
        await fresh.join()
        assert fresh.code == code_before
    finally:
        await fresh.peer.close()


async def refused(attacker: CrdtPeer, frames: list[str]) -> list[str]:
    """Sends each frame and waits for its error; returns the errors."""
    errors = []
    for frame in frames:
        await attacker.peer.send_raw(frame)
        errors.append(await attacker.peer.expect_error())
    return errors


# ---------------------------------------------------------------- hostile updates


def truncations() -> list[bytes]:
    """Every prefix of a real two-client update that pycrdt itself would reject."""
    alice, bob = Doc(), Doc()
    alice.get("code", type=Text).insert(0, "def f():\n    return '😀'\n")
    bob.apply_update(alice.get_update())
    bob.get("code", type=Text).insert(4, "g, ")
    del bob.get("code", type=Text)[0:3]
    full = bob.get_update()
    prefixes = []
    for end in range(len(full)):
        try:
            Doc().apply_update(full[:end])
        except ValueError:
            prefixes.append(full[:end])
    return prefixes


def huge_numbers() -> list[bytes]:
    """The template update with each of its numbers too large for its kind, or 11 bytes long."""
    updates = []
    for index in NUMBERS:
        kind = TEMPLATE[index][0]
        for value in (TOO_LARGE[kind][0], 2**70):
            segments = list(TEMPLATE)
            segments[index] = (kind, value)
            updates.append(build(segments))
    return updates


async def test_malformed_and_costly_updates_are_refused_while_another_room_keeps_editing(
    start_server, room_on
):
    bombs = [ATTACK, b"\x80\x80\x80q", b"\xff\xff\xff\x7f", b"\x00\xff\xff\xff\x7f"]
    floods = [  # each about 700 kB: 350,000 structs, 100,000 clients, 175,000 deleted ranges
        update(group(7, 0, *[b"\x00\x01"] * 350_000)),
        update(*[group(client, 0, b"\x00\x01") for client in range(1, 100_000)]),
        update(deletions={7: [(2 * clock, 1) for clock in range(175_000)]}),
    ]
    hostile = [*bombs, *truncations(), *huge_numbers(), run_of_pieces(65_000), *floods]
    frames = [code_change(data) for data in hostile]

    async def attack(attacker: CrdtPeer, _: RoomClient) -> None:
        errors = await refused(attacker, frames)
        assert all(error.startswith(UPDATE_REFUSED) for error in errors), errors
        assert errors[0] == (
            f"{UPDATE_REFUSED}is not a Yjs update: "
            "it declares 234,897,408 clients but has 0 bytes left"
        )

    await under_attack(start_server(**ROOMY), room_on, attack)


def pycrdt_update(edit: Callable[[Doc], object]) -> bytes:
    doc = Doc()
    edit(doc)
    return doc.get_update()


def other_content() -> list[bytes]:
    """Updates that are valid Yjs but put something other than text into the document."""
    nested = Doc()
    holder = nested.get("code", type=Map)
    holder["text"] = Text()
    before = nested.get_state()
    holder["text"].insert(0, "hidden")
    return [
        pycrdt_update(lambda doc: doc.get("code", type=Map).update({"key": "value"})),
        pycrdt_update(lambda doc: doc.get("code", type=Array).append([1, 2, {"deep": [3]}])),
        pycrdt_update(lambda doc: doc.get("code", type=Array).append(Text("x"))),
        pycrdt_update(lambda doc: doc.get("code", type=Array).append(Doc())),
        pycrdt_update(lambda doc: doc.get("code", type=Text).insert(0, "x", attrs={"b": 1})),
        pycrdt_update(lambda doc: doc.get("code", type=Text).insert_embed(0, {"img": "x"})),
        pycrdt_update(lambda doc: doc.get("notes", type=Text).insert(0, "x")),
        nested.get_update(before),
        *[update(group(7, 0, item(string("[1]"), kind=kind))) for kind in (2, 3, 5, 6, 7, 8, 9)],
        update(group(7, 0, text("key", flags=0x20))),
    ]


async def test_updates_of_anything_but_the_code_text_are_refused_while_another_room_keeps_editing(
    start_server, room_on
):
    frames = [code_change(data) for data in other_content()]

    async def attack(attacker: CrdtPeer, _: RoomClient) -> None:
        errors = await refused(attacker, frames)
        assert all(error.startswith(UPDATE_REFUSED) for error in errors), errors
        assert all("only plain text may go into the shared code" in e for e in errors), errors

    await under_attack(start_server(**ROOMY), room_on, attack)


def dangling(number: int, size: int) -> bytes:
    """A valid update of about ``size`` bytes whose text follows an edit nobody ever made."""
    return update(group(1000 + number, 0, text("z" * size, origin=(999, 1_000_000))))


async def test_a_flood_of_updates_waiting_for_missing_edits_is_capped_while_others_edit(
    start_server, room_on
):
    size = 60_000  # the default cap, 256 KiB, holds four of these
    frames = [code_change(dangling(number, size)) for number in range(40)]

    async def attack(attacker: CrdtPeer, _: RoomClient) -> None:
        outcomes = []
        for frame in frames:
            await attacker.peer.send_raw(frame)
            seen = (await attacker.peer.barrier())[attacker.peer]
            outcomes.append([m["payload"]["message"] for m in seen if m["type"] == "error"])
        held = outcomes.index([PENDING_REFUSED])
        assert held * size <= 256 * 1024, "no more is held than the cap"
        assert outcomes[:held] == [[]] * held, "valid updates within the cap are held quietly"
        assert outcomes[held:] == [[PENDING_REFUSED]] * (len(frames) - held)

    await under_attack(start_server(**ROOMY), room_on, attack)


async def test_an_update_that_would_pass_the_size_limit_is_refused_while_another_room_keeps_editing(
    start_server, room_on
):
    # A message holds at most 1 MiB of JSON, so two legitimate 700 kB updates fill the room to
    # 1.4 MB of its 2 MiB first; the third would pass the limit.
    chunk = 700_000
    writer = Doc(client_id=4242)
    pieces = []
    for number in range(3):
        before = writer.get_state()
        writer.get("code", type=Text).insert(number * chunk, str(number) * chunk)
        pieces.append(code_change(writer.get_update(before)))

    async def prepare(attacker: CrdtPeer, _: RoomClient) -> None:
        for frame in pieces[:2]:
            await attacker.peer.send_raw(frame)

    async def attack(attacker: CrdtPeer, _: RoomClient) -> None:
        errors = await refused(attacker, pieces[2:] * 10)  # and again, and again
        assert set(errors) == {
            f"{UPDATE_REFUSED}would make the code {len(ORIGINAL.encode()) + 3 * chunk:,} bytes "
            f"long; at most {2 * 1024 * 1024:,} are allowed"
        }

    await under_attack(start_server(**ROOMY), room_on, attack, prepare=prepare)


# ---------------------------------------------------------------- hostile state vectors


def hostile_state_vectors() -> list[bytes]:
    doc = Doc()
    for client in (1, 2**40, 2**53 - 1):
        other = Doc(client_id=client)
        other.get("code", type=Text).insert(0, "x")
        doc.apply_update(other.get_update())
    real = doc.get_state()
    return [
        ATTACK,
        b"\x80\x80\x80q",
        b"\xff\xff\xff\xff\x0f",
        real[:-1],
        real + b"\x00",
        b"\x01" + b"\x80" * 10 + b"\x01\x00",
        b"\x01" + bytes.fromhex("8080808080808080807f") + b"\x00",
    ]


async def test_joins_with_hostile_state_vectors_are_refused_and_the_same_join_without_them_succeeds(
    start_server, room_on
):
    server = start_server(**ROOMY)

    async def attack(_: CrdtPeer, attacked: RoomClient) -> None:
        for number, vector in enumerate(hostile_state_vectors()):
            joiner = CrdtPeer(
                await Peer.connect(server.ws, attacked.session_id, f"j-{number}", "J")
            )
            try:
                await joiner.peer.send(
                    "join-session",
                    userId=joiner.peer.user_id,
                    username="J",
                    crdt="yjs",
                    stateVector=b64(vector),
                )
                error = await joiner.peer.expect_error()
                assert error.startswith(f"{STATE_VECTOR_REFUSED}is not a Yjs state vector: ")
                await joiner.join()  # the same join, without the bad state vector
                assert joiner.code == ORIGINAL
            finally:
                await joiner.peer.close()

    await under_attack(server, room_on, attack)
