"""Roles: the host token on the handshake or the session's interviewer key makes an
interviewer; everyone else, spec-only clients included, is a candidate. Host-only secrets
never reach a candidate's socket."""

from __future__ import annotations

from tests.support.peers import Peer
from tests.support.server import HOST_TOKEN


def roles(messages: list[dict]) -> dict[str, str]:
    return {
        m["payload"]["userId"]: m["payload"]["role"]
        for m in messages
        if m["type"] == "participant-joined"
    }


async def test_the_host_token_on_the_handshake_makes_an_interviewer_others_are_candidates(room):
    host = await room.peer("Host", as_host=True)
    candidate = await room.peer("Cand")
    seen = await candidate.barrier(host)

    assert host.state["you"]["role"] == "interviewer"
    assert candidate.state["you"]["role"] == "candidate"
    assert roles(candidate.joined_with) == {"id-host": "interviewer", "id-cand": "candidate"}
    assert roles(seen[host]) == {"id-cand": "candidate"}
    assert {p["userId"]: p["role"] for p in room.state()["participants"]} == {
        "id-host": "interviewer",
        "id-cand": "candidate",
    }


async def test_the_interviewer_key_makes_a_co_interviewer_of_that_session_only(room, server):
    co = await room.peer("Co", key=room.interviewer_key)
    assert co.state["you"]["role"] == "interviewer"

    other = server.create_session()
    wrong = await Peer.connect(server.ws, f"{other}?key={room.interviewer_key}", "x", "X")
    assert "interviewer key" in await wrong.expect_error()
    assert (await wrong.closed())[0] == 4403


async def test_a_candidates_link_never_grants_the_interviewer_role(room):
    join_url = str(room.created["joinUrl"])
    assert "key" not in join_url

    candidate = await room.peer("Cand", key="")  # an empty key is no key

    assert candidate.state["you"]["role"] == "candidate"


async def test_no_frame_a_candidate_receives_carries_the_host_token_or_interviewer_key(room):
    candidate = await room.peer("Cand")
    host = await room.peer("Host", as_host=True)
    co = await room.peer("Co", key=room.interviewer_key)
    await host.send("chat-message", text="hello")
    await co.send("code-change", changes="print(1)\n")
    await host.send("end-session", payload={})
    await candidate.expect("session-ended")
    late = await room.peer("Late")
    await candidate.barrier(host, co, late)

    everything = str(candidate.seen) + str(late.seen)
    assert HOST_TOKEN not in everything
    assert room.interviewer_key not in everything
