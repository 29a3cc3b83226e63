"""The interviewer's seat in the record: private notes, the session's question, the
co-interviewer key and the identities a room handed out survive ``kill -9``, travel in the
``.pairpad`` archive, and are in the HTML export (the notes never reach a candidate)."""

from __future__ import annotations

import base64
import secrets
from typing import Any

import httpx

from tests.support.notes_peer import NotesPeer
from tests.support.peers import Peer
from tests.support.server import HOST_HEADERS, ServerProcess

TEMPLATE = "example-two-sum"  # shipped with every new library


def create_from_template(server: ServerProcess, **body: str) -> dict[str, Any]:
    response = httpx.post(
        f"{server.http}/api/sessions", json={"templateId": TEMPLATE, **body}, headers=HOST_HEADERS
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def connect(
    server: ServerProcess, session: str, user_id: str, name: str, *, host: bool = False, **join: Any
) -> Peer:
    options = {"additional_headers": HOST_HEADERS} if host else {}
    peer = await Peer.connect(server.ws, session, user_id, name, **options)
    if join.pop("do_join", True):
        await peer.join(**join)
    return peer


def host_http(server: ServerProcess) -> httpx.Client:
    return httpx.Client(base_url=server.http, headers=HOST_HEADERS, timeout=10)


def frames_carry(peer: Peer, marker: str) -> bool:
    """The marker in any frame, also inside a base64 CRDT update."""
    frames = peer.joined_with + peer.seen
    updates = [m["payload"]["update"] for m in frames if "update" in m.get("payload", {})]
    return marker in str(frames) or any(marker.encode() in base64.b64decode(u) for u in updates)


async def test_notes_question_key_and_identities_come_back_after_kill_9(server):
    created = create_from_template(server)
    session_id = created["sessionId"]
    key = created["interviewerUrl"].partition("?key=")[2]
    host = await connect(server, session_id, "id-grace", "Grace", host=True, participantSecret=None)
    ada = await connect(server, session_id, "id-ada", "Ada", participantSecret=None, crdt="yjs")
    bob = await connect(server, session_id, "id-bob", "Bob")  # a spec client
    notes = NotesPeer(host)
    marker = f"hire-{secrets.token_hex(6)}"
    await notes.type(f"Good questions; {marker}")
    await host.send("remove-participant", userId="id-bob")
    await bob.closed()
    await host.barrier(ada)
    with host_http(server) as http:
        http.get(f"/api/sessions/{session_id}/history")  # answers after a commit of all that

    server.kill()
    server.restart()

    with host_http(server) as http:
        assert http.get(f"/api/sessions/{session_id}/notes").json() == {"text": str(notes.text)}
    assert server.session(session_id)["prompt"] == created["prompt"]
    thief = await connect(server, session_id, "id-grace", "Grace (interviewer)")
    assert thief.state["you"]["userId"] != "id-grace", "an identity is not borrowed after a restart"
    copycat = await connect(server, session_id, "id-ada", "Ada")
    assert copycat.state["you"]["userId"] != "id-ada"
    bob_again = await connect(server, session_id, "id-bob", "Bob", do_join=False)
    await bob_again.send("join-session", userId="id-bob", username="Bob")
    await bob_again.expect("waiting")  # removed before the restart, still removed
    co = await connect(server, f"{session_id}?key={key}", "id-co", "Linus")
    assert co.state["you"]["role"] == "interviewer", "the co-interviewer link still works"
    assert marker in str(NotesPeer(co).text)
    assert co.state["prompt"] == created["prompt"]
    ada_again = await connect(
        server, session_id, "id-ada", "Ada", participantSecret=ada.secret, crdt="yjs"
    )
    assert ada_again.state["you"]["userId"] == "id-ada"
    await co.barrier(thief, copycat, ada_again)
    for candidate in (ada, thief, copycat, ada_again):
        assert not frames_carry(candidate, marker)
    for peer in (host, ada, thief, copycat, bob_again, co, ada_again):
        await peer.close()


async def test_notes_and_question_travel_in_the_archive_and_the_html_export(server, start_server):
    created = create_from_template(server, title="Panel <1>")
    session_id = created["sessionId"]
    host = await connect(server, session_id, "id-grace", "Grace", host=True)
    notes = NotesPeer(host)
    await notes.type("Ada: clear <reasoning> & tests")
    await host.barrier()
    with host_http(server) as http:
        archive = http.get(f"/api/sessions/{session_id}/export", params={"format": "pairpad"})
        page = http.get(f"/api/sessions/{session_id}/export", params={"format": "html"}).text
        history = http.get(f"/api/sessions/{session_id}/history").json()
    other = start_server()

    with host_http(other) as http:
        imported = http.post("/api/sessions/import", content=archive.content)
        assert imported.status_code == 201, imported.text
        assert http.get(f"/api/sessions/{session_id}/notes").json() == {
            "text": "Ada: clear <reasoning> & tests"
        }
        assert http.get(f"/api/sessions/{session_id}/history").json() == history
    assert other.session(session_id)["prompt"] == created["prompt"]
    link = f"/api/sessions/{session_id}/interviewer-link"
    with host_http(other) as http:
        imported_link = http.get(link).json()["interviewerUrl"]  # archives carry no key
    other.terminate()  # a graceful stop: what was queued is written
    other.wait_for_log("Finished server process")
    other.restart()
    with host_http(other) as http:
        assert http.get(link).json()["interviewerUrl"] == imported_link, "the key made is kept"
    assert "Ada: clear &lt;reasoning&gt; &amp; tests" in page
    assert "data-testid='prompt'" in page
    assert "numbers that add up to" in page
    assert "Panel &lt;1&gt;" in page
    await host.close()
