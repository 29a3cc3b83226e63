"""Lock editing and disable Run: interviewer-only toggles (set-controls) that candidates'
sockets feel, announced to everyone (controls-updated), kept for late joiners and reconnects
(session-state.controls). Interviewers are never restricted; a spec-only candidate keeps
every power until an interviewer restricts it."""

from __future__ import annotations

from server.messages import EDITING_LOCKED, RUN_DISABLED
from tests.support.crdt_peer import CrdtPeer
from tests.support.peers import types

NO_CONTROLS = {"editingLocked": False, "runDisabled": False, "waitingRoom": False}


async def test_a_locked_candidate_cannot_change_the_code_or_language_and_nothing_changes(room):
    host = await room.peer("Host", as_host=True)
    candidate = await room.peer("Cand")
    assert candidate.state["controls"] == NO_CONTROLS
    await candidate.send("code-change", changes="before\n")  # unrestricted until locked
    await host.expect("code-update", code="before\n")

    await host.send("set-controls", editingLocked=True)
    for peer in (host, candidate):
        assert await peer.expect("controls-updated") == {
            **NO_CONTROLS,
            "userId": "id-host",
            "editingLocked": True,
        }
    await candidate.send("code-change", changes="after\n")
    assert await candidate.expect_error() == EDITING_LOCKED
    await candidate.send("language-change", language="sql")
    assert await candidate.expect_error() == EDITING_LOCKED

    seen = await candidate.barrier(host)
    assert not {"code-update", "language-updated"} & set(types(seen[host]))
    state = room.state()
    assert (state["code"], state["language"]) == ("before\n", "python")


async def test_a_locked_crdt_candidates_update_is_refused(room):
    host = await room.peer("Host", as_host=True)
    writer = CrdtPeer(await room.peer("Writer", join=False))
    await writer.join()
    await host.send("set-controls", editingLocked=True)
    await writer.peer.expect("controls-updated")

    await writer.edit(0, "sneaky")

    assert await writer.peer.expect_error() == EDITING_LOCKED
    assert room.state()["code"] == ""


async def test_interviewers_are_never_locked_and_unlocking_gives_the_power_back(room):
    host = await room.peer("Host", as_host=True)
    co = await room.peer("Co", key=room.interviewer_key)
    candidate = await room.peer("Cand")
    await host.send("set-controls", editingLocked=True)
    await candidate.expect("controls-updated")

    await co.send("code-change", changes="by the co-interviewer\n")
    await candidate.expect("code-update", code="by the co-interviewer\n")
    await host.send("set-controls", editingLocked=False)
    await candidate.expect("controls-updated", editingLocked=False)
    await candidate.send("code-change", changes="mine again\n")
    await host.expect("code-update", code="mine again\n")


async def test_with_run_disabled_a_candidate_cannot_run_nor_post_results(room):
    host = await room.peer("Host", as_host=True)
    candidate = await room.peer("Cand")
    await host.send("set-controls", runDisabled=True)
    assert (await candidate.expect("controls-updated"))["runDisabled"] is True

    await candidate.send("execute-code", language="python", code="print(1)")
    assert await candidate.expect_error() == RUN_DISABLED
    await candidate.send("execution-result", output="All 100 tests passed", error=None)
    assert await candidate.expect_error() == RUN_DISABLED
    seen = await candidate.barrier(host)
    assert not {"execute-code", "execution-result"} & set(types(seen[host]))

    await host.send("execute-code", language="python", code="print(2)")
    assert (await candidate.expect("execute-code"))["code"] == "print(2)"


async def test_a_candidate_cannot_change_the_controls(room):
    host = await room.peer("Host", as_host=True)
    candidate = await room.peer("Cand")

    await candidate.send("set-controls", editingLocked=True, runDisabled=True)

    assert "Only an interviewer" in await candidate.expect_error()
    seen = await candidate.barrier(host)
    assert "controls-updated" not in types(seen[host])


async def test_late_joiners_and_reconnects_find_the_controls_in_session_state(room):
    host = await room.peer("Host", as_host=True)
    await host.send("set-controls", editingLocked=True, runDisabled=True)
    await host.expect("controls-updated")
    expected = {**NO_CONTROLS, "editingLocked": True, "runDisabled": True}

    late = await room.peer("Late", participantSecret=None)
    await late.close()
    back = await room.peer("Late", participantSecret=late.secret)

    assert late.state["controls"] == expected
    assert back.state["controls"] == expected
    await back.send("code-change", changes="x")
    assert await back.expect_error() == EDITING_LOCKED
