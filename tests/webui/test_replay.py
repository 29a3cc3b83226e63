"""The interview record in the host's browser: the replay page (seek, play at 8×, carets, the
restore button of a live interview) and the console's past-interviews list (rows, delete,
import, replay). The record is made through real sockets, with texts at known instants; one
host page (its cookie) is shared by the module's tests."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from tests.support.browser import LAN_HOST, RoomPage, open_page
from tests.support.peers import Peer
from tests.support.record_clock import next_millisecond, now_ms
from tests.support.server import HOST_HEADERS, HOST_TOKEN, ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

TEXTS = [
    "print(1)\n",
    "print(1)\nprint(2)\n",
    "def f():\n    return 3\n",
    "def f():\n    return 4\n",
    "x = 4\nprint(x)\n",
]
SPACING_SECONDS = 0.4  # between the texts: at 8× a frame or two apart

# Every animation frame while the replay plays: the page's clock, the instant, the editor's
# text; resolves once playback stops.
SAMPLE_WHILE_PLAYING = """() => new Promise((resolve) => {
  const samples = [];
  const step = () => {
    const replay = window.pairpadReplay;
    samples.push([performance.now(), replay.instant(), replay.text()]);
    if (replay.playing()) requestAnimationFrame(step); else resolve(samples);
  };
  step();
})"""

# The editor's lines as drawn, without the carets' name labels (and CodeMirror's zero-width
# helpers around them).
EDITOR_LINES = r"""() => [...document.querySelectorAll(".cm-line")].map((line) => {
  const copy = line.cloneNode(true);
  copy.querySelectorAll(".cm-remote-caret").forEach((caret) => caret.remove());
  return copy.textContent.replace(/\u200b/g, "");
}).join("\n")"""

SEEK = """(offset) => {
  const slider = document.querySelector("[data-testid=replay-scrubber]");
  slider.value = String(offset);
  slider.dispatchEvent(new Event("input", { bubbles: true }));
}"""


@dataclass
class Recorded:
    session_id: str
    instants: list[int]  # when the server recorded each of TEXTS
    author: Peer

    def text_at(self, instant: float) -> str:
        shown = ""
        for text, at in zip(TEXTS, self.instants, strict=True):
            if at <= instant:
                shown = text
        return shown


async def poll(page: RoomPage, expression: str, timeout: float = 15.0) -> Any:
    """Evaluate until truthy (wait_for_function is blocked by the page's CSP)."""
    async with asyncio.timeout(timeout):
        while True:
            value = await page.page.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.05)


async def host_call(
    server: ServerProcess, method: str, path: str, **options: Any
) -> httpx.Response:
    async with httpx.AsyncClient(base_url=server.http, headers=HOST_HEADERS, timeout=10) as client:
        return await client.request(method, path, **options)


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def recorded(server: ServerProcess) -> AsyncIterator[Recorded]:
    """A live interview: Ada (a spec client) writes TEXTS one after another."""
    session_id = server.create_session(title="Replayed")
    ada = await Peer.connect(server.ws, session_id, "id-ada", "Ada")
    await ada.join()
    for number, text in enumerate(TEXTS):
        if number:
            await asyncio.sleep(SPACING_SECONDS)
        await ada.send("code-change", changes=text)
        await ada.barrier()
    events = (await host_call(server, "GET", f"/api/sessions/{session_id}/history")).json()
    instants = [event["t"] for event in events["events"] if event["type"] == "code"]
    assert len(instants) == len(TEXTS)
    yield Recorded(session_id, instants, ada)
    await ada.close()


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def host(browser, server: ServerProcess) -> AsyncIterator[RoomPage]:
    """The host's browser: the host link once (the cookie), then any page of the console."""
    origin = f"http://{LAN_HOST}:{server.port}"
    page = await open_page(browser, origin, f"/host?token={HOST_TOKEN}", wait_connected=False)
    yield page
    await page.context.close()
    assert page.stayed_local() == [], page.stayed_local()
    assert page.errors == [], page.errors


async def open_replay(host: RoomPage, session_id: str) -> None:
    await host.page.goto(f"{host.origin}/replay/{session_id}")
    await poll(host, "() => Boolean(window.pairpadReplay)")


async def test_seeking_shows_the_code_of_each_instant_with_its_author_caret(host, recorded):
    await open_replay(host, recorded.session_id)
    assert await host.page.evaluate("() => window.pairpadReplay.text()") == TEXTS[-1]
    start = await host.page.evaluate("() => window.pairpadReplay.start")

    for number in (2, 0, 4, 1, 3):
        at = recorded.instants[number]
        for instant in (at, at - 1):  # the instant of an edit, and the moment before it
            await host.page.evaluate(SEEK, instant - start)
            shown = await host.page.evaluate("() => window.pairpadReplay.text()")
            assert shown == recorded.text_at(instant), (number, instant)
    await host.page.evaluate(SEEK, recorded.instants[2] - start)
    assert await host.page.evaluate(EDITOR_LINES) == TEXTS[2]  # what is on screen
    caret = host.page.get_by_test_id("remote-caret")
    assert await caret.count() == 1
    assert await caret.inner_text() == "Ada"
    markers = await host.page.get_by_test_id("replay-marker").evaluate_all(
        "(all) => all.map((m) => m.dataset.type)"
    )
    assert "join" in markers
    assert "chat" in markers


