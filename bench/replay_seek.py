"""Seeking in the replay of a 60-minute interview: the time from moving the replay's slider
to an instant to the code of that instant in the editor, in Debian's Chromium.

The interview is ``bench.record``'s simulation (two people typing for an hour, 36,000 Yjs
updates, a run and a chat line every two minutes), exported as a ``.pairpad`` archive and
imported into a real PairPad server over HTTP, as an interviewer would bring one from
another machine. The host's page opens ``/replay/<id>``: it fetches the history once and
keeps checkpoints (``webui/src/replay/documentTimeline.ts``). Then, at random instants in a
random order (back and forth), the probe sets the slider and fires its ``input`` event, as
a drag does, and times in the page:

- ``seekToCodeMs``: the input event to the editor's DOM holding the code of that instant
  (CodeMirror updates its DOM within the dispatch);
- ``seekToFrameMs``: the same to the next animation frame, when it is on screen.

A few of the instants are checked against ``GET /api/sessions/{id}/code?at=``: the replay
must show exactly the server's code. Also reported: page opened → replay ready
(``loadMs``: the history's download and the checkpoints' construction).

    .venv/bin/python -m bench.replay_seek [--seeks 60] [--minutes 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from playwright.async_api import Page, async_playwright

from bench.record import KEYSTROKES_PER_SECOND, simulate
from bench.targets import BENCH_HOST_HEADERS, BENCH_HOST_TOKEN, TARGETS, RunningServer
from server.record import archive, reads
from server.record.database import FILE_NAME
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

SESSION_ID = "interview"  # bench.record's session
LOAD_TIMEOUT_S = 120.0
CHECKED_INSTANTS = 6

# Runs in the page: the slider moved to `offset` as a drag moves it, timed to the editor's
# DOM holding the new code and to the next frame.
SEEK = """(offset) => new Promise((resolve) => {
  const slider = document.querySelector("[data-testid=replay-scrubber]");
  const started = performance.now();
  slider.value = String(offset);
  slider.dispatchEvent(new Event("input", { bubbles: true }));
  const inDom = performance.now();
  const text = document.querySelector(".cm-content").isConnected ? window.pairpadReplay.text() : "";
  requestAnimationFrame(() => resolve({ dom: inDom - started, frame: performance.now() - started,
    text, instant: window.pairpadReplay.instant() }));
})"""


def build_archive(minutes: int) -> bytes:
    """The simulated interview's record, exported as an interviewer would export it."""
    with tempfile.TemporaryDirectory(prefix="pairpad-replay-bench-") as directory:
        asyncio.run(simulate(Path(directory), minutes))
        body = reads.run(Path(directory) / FILE_NAME, archive.export, SESSION_ID)
    assert body is not None
    return body


def host_request(url: str, method: str = "GET", body: bytes | None = None) -> bytes:
    request = urllib.request.Request(url, data=body, method=method, headers=BENCH_HOST_HEADERS)
    with urllib.request.urlopen(request, timeout=120) as response:
        data: bytes = response.read()
        return data


def import_archive(http_url: str, body: bytes) -> None:
    try:
        host_request(f"{http_url}/api/sessions/{SESSION_ID}", "DELETE")  # an earlier run's
    except urllib.error.HTTPError as error:
        if error.code != 404:
            raise
    host_request(f"{http_url}/api/sessions/import", "POST", body)


async def open_replay(page: Page, http_url: str) -> float:
    """The host's cookie, then the replay; returns page opened → replay ready (ms)."""
    await page.goto(f"{http_url}/host?token={BENCH_HOST_TOKEN}")
    started = time.perf_counter()
    await page.goto(f"{http_url}/replay/{SESSION_ID}")
    deadline = started + LOAD_TIMEOUT_S
    while not await page.evaluate("() => Boolean(window.pairpadReplay)"):
        if time.perf_counter() > deadline:
            raise RuntimeError("the replay did not get ready in time")
        await asyncio.sleep(0.05)
    return (time.perf_counter() - started) * 1000


async def seeks(page: Page, http_url: str, count: int) -> dict[str, list[float]]:
    start, end = await page.evaluate("() => [window.pairpadReplay.start, window.pairpadReplay.end]")
    rng = random.Random(7)
    figures: dict[str, list[float]] = {"dom": [], "frame": []}
    for number in range(count):
        offset = rng.randint(0, end - start)
        seen: dict[str, Any] = await page.evaluate(SEEK, offset)
        figures["dom"].append(seen["dom"])
        figures["frame"].append(seen["frame"])
        if number < CHECKED_INSTANTS:
            at = int(seen["instant"])
            expected = host_request(f"{http_url}/api/sessions/{SESSION_ID}/code?at={at}").decode()
            if seen["text"] != expected:
                raise RuntimeError(f"the replay showed other code than code?at={at}")
    return figures


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(samples), 1),
        "p95": round(percentile(samples, 0.95), 1),
        "max": round(max(samples), 1),
    }


async def measure(http_url: str, count: int) -> dict[str, Any]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            context = await browser.new_context(viewport={"width": 1280, "height": 800})
            page = await context.new_page()
            load_ms = await open_replay(page, http_url)
            figures = await seeks(page, http_url, count)
            version = browser.version
        finally:
            await browser.close()
    return {
        "chromium": version,
        "seeks": count,
        "loadMs": round(load_ms),
        "seekToCodeMs": summary(figures["dom"]),
        "seekToFrameMs": summary(figures["frame"]),
    }


def measure_replay_seek(*, minutes: int = 60, seeks_count: int = 60) -> dict[str, Any]:
    """Builds the interview, imports it into a fresh server, and times the seeks."""
    body = build_archive(minutes)
    with RunningServer(TARGETS["pairpad-crdt"], pin=False) as server:
        import_archive(server.http_url, body)
        result = asyncio.run(measure(server.http_url, seeks_count))
    updates = minutes * 60 * KEYSTROKES_PER_SECOND * 2  # two typists
    return {"minutes": minutes, "updates": updates, "archiveBytes": len(body), **result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=60)
    parser.add_argument("--seeks", type=int, default=60)
    args = parser.parse_args()
    print(json.dumps(measure_replay_seek(minutes=args.minutes, seeks_count=args.seeks), indent=2))


if __name__ == "__main__":
    main()
