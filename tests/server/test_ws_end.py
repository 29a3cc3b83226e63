"""Ending the interview: over REST (the host) or end-session (an interviewer). Everyone gets
session-ended; the code, the language and runs are frozen for everyone afterwards."""

from __future__ import annotations

import httpx
import pytest

from tests.support.server import HOST_HEADERS


async def test_an_interviewer_ends_the_interview_and_everyone_is_told(room):
    host = await room.peer("Host", as_host=True)
    candidate = await room.peer("Cand")

    await host.send("end-session", payload={})

    for peer in (host, candidate):
        ended = await peer.expect("session-ended")
        assert ended["userId"] == "id-host"
        assert ended["endedAt"] > 0
    assert room.state()["ended"] is True


async def test_a_candidate_cannot_end_the_interview(room):
    candidate = await room.peer("Cand")

    await candidate.send("end-session", payload={})

    assert "Only an interviewer" in await candidate.expect_error()
    assert room.state()["ended"] is False


@pytest.mark.parametrize(
    ("event", "payload"),
    [
        ("code-change", {"changes": "changed"}),
        ("language-change", {"language": "sql"}),
        ("execute-code", {"language": "python", "code": "print(1)"}),
    ],
)
async def test_after_the_end_changes_from_anyone_are_refused_and_nothing_changes(
    room, event, payload
):
    host = await room.peer("Host", as_host=True)
    candidate = await room.peer("Cand")
    await candidate.send("code-change", changes="before\n")
    await host.expect("code-update")
    await host.send("end-session", payload={})
    await candidate.expect("session-ended")

    for peer in (candidate, host):
        await peer.send(event, payload=payload)
        assert "ended" in await peer.expect_error()

    seen = await candidate.barrier(host)
    assert not {"code-update", "language-updated", "execute-code"} & {
        m["type"] for m in seen[host] + seen[candidate]
    }
    state = room.state()
    assert (state["code"], state["language"]) == ("before\n", "python")


async def test_a_crdt_update_after_the_end_leaves_the_document_unchanged(room):
    from tests.support.crdt_peer import CrdtPeer

    host = await room.peer("Host", as_host=True)
    writer = CrdtPeer(await room.peer("Writer", join=False))
    await writer.join()
    await host.send("end-session", payload={})
    await writer.peer.expect("session-ended")

    await writer.edit(0, "sneaky")

    assert "ended" in await writer.peer.expect_error()
    assert room.state()["code"] == ""


async def test_the_host_ends_over_rest_and_a_late_joiner_sees_it(room):
    candidate = await room.peer("Cand")
    url = f"{room.server.http}/api/sessions/{room.session_id}/end"

    async with httpx.AsyncClient() as client:
        refused = await client.post(url)
        response = await client.post(url, headers=HOST_HEADERS)
        again = await client.post(url, headers=HOST_HEADERS)

    assert refused.status_code == 401
    assert response.status_code == 200
    assert response.json()["ended"] is True
    assert again.status_code == 200, "ending twice answers the same"
    assert (await candidate.expect("session-ended"))["userId"] == "server"
    late = await room.peer("Late")
    assert late.state["ended"] is True
    assert "session-ended" in [m["type"] for m in late.joined_with]


def test_ending_an_unknown_session_is_404(server):
    response = httpx.post(f"{server.http}/api/sessions/nope/end", headers=HOST_HEADERS)

    assert response.status_code == 404
    assert response.json() == {"detail": "Session not found"}


async def test_chat_still_works_after_the_end(room):
    host = await room.peer("Host", as_host=True)
    candidate = await room.peer("Cand")
    await host.send("end-session", payload={})

    await candidate.send("chat-message", text="thanks!")

    assert (await host.expect("chat-message", text="thanks!"))["userId"] == "id-cand"