async def test_playing_at_8x_moves_8_times_faster_and_shows_each_instant_code(host, recorded):
    await open_replay(host, recorded.session_id)
    await host.testid("replay-speed").select_option("8")

    await host.testid("replay-play").click()
    samples = await host.page.evaluate(SAMPLE_WHILE_PLAYING)

    assert len(samples) >= 5, samples
    for _, instant, text in samples:
        assert text == recorded.text_at(instant), instant
    moving = [sample for sample in samples if sample[1] < recorded.instants[-1]]
    (first_now, first_instant, _), (last_now, last_instant, _) = moving[0], moving[-1]
    speed = (last_instant - first_instant) / (last_now - first_now)
    assert 6 < speed < 10, speed
    assert samples[-1][2] == TEXTS[-1]
    assert await host.testid("replay-play").get_attribute("data-playing") == "false"


async def test_the_restore_button_brings_the_live_code_back_for_the_candidate(
    host, recorded, server
):
    await open_replay(host, recorded.session_id)
    start = await host.page.evaluate("() => window.pairpadReplay.start")
    await host.page.evaluate(SEEK, recorded.instants[1] - start)

    await host.testid("restore-button").click()
    await host.testid("restore-confirm").click()

    pushed = await recorded.author.expect("code-update", userId="server")
    assert pushed["code"] == TEXTS[1]
    await poll(host, "() => document.querySelector('[data-testid=restore-status]').textContent")
    assert "Restored" in await host.testid("restore-status").inner_text()
    events = (await host_call(server, "GET", f"/api/sessions/{recorded.session_id}/history")).json()
    (restore,) = [event for event in events["events"] if event["type"] == "restore"]
    assert restore["at"] == recorded.instants[1]


async def test_past_interviews_list_deletes_imports_and_opens_a_replay(host, server, tmp_path):
    session_id = server.create_session(title="Listed")
    ada = await Peer.connect(server.ws, session_id, "id-ada", "Ada")
    await ada.join()
    await ada.send("code-change", changes="listed = True\n")
    await ada.barrier()
    await ada.close()
    archive = await host_call(server, "GET", f"/api/sessions/{session_id}/export?format=pairpad")
    assert gzip.decompress(archive.content)
    await host.page.goto(f"{host.origin}/")
    row = host.page.locator(f"[data-testid=past-row][data-session-id='{session_id}']")
    await row.wait_for()
    assert "Ada" in await row.inner_text()

    await row.get_by_test_id("past-delete").click()
    await row.get_by_test_id("past-delete-confirm").click()
    await row.wait_for(state="detached")
    assert (await host_call(server, "GET", f"/api/sessions/{session_id}")).status_code == 404

    saved = Path(tmp_path) / "listed.pairpad"
    saved.write_bytes(archive.content)
    await host.testid("import-input").set_input_files(saved)
    await row.wait_for()
    assert "Imported" in await host.testid("past-status").inner_text()

    await row.get_by_test_id("past-open").click()
    await poll(host, "() => Boolean(window.pairpadReplay)")
    assert await host.page.evaluate("() => window.pairpadReplay.text()") == "listed = True\n"


async def test_a_replay_without_the_host_cookie_shows_a_sentence_and_no_record(
    browser, server, recorded
):
    origin = f"http://{LAN_HOST}:{server.port}"
    visitor = await open_page(
        browser, origin, f"/replay/{recorded.session_id}", wait_connected=False
    )
    try:
        status = visitor.testid("replay-status")
        await status.get_by_text("Only the interviewer can replay").wait_for()
        assert await visitor.page.evaluate("() => window.pairpadReplay") is None
        assert await visitor.page.locator(".cm-content").count() == 0
    finally:
        await visitor.context.close()


async def test_run_reruns_the_code_as_it_was_at_the_instant_in_this_browser(host, server):
    session_id = server.create_session(title="Rerun", language="javascript")
    ada = await Peer.connect(server.ws, session_id, "id-ada", "Ada")
    await ada.join()
    await ada.send("code-change", changes="console.log(6 * 7)\n")
    await ada.barrier()
    await next_millisecond(now_ms())  # the second edit is not stamped at the first's instant
    await ada.send("code-change", changes="console.log('later')\n")
    await ada.barrier()
    events = (await host_call(server, "GET", f"/api/sessions/{session_id}/history")).json()
    first_edit = next(event["t"] for event in events["events"] if event["type"] == "code")
    await host.page.goto(f"{host.origin}/replay/{session_id}?at={first_edit}")
    await poll(host, "() => Boolean(window.pairpadReplay)")

    await host.testid("run-button").click()

    entry = host.testid("run-entry")
    await entry.get_by_test_id("run-status").get_by_text("finished").wait_for()
    assert await entry.get_by_test_id("run-output").text_content() == "42\n"
    told = [frame["type"] for frame in (await ada.barrier())[ada]]
    assert "execute-code" not in told  # a replay's run is the viewer's alone
    assert "execution-result" not in told
    await ada.close()
