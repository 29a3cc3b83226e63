"""The record across restarts and crashes: sessions come back with the same CRDT state, a
page's offline edits still merge, idle rooms leave memory but not the disk."""

from __future__ import annotations

import asyncio
import base64

import httpx

from tests.support.crdt_peer import CrdtPeer
from tests.support.peers import Peer
from tests.support.server import ServerProcess

# The record promises that after kill -9 at most the last second of edits is lost.
DURABLE_AFTER_SECONDS = 1.0


async def crdt_peer(server: ServerProcess, session_id: str, name: str) -> CrdtPeer:
    peer = CrdtPeer(await Peer.connect(server.ws, session_id, f"id-{name.lower()}", name))
    await peer.join(with_state_vector=True)
    return peer


async def test_after_kill_9_sessions_come_back_and_offline_edits_merge(server):
    session_id = server.create_session(title="Crash")
    ada = await crdt_peer(server, session_id, "Ada")
    for index, char in enumerate("def f():\n    return 1\n"):
        await ada.edit(index, char)
    await ada.sync_from_server()
    typed = ada.code
    await asyncio.sleep(DURABLE_AFTER_SECONDS)  # the promise's own interval, not a guess

    server.kill()
    await ada.peer.closed()
    ada.edit_locally(0, "# offline\n")  # typed while the server is down
    server.restart()

    assert server.session(session_id)["code"] == typed
    again = CrdtPeer(await Peer.connect(server.ws, session_id, "id-ada", "Ada"))
    again.doc, again.text = ada.doc, ada.text  # the same page, reconnecting with its document
    joined = await again.join(with_state_vector=True)
    sync = next(m for m in joined if m["type"] == "code-update")["payload"]
    assert sync["sync"] is True
    server_vector = base64.b64decode(sync["stateVector"])
    await again.send_update(again.doc.get_update(server_vector))
    await again.sync_from_server()
    grace = await crdt_peer(server, session_id, "Grace")

    assert grace.code == "# offline\n" + typed
    assert server.session(session_id)["code"] == "# offline\n" + typed


async def test_a_graceful_restart_keeps_every_session(server):
    ids = [server.create_session(title=f"S{index}") for index in range(3)]
    for index, session_id in enumerate(ids):
        peer = await Peer.connect(server.ws, session_id, "id-a", "A")
        await peer.join()
        await peer.send("code-change", changes=f"code {index}")
        await peer.barrier()
        await peer.close()

    server.terminate()  # SIGTERM: uvicorn's graceful shutdown, the recorder's last write
    server.wait_for_log("Finished server process")
    server.restart()

    for index, session_id in enumerate(ids):
        assert server.session(session_id)["code"] == f"code {index}"
    async with httpx.AsyncClient(base_url=server.http, headers=server.host_headers) as http:
        listed = (await http.get("/api/sessions")).json()
    assert {s["sessionId"] for s in listed} >= set(ids)
    assert {s["codeSize"] for s in listed if s["sessionId"] in ids} == {len("code 0")}


async def test_an_idle_room_leaves_memory_and_comes_back_from_disk(start_server):
    server = start_server(room_idle_ttl_seconds="0.2", unjoined_session_ttl_seconds="0.2")
    session_id = server.create_session()
    peer = await Peer.connect(server.ws, session_id, "id-a", "A")
    await peer.join()
    await peer.send("code-change", changes="still here")
    await peer.send("chat-message", text="remember me")
    await peer.barrier()
    await peer.close()

    server.wait_for_log(f"session {session_id} left memory")
    async with httpx.AsyncClient(base_url=server.http) as http:
        health = (await http.get("/api/health")).json()

    assert health["sessions"] == 0
    assert server.session(session_id)["code"] == "still here"
    back = await Peer.connect(server.ws, session_id, "id-b", "B")
    joined = await back.join()
    await back.close()
    chat = [m["payload"]["text"] for m in joined if m["type"] == "chat-message"]
    assert "remember me" in chat  # the chat history came back with the room


async def test_an_ended_interview_stays_ended_after_a_restart(server):
    session_id = server.create_session(title="Over")
    ada = await Peer.connect(server.ws, session_id, "id-ada", "Ada")
    await ada.join()
    await ada.send("code-change", changes="final answer")
    await ada.barrier()
    async with httpx.AsyncClient(base_url=server.http, headers=server.host_headers) as http:
        ended = await http.post(f"/api/sessions/{session_id}/end")
    assert ended.status_code == 200
    await ada.expect("session-ended")
    await ada.close()

    server.terminate()
    server.wait_for_log("Finished server process")
    server.restart()

    assert server.session(session_id)["ended"] is True
    late = await Peer.connect(server.ws, session_id, "id-bob", "Bob")
    await late.join()
    await late.send("code-change", changes="rewritten after the end")
    assert "ended" in await late.expect_error()
    assert server.session(session_id)["code"] == "final answer"
