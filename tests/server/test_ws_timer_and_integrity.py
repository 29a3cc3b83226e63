"""The room's timer (timer-control → timer-updated, and session-state.timer for late joiners)
and integrity notices (integrity-signal → integrity-notice to everyone, checked by the
server: over the thresholds, within what is possible, not too frequent)."""

from __future__ import annotations

import time


async def test_the_interviewer_starts_pauses_and_resets_a_countdown_everyone_sees(room):
    host = await room.peer("Host", as_host=True)
    candidate = await room.peer("Cand")
    assert candidate.state["timer"]["running"] is False

    before = int(time.time() * 1000)
    await host.send("timer-control", action="start", mode="countdown", durationMs=60_000)
    for peer in (host, candidate):
        started = await peer.expect("timer-updated")
        assert started["userId"] == "id-host"
        assert (started["mode"], started["durationMs"], started["running"]) == (
            "countdown",
            60_000,
            True,
        )
        assert before - 1000 <= started["startedAt"] <= started["serverTime"]
    await host.send("timer-control", action="pause")
    paused = await candidate.expect("timer-updated", running=False)
    assert paused["startedAt"] is None
    assert paused["elapsedMs"] >= 0

    late = await room.peer("Late")
    assert late.state["timer"]["elapsedMs"] == paused["elapsedMs"]
    assert late.state["timer"]["mode"] == "countdown"

    await host.send("timer-control", action="reset", mode="stopwatch")
    reset = await candidate.expect("timer-updated", mode="stopwatch")
    assert (reset["elapsedMs"], reset["durationMs"], reset["running"]) == (0, 0, False)


async def test_only_interviewers_control_the_timer_and_a_countdown_needs_a_length(room):
    host = await room.peer("Host", as_host=True)
    candidate = await room.peer("Cand")

    await candidate.send("timer-control", action="start")
    assert "Only an interviewer" in await candidate.expect_error()
    await host.send("timer-control", action="start", mode="countdown")
    assert "durationMs" in await host.expect_error()
    await host.send("timer-control", action="start", mode="countdown", durationMs=10**12)
    assert "max_timer_seconds" in await host.expect_error()
    seen = await host.barrier(candidate)
    assert "timer-updated" not in str(seen)


async def test_a_long_paste_and_a_long_absence_are_shown_to_everyone(room):
    host = await room.peer("Host", as_host=True)
    ada = await room.peer("Ada")

    await ada.send("integrity-signal", kind="paste", chars=812, userId="id-host")
    for peer in (host, ada):
        shown = await peer.expect("integrity-notice")
        assert (shown["userId"], shown["username"], shown["kind"], shown["chars"]) == (
            "id-ada",
            "Ada",
            "paste",
            812,
        ), "the sender's identity, never the payload's"


async def test_a_long_absence_is_shown_with_its_length(start_server, room_on):
    # A young room: nobody can have been away longer than it has existed (plus 2 s of slack).
    room = room_on(start_server(focus_notice_seconds="1"))
    host = await room.peer("Host", as_host=True)
    ada = await room.peer("Ada")

    await ada.send("integrity-signal", kind="focus", awayMs=1_500)

    shown = await host.expect("integrity-notice", kind="focus")
    assert (shown["userId"], shown["awayMs"]) == ("id-ada", 1_500)
    assert "chars" not in shown


async def test_the_server_refuses_impossible_or_too_small_reports(room):
    host = await room.peer("Host", as_host=True)
    ada = await room.peer("Ada")

    for payload, field in [
        ({"kind": "paste", "chars": 12}, "chars"),  # under paste_notice_chars
        ({"kind": "paste", "chars": 10**9}, "chars"),  # longer than any document
        ({"kind": "paste"}, "chars"),
        ({"kind": "focus", "awayMs": 1_000}, "awayMs"),  # under focus_notice_seconds
        ({"kind": "focus", "awayMs": 10**9}, "awayMs"),  # longer than the room has existed
        ({"kind": "peek"}, "kind"),
    ]:
        await ada.send("integrity-signal", payload=payload)
        assert f"payload.{field}" in await ada.expect_error()
    seen = await ada.barrier(host)
    assert "integrity-notice" not in str(seen)


async def test_integrity_reports_are_rate_limited(room):
    host = await room.peer("Host", as_host=True)
    ada = await room.peer("Ada")

    for _ in range(3):  # the burst
        await ada.send("integrity-signal", kind="paste", chars=300)
    await ada.send("integrity-signal", kind="paste", chars=300)

    assert "Too many integrity reports" in await ada.expect_error()
    seen = await ada.barrier(host)
    assert [m["type"] for m in seen[host]].count("integrity-notice") == 3
