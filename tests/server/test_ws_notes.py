"""Private notes: a second CRDT document that only interviewer sockets receive (notes-update),
edited by interviewers (notes-change) and by the host over REST (GET/PUT /notes). No frame a
candidate's socket receives ever carries them."""

from __future__ import annotations

import base64
import secrets

import httpx
from pycrdt import Doc, Text

from tests.support.crdt_peer import b64
from tests.support.notes_peer import NotesPeer
from tests.support.server import HOST_HEADERS


async def test_notes_reach_other_interviewers_and_no_frame_of_a_candidate(room):
    candidate = await room.peer("Cand", crdt="yjs")
    host = NotesPeer(await room.peer("Host", as_host=True))
    co = NotesPeer(await room.peer("Co", key=room.interviewer_key))
    marker = f"private-{secrets.token_hex(8)}"

    for piece in ("Strong on loops; ", marker, " ask about tests"):
        await host.type(piece)
    for _ in range(3):
        co.absorb(await co.peer.expect("notes-update"))
    late_candidate = await room.peer("Late", crdt="yjs")
    late_co = NotesPeer(await room.peer("Co2", key=room.interviewer_key))
    await host.peer.send("code-change", changes="print(1)\n")
    await host.peer.barrier(candidate, late_candidate, co.peer, late_co.peer)

    assert marker in str(co.text)
    assert marker in str(late_co.text), "a joining interviewer gets the notes"
    for peer in (candidate, late_candidate):
        frames = peer.joined_with + peer.seen
        assert "notes-update" not in str(frames)
        assert marker not in str(frames)
        # CRDT frames carry base64: the marker must not hide inside a decoded update either.
        updates = [m["payload"]["update"] for m in frames if "update" in m["payload"]]
        assert updates, "the candidates are CRDT clients: their frames carry updates"
        assert not any(marker.encode() in base64.b64decode(update) for update in updates)


async def test_a_candidate_can_neither_edit_nor_read_the_notes(room):
    host = NotesPeer(await room.peer("Host", as_host=True))
    candidate = await room.peer("Cand")
    spy = Doc()
    spy.get("code", type=Text).insert(0, "I was here")

    await candidate.send("notes-change", update=b64(spy.get_update()))

    assert "Only an interviewer" in await candidate.expect_error()
    seen = await candidate.barrier(host.peer)
    assert "notes-update" not in str(seen)
    url = f"{room.server.http}/api/sessions/{room.session_id}/notes"
    async with httpx.AsyncClient() as client:
        assert (await client.get(url)).status_code == 401
        assert (await client.put(url, json={"text": "x"})).status_code == 401


async def test_the_host_reads_and_writes_the_notes_over_rest(room):
    host = NotesPeer(await room.peer("Host", as_host=True))
    candidate = await room.peer("Cand")
    await host.type("from the pane")
    await host.peer.barrier()
    url = f"{room.server.http}/api/sessions/{room.session_id}/notes"

    async with httpx.AsyncClient(headers=HOST_HEADERS) as client:
        read = await client.get(url)
        written = await client.put(url, json={"text": "from a script\r\n"})
        again = await client.get(url)
        missing = await client.get(f"{room.server.http}/api/sessions/nope/notes")

    assert read.json() == {"text": "from the pane"}
    assert written.status_code == 200
    assert again.json() == {"text": "from a script\n"}
    assert missing.status_code == 404
    host.absorb(await host.peer.expect("notes-update", userId="server"))
    assert str(host.text) == "from a script\n"
    seen = await host.peer.barrier(candidate)
    assert "notes-update" not in str(seen[candidate])


async def test_notes_over_their_limit_are_refused(start_server, room_on):
    room = room_on(start_server(max_notes_bytes="16"))
    host = NotesPeer(await room.peer("Host", as_host=True))

    await host.type("x" * 17)

    assert "payload.update" in await host.peer.expect_error()
    url = f"{room.server.http}/api/sessions/{room.session_id}/notes"
    async with httpx.AsyncClient(headers=HOST_HEADERS) as client:
        response = await client.put(url, json={"text": "y" * 17})
    assert response.status_code == 422
    assert "max_notes_bytes" in response.json()["detail"]
