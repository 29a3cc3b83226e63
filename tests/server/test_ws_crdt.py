"""The shared code as a CRDT: CRDT clients merge, spec clients still see full text, emoji and
line endings never make editors disagree, and offline edits merge on reconnect."""

from __future__ import annotations

import base64

from pycrdt import Doc, Text

from tests.support.crdt_peer import CrdtPeer


async def crdt_peer(room, name: str) -> CrdtPeer:
    peer = CrdtPeer(await room.peer(name, join=False))
    await peer.join()
    return peer


async def test_crdt_joiner_gets_the_document_as_an_update_with_the_servers_state_vector(room):
    alice = await room.peer("Alice")
    await alice.send("code-change", changes="def f():\n    return 1\n")
    await alice.barrier()

    bob = await crdt_peer(room, "Bob")

    sync = [m["payload"] for m in bob.peer.joined_with if m["type"] == "code-update"]
    assert len(sync) == 1
    assert sync[0]["sync"] is True
    assert sync[0]["code"] == "def f():\n    return 1\n"
    assert base64.b64decode(sync[0]["stateVector"])
    assert bob.code == "def f():\n    return 1\n"


async def test_crdt_edit_reaches_crdt_peers_as_an_update_and_spec_clients_as_full_code(room):
    alice = await crdt_peer(room, "Alice")
    bob = await crdt_peer(room, "Bob")
    carol = await room.peer("Carol")

    await alice.edit(0, "x = 1\n")
    seen = await alice.sync_from_server(bob.peer, carol)
    bob.absorb(seen[bob.peer])

    bob_updates = [m["payload"] for m in seen[bob.peer] if m["type"] == "code-update"]
    assert len(bob_updates) == 1
    assert set(bob_updates[0]) == {"userId", "update"}, "CRDT clients are not sent the full text"
    assert bob.code == "x = 1\n"
    carol_updates = [m["payload"] for m in seen[carol] if m["type"] == "code-update"]
    assert carol_updates == [{"userId": "id-alice", "code": "x = 1\n"}]
    assert room.state()["code"] == "x = 1\n"


async def test_full_text_edit_reaches_crdt_peers_as_a_minimal_update(room):
    alice = await room.peer("Alice")
    bob = await crdt_peer(room, "Bob")
    await alice.send("code-change", changes="hello world")
    bob.absorb((await alice.barrier(bob.peer))[bob.peer])

    # Bob types at the start, not yet sent, while Alice (full text) adds "!" at the end.
    pending = bob.edit_locally(0, ">> ")
    await alice.send("code-change", changes="hello world!")
    bob.absorb((await alice.barrier(bob.peer))[bob.peer])
    assert bob.code == ">> hello world!", "the update only inserted '!': Bob's edit survives"

    await bob.send_update(pending)
    seen = await bob.peer.barrier(alice)
    assert room.state()["code"] == ">> hello world!"
    assert [m["payload"]["code"] for m in seen[alice] if m["type"] == "code-update"] == [
        ">> hello world!"
    ]


async def test_concurrent_crdt_edits_at_different_places_converge_without_loss(room):
    alice = await crdt_peer(room, "Alice")
    bob = await crdt_peer(room, "Bob")
    await alice.edit(0, "[middle]")
    await alice.sync_from_server()
    bob.absorb((await bob.peer.barrier())[bob.peer])

    # Both type 50 characters at once, each without having seen the other's keystrokes.
    for n in range(50):
        await alice.edit(0, chr(ord("a") + n % 26))
        await bob.edit(len(bob.code), chr(ord("A") + n % 26))
    # Each one's barrier comes after their own keystrokes; after both, all has arrived.
    for first, second in ((alice, bob), (bob, alice)):
        seen = await first.peer.barrier(second.peer)
        first.absorb(seen[first.peer])
        second.absorb(seen[second.peer])

    assert alice.code == bob.code == room.state()["code"]
    assert alice.code.count("[middle]") == 1
    assert sum(c.islower() for c in alice.code) == 50 + len("middle")
    assert sum(c.isupper() for c in alice.code) == 50


