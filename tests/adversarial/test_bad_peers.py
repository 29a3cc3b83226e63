"""Peers that half-close, die mid-frame, flood or stop reading: each costs only itself, its
participant leaves exactly once, and everyone else's updates keep flowing."""

from __future__ import annotations

import asyncio

import pytest

from tests.support.peers import Peer, types
from tests.support.raw_client import RawClient


def raw_joined(room, user_id: str) -> RawClient:
    client = RawClient("127.0.0.1", room.server.port, f"/ws/{room.session_id}")
    client.send_json("join-session", {"userId": user_id, "username": user_id})
    return client


async def assert_left_exactly_once(observer: Peer, user_id: str) -> None:
    await observer.expect("participant-left", timeout=20, userId=user_id)
    later = (await observer.barrier())[observer]
    assert [m for m in later if m["type"] == "participant-left"] == []


async def assert_updates_flow(writer: Peer, reader: Peer, count: int = 20) -> None:
    for number in range(count):
        await writer.send("code-change", changes=f"update {number}")
        assert (await reader.expect("code-update", timeout=5))["code"] == f"update {number}"


async def test_half_closed_peer_leaves_once_and_others_are_unaffected(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    ghost = await asyncio.to_thread(raw_joined, room, "half-closer")
    await alice.expect("participant-joined", userId="half-closer")

    ghost.half_close()

    await assert_left_exactly_once(alice, "half-closer")
    await assert_updates_flow(alice, bob)
    ghost.close()


@pytest.mark.parametrize("how", ["reset", "close"])
async def test_peer_killed_in_the_middle_of_a_frame_leaves_once(room, how):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    victim = await asyncio.to_thread(raw_joined, room, "victim")
    await alice.expect("participant-joined", userId="victim")

    frame = victim.frame_bytes("code-change", {"changes": "x" * 5000})
    victim.send_bytes(frame[: len(frame) // 2])  # header and half the payload
    getattr(victim, how)()

    await assert_left_exactly_once(alice, "victim")
    await assert_updates_flow(alice, bob)
    assert "x" * 5000 not in room.state()["code"]


async def test_many_bad_peers_at_once_each_leave_once_while_updates_flow(room):
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    bad = [await asyncio.to_thread(raw_joined, room, f"bad-{n}") for n in range(6)]
    for n in range(6):
        await alice.expect("participant-joined", userId=f"bad-{n}")

    for n, client in enumerate(bad):
        if n % 3 == 0:
            client.half_close()
        elif n % 3 == 1:
            client.send_bytes(client.frame_bytes("chat-message", {"text": "y" * 999})[:7])
            client.reset()
        else:
            client.reset()
    await assert_updates_flow(alice, bob, count=30)

    left = set()
    while len(left) < 6:
        message = await alice.expect("participant-left", timeout=20)
        assert message["userId"] not in left, "a participant left twice"
        left.add(message["userId"])
    assert "participant-left" not in types((await alice.barrier())[alice])
    assert [p["userId"] for p in room.state()["participants"]] == ["id-alice", "id-bob"]
