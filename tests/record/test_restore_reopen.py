"""Undoing vandalism and follow-up interviews, against a real server over real sockets:
an interviewer restores the code to an earlier instant (everyone's editor follows, a candidate
cannot, the record says who), and the host reopens a past session as a new one."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.support.crdt_peer import CrdtPeer
from tests.support.peers import Peer
from tests.support.record_clock import next_millisecond, now_ms
from tests.support.server import HOST_HEADERS, ServerProcess

ORIGINAL = "def solve(numbers):\n    return sorted(numbers)\n"


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    process = ServerProcess().start()
    yield process
    process.stop()


async def call(server: ServerProcess, method: str, path: str, **options: object) -> httpx.Response:
    headers = options.pop("headers", HOST_HEADERS)
    async with httpx.AsyncClient(base_url=server.http, timeout=10) as client:
        return await client.request(method, path, headers=headers, **options)  # type: ignore[arg-type]


async def history(server: ServerProcess, session_id: str) -> list[dict[str, object]]:
    response = await call(server, "GET", f"/api/sessions/{session_id}/history")
    events: list[dict[str, object]] = response.json()["events"]
    return events


async def vandalised_room(server: ServerProcess) -> tuple[dict[str, object], CrdtPeer, int]:
    """A candidate (a CRDT client, as the web UI) writes ORIGINAL, then erases it all.
    Returns the session, the candidate, and an instant when ORIGINAL was the code."""
    created = server.create_session_as_host(title="Vandalised")
    session_id = str(created["sessionId"])
    ada = CrdtPeer(await Peer.connect(server.ws, session_id, "id-ada", "Ada"))
    await ada.join()
    await ada.edit(0, ORIGINAL)
    await ada.sync_from_server()
    good = now_ms()
    await next_millisecond(good)
    await ada.edit(0, delete=len(ORIGINAL))
    await ada.sync_from_server()
    assert ada.code == ""
    return created, ada, good


async def test_an_interviewer_restores_the_code_and_the_candidate_sees_it(server):
    created, ada, good = await vandalised_room(server)
    session_id = str(created["sessionId"])
    key = str(created["interviewerUrl"]).partition("?key=")[2]
    grace = await Peer.connect(server.ws, f"{session_id}?key={key}", "id-grace", "Grace")
    await grace.join()

    await grace.send("restore-code", at=good)

    restored = await ada.peer.expect("code-update", userId="id-grace")
    ada.absorb([{"type": "code-update", "payload": restored}])
    assert ada.code == ORIGINAL
    assert (await grace.expect("code-update", userId="id-grace"))["code"] == ORIGINAL
    await ada.edit(0, "# kept\n")  # the candidate's editor carries on from the restored text
    await ada.sync_from_server(grace)
    assert server.session(session_id)["code"] == "# kept\n" + ORIGINAL
    events = await history(server, session_id)
    (restore,) = [event for event in events if event["type"] == "restore"]
    assert (restore["userId"], restore["username"], restore["at"]) == ("id-grace", "Grace", good)
    after = events[events.index(restore) + 1]
    assert (after["type"], after["userId"]) == ("code", "id-grace")
    await ada.peer.close()
    await grace.close()


async def test_a_candidate_cannot_restore(server):
    created, ada, good = await vandalised_room(server)
    session_id = str(created["sessionId"])

    await ada.peer.send("restore-code", at=good)

    assert (await ada.peer.expect_error()).startswith("Only an interviewer can do this")
    await ada.sync_from_server()
    assert server.session(session_id)["code"] == ""
    assert "restore" not in [event["type"] for event in await history(server, session_id)]
    unauthorised = await call(
        server, "POST", f"/api/sessions/{session_id}/restore", json={"at": good}, headers={}
    )
    assert unauthorised.status_code == 401
    await ada.peer.close()


async def test_the_host_restores_over_rest_and_bad_requests_say_why(server):
    created, ada, good = await vandalised_room(server)
    session_id = str(created["sessionId"])
    path = f"/api/sessions/{session_id}/restore"

    response = await call(server, "POST", path, json={"at": good})

    assert response.status_code == 200, response.text
    assert response.json()["code"] == ORIGINAL
    pushed = await ada.peer.expect("code-update", userId="server")
    ada.absorb([{"type": "code-update", "payload": pushed}])
    assert ada.code == ORIGINAL
    (restore,) = [e for e in await history(server, session_id) if e["type"] == "restore"]
    assert (restore["userId"], restore["by"], restore["at"]) == ("server", "host", good)
    for body in ({"at": "soon"}, {"at": -1}, {"at": True}, {}, [1]):
        assert (await call(server, "POST", path, json=body)).status_code == 422, body
    assert (await call(server, "POST", path, content=b"{")).status_code == 422
    unknown = await call(server, "POST", "/api/sessions/nope/restore", json={"at": good})
    assert unknown.status_code == 404
    await call(server, "POST", f"/api/sessions/{session_id}/end")
    ended = await call(server, "POST", path, json={"at": good})
    assert ended.status_code == 409
    assert "ended" in ended.json()["detail"]
    await ada.peer.close()


async def test_reopen_starts_a_new_session_from_the_final_code_and_keeps_the_old_record(server):
    session_id = server.create_session(title="First round")
    ada = await Peer.connect(server.ws, session_id, "id-ada", "Ada")
    await ada.join()
    await ada.send("language-change", language="javascript")
    await ada.send("code-change", changes="console.log(1)\n")
    await ada.barrier()
    await call(server, "POST", f"/api/sessions/{session_id}/end")
    before = await history(server, session_id)

    response = await call(server, "POST", f"/api/sessions/{session_id}/reopen")

    assert response.status_code == 201, response.text
    reopened = response.json()
    new_id = reopened["sessionId"]
    assert new_id != session_id
    assert reopened["reopenedFrom"] == session_id
    assert reopened["joinUrl"] == f"/s/{new_id}"
    assert reopened["interviewerUrl"].startswith(f"/s/{new_id}?key=")
    assert (reopened["title"], reopened["language"], reopened["ended"]) == (
        "First round",
        "javascript",
        False,
    )
    assert server.session(new_id)["code"] == "console.log(1)\n"
    assert await history(server, session_id) == before
    listed = {s["sessionId"]: s for s in (await call(server, "GET", "/api/sessions")).json()}
    assert listed[new_id]["reopenedFrom"] == session_id
    assert listed[session_id]["reopenedFrom"] is None
    created = (await history(server, new_id))[0]
    assert (created["type"], created["reopenedFrom"]) == ("session-created", session_id)
    await ada.close()


async def test_reopen_needs_the_host_and_a_known_session(server):
    session_id = server.create_session()

    anonymous = await call(server, "POST", f"/api/sessions/{session_id}/reopen", headers={})
    assert anonymous.status_code == 401
    assert (await call(server, "POST", "/api/sessions/nope/reopen")).status_code == 404


async def test_a_reopened_session_keeps_the_question_and_starts_from_the_final_code(server):
    created = await call(server, "POST", "/api/sessions", json={"templateId": "example-two-sum"})
    session_id = created.json()["sessionId"]
    ada = await Peer.connect(server.ws, session_id, "id-ada", "Ada")
    await ada.join()
    await ada.send("code-change", changes="def two_sum(numbers, target):\n    return []\n")
    await ada.barrier()
    await ada.close()

    reopened = (await call(server, "POST", f"/api/sessions/{session_id}/reopen")).json()

    old, new = server.session(session_id), server.session(reopened["sessionId"])
    assert new["prompt"] == old["prompt"] != ""
    assert new["code"] == "def two_sum(numbers, target):\n    return []\n"