async def test_emoji_offsets_agree_between_crdt_and_full_text_clients(room):
    alice = await room.peer("Alice")
    bob = await crdt_peer(room, "Bob")

    await alice.send("code-change", changes="a😀b — ünïcode 👩‍💻 end")
    bob.absorb((await alice.barrier(bob.peer))[bob.peer])
    assert bob.code == "a😀b — ünïcode 👩‍💻 end"

    # Bob inserts after the astral emoji and the ZWJ sequence; Alice edits after both.
    await bob.edit(2, "X")
    await bob.edit(len("a😀Xb — ünïcode 👩‍💻"), "Y")
    await bob.sync_from_server()
    assert bob.code == "a😀Xb — ünïcode 👩‍💻Y end"
    await alice.send("code-change", changes="a😀Xb — ünïcode 👩‍💻Y end 🎉")
    bob.absorb((await alice.barrier(bob.peer))[bob.peer])

    assert bob.code == "a😀Xb — ünïcode 👩‍💻Y end 🎉"
    assert room.state()["code"] == bob.code


async def test_crlf_from_a_full_text_client_is_normalised_for_everyone_including_the_sender(room):
    alice = await room.peer("Alice")
    bob = await crdt_peer(room, "Bob")
    carol = await room.peer("Carol")

    await alice.send("code-change", changes="line 1\r\nline 2\rline 3\r\n")
    seen = await alice.barrier(bob.peer, carol)
    bob.absorb(seen[bob.peer])

    normalised = "line 1\nline 2\nline 3\n"
    assert room.state()["code"] == normalised
    assert bob.code == normalised
    assert [m["payload"]["code"] for m in seen[carol] if m["type"] == "code-update"] == [normalised]
    # The sender is told, or its editor would keep "\r\n" and drift from everyone else's.
    assert [m["payload"]["code"] for m in seen[alice] if m["type"] == "code-update"] == [normalised]


async def test_crlf_from_a_crdt_client_is_removed_by_the_server_for_everyone(room):
    alice = await crdt_peer(room, "Alice")
    bob = await crdt_peer(room, "Bob")

    await alice.edit(0, "one\r\ntwo\r\n")
    seen = await alice.sync_from_server(bob.peer)
    bob.absorb(seen[bob.peer])

    assert room.state()["code"] == "one\ntwo\n"
    assert alice.code == bob.code == "one\ntwo\n"
    fixes = [m["payload"] for m in seen[alice.peer] if m["type"] == "code-update"]
    assert [fix["userId"] for fix in fixes] == ["server"]


async def test_offline_edits_merge_on_reconnect_with_a_state_vector(room):
    alice = await crdt_peer(room, "Alice")
    bob = await crdt_peer(room, "Bob")
    await alice.edit(0, "shared\n")
    bob.absorb((await alice.peer.barrier(bob.peer))[bob.peer])

    # Bob's Wi-Fi drops; both keep typing.
    bob.peer.abort()
    await alice.peer.expect("participant-left", userId="id-bob")
    offline_update = bob.edit_locally(len(bob.code), "bob offline\n")
    await alice.edit(0, "alice online\n")
    await alice.sync_from_server()

    # Bob comes back with the same document: the server sends only what he lacks, and
    # he sends what the server lacks (diffed against the server's state vector).
    back = CrdtPeer(await room.peer("Bob", join=False))
    back.doc.apply_update(bob.doc.get_update())
    messages = await back.join(with_state_vector=True)
    sync = next(m["payload"] for m in messages if m["type"] == "code-update")
    missing = back.doc.get_update(base64.b64decode(sync["stateVector"]))
    assert offline_update  # made while offline, not yet on the server
    await back.send_update(missing)
    seen = await back.sync_from_server(alice.peer)
    alice.absorb(seen[alice.peer])

    expected = "alice online\nshared\nbob offline\n"
    assert back.code == alice.code == room.state()["code"] == expected


async def test_sync_update_for_a_fresh_crdt_client_builds_the_same_document(room):
    alice = await crdt_peer(room, "Alice")
    await alice.edit(0, "α β γ 😀\n" * 100)
    await alice.sync_from_server()

    bob = await crdt_peer(room, "Bob")

    fresh = Doc()
    fresh.apply_update(bob.doc.get_update())
    assert str(fresh.get("code", type=Text)) == alice.code == bob.code
