"""Browser-side figures: what a participant waits for in Debian's Chromium, on loopback.

A real PairPad server and headless Chromium (through Playwright). Its pages share one browser
profile on disk, as when an interviewer reopens a room in their own browser: Playwright's
usual incognito contexts keep the HTTP cache in memory, which refuses Pyodide's 9.6 MB
``pyodide.asm.wasm``, so every "warm" load would download and compile it again.

- ``pageLoadMs``: navigation start to the editor in the DOM (drawn at the next frame; warm).
- ``pythonReadyWarmMs``: navigation start to Python ready to run (warm cache). The signal is
  the runtime status turning ``data-runtime=python data-state=ready``: the page sets it when
  the current Python worker reports that Pyodide loaded and its runner is defined, so a Run
  pressed then starts at once. ``data-python-spare=ready`` comes later (a second Python that
  Stop switches to); it is reported on its own as ``pythonSpareReadyWarmMs``.
- ``runToFirstOutputMs``: Python warm, Run clicked on ``print(1)`` to its output in the pane.
- ``runawayRecoveryMs``: ``while True: pass`` running, Stop clicked, to the ``2`` of a following
  ``print(2)``. It includes the harness replacing the code and clicking Run (tens of ms), so it
  is split into ``stopToIdleMs`` (Stop to the Run button enabled again) and ``rerunToOutputMs``
  (that Run click to the ``2``), which is what the warm spare makes fast.

Every time is ``performance.now()`` in the page, taken by a probe installed before the page's
own scripts: a capturing click listener and a MutationObserver, which runs at the end of the
task that changed the DOM. Timing from Python would add a CDP round trip and the polling interval of
``wait_for_function`` to figures that are only a few milliseconds; navigation times use the
page's time origin, which is the start of that navigation. Python only waits, with timeouts.
No ``page.route()``: it would turn off the HTTP cache. Requests are watched instead, and any to
a host other than loopback fails the measurement (PairPad must work with the network cable out).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Page, async_playwright

from bench.targets import BENCH_HOST_HEADERS, TARGETS, RunningServer
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, RoomPage

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Pyodide's first (cold) load takes seconds on a busy 2-core machine.
LOAD_TIMEOUT_MS = 60_000
RUN_TIMEOUT_MS = 15_000

# Records when things happen, on the page's clock. Installed with add_init_script, so it runs
# before the app's scripts (CDP-injected, hence allowed by the page's CSP).
PROBE = """(() => {
  const bench = { marks: {}, clicks: [], firstOutput: {}, idle: [], runDisabled: false };
  window.__bench = bench;
  addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-testid]") : null;
    if (target) bench.clicks.push({ id: target.dataset.testid, t: performance.now() });
  }, true);
  new MutationObserver(() => {
    const now = performance.now();
    const mark = (name, seen) => { if (seen) bench.marks[name] ??= now; };
    const status = document.querySelector("[data-testid=runtime-status]");
    mark("editor", document.querySelector(".cm-editor"));
    mark("pythonReady", status?.dataset.runtime === "python" && status.dataset.state === "ready");
    mark("spareReady", status?.dataset.pythonSpare === "ready");
    const entry = [...document.querySelectorAll("[data-testid=run-entry]")].at(-1);
    const streams = entry ? [...entry.querySelectorAll("[data-stream]")] : [];
    const text = streams.map((span) => span.textContent).join("");
    if (text) bench.firstOutput[entry.dataset.runId] ??= { t: now, text };
    const run = document.querySelector("[data-testid=run-button]");
    if (run && !run.disabled && bench.runDisabled) bench.idle.push(now);
    bench.runDisabled = Boolean(run?.disabled);
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();"""

# The newest entry (the last: the panel reads as a console) has finished with exactly this output.
FINISHED_WITH = """(expected) => {
  const entry = [...document.querySelectorAll("[data-testid=run-entry]")].at(-1);
  const status = entry?.querySelector("[data-testid=run-status]")?.textContent ?? "";
  const spans = entry ? [...entry.querySelectorAll("[data-stream]")] : [];
  const output = spans.map((s) => s.textContent).join("");
  return /finished|failed|stopped/.test(status) && output === expected;
}"""

# Times of the last click on Stop and on Run, the first idle after Stop, the newest output;
# and the error the run before the newest one ended with.
TIMELINE = """() => {
  const bench = window.__bench;
  const last = (id) => bench.clicks.filter((c) => c.id === id).at(-1)?.t ?? null;
  const stop = last("stop-button");
  const entries = [...document.querySelectorAll("[data-testid=run-entry]")];
  const entry = entries.at(-1), previous = entries.at(-2);
  return {
    stop, run: last("run-button"),
    previousError: previous?.querySelector("[data-testid=run-error]")?.textContent ?? null,
    idle: stop === null ? null : bench.idle.find((t) => t >= stop) ?? null,
    output: bench.firstOutput[entry.dataset.runId]?.t ?? null,
  };
}"""


class OffsiteRequest(RuntimeError):
    """The page asked a host other than loopback for something."""


def summary(samples: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(samples), 1), "max": round(max(samples), 1)}


def create_session(http_url: str) -> str:
    request = urllib.request.Request(
        f"{http_url}/api/sessions",
        data=json.dumps({"title": "Browser benchmark"}).encode(),
        headers={"content-type": "application/json", **BENCH_HOST_HEADERS},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(json.load(response)["joinUrl"])


def watch_requests(context: BrowserContext, offsite: list[str]) -> None:
    """Collect every request and WebSocket (workers' fetches included) that leaves loopback."""

    def check(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("data", "blob") and parts.hostname not in LOCAL_HOSTS:
            offsite.append(url)

    context.on("request", lambda request: check(request.url))
    context.on("page", lambda page: page.on("websocket", lambda socket: check(socket.url)))


async def open_room(context: BrowserContext, url: str) -> tuple[Page, dict[str, float]]:
    """A fresh page in the room, once Python and its spare are warm; returns the page marks."""
    page = await context.new_page()
    await page.goto(url)
    await page.wait_for_function(
        "() => window.__bench.marks.spareReady !== undefined", timeout=LOAD_TIMEOUT_MS
    )
    marks: dict[str, float] = await page.evaluate("() => window.__bench.marks")
    return page, marks


async def run_and_wait(room: RoomPage, expected_output: str) -> dict[str, Any]:
    await room.testid("run-button").click()
    await room.page.wait_for_function(FINISHED_WITH, arg=expected_output, timeout=RUN_TIMEOUT_MS)
    timeline: dict[str, Any] = await room.page.evaluate(TIMELINE)
    return timeline


Figures = dict[str, list[float]]


def add(figures: Figures, name: str, value: float | None) -> None:
    if value is None:
        raise RuntimeError(f"{name}: the page recorded no time")
    figures.setdefault(name, []).append(value)


def since(start: float | None, end: float | None) -> float | None:
    return None if start is None or end is None else end - start


async def page_loads(context: BrowserContext, url: str, repeats: int, figures: Figures) -> None:
    # The first page fills the HTTP cache (the UI, Pyodide, the standard library).
    first, _ = await open_room(context, url)
    await first.close()
    for _ in range(repeats):
        page, marks = await open_room(context, url)
        add(figures, "pageLoadMs", marks.get("editor"))
        add(figures, "pythonReadyWarmMs", marks.get("pythonReady"))
        add(figures, "pythonSpareReadyWarmMs", marks.get("spareReady"))
        await page.close()


async def runs(room: RoomPage, repeats: int, figures: Figures) -> None:
    await room.set_code("print(1)")
    for _ in range(repeats):
        times = await run_and_wait(room, "1\n")
        add(figures, "runToFirstOutputMs", since(times["run"], times["output"]))


async def recoveries(room: RoomPage, repeats: int, figures: Figures) -> None:
    for _ in range(repeats):
        # Recovery is instant only with a warm spare, and the previous Stop used it up.
        await room.page.wait_for_selector(
            "[data-testid=runtime-status][data-python-spare=ready]", timeout=LOAD_TIMEOUT_MS
        )
        await room.set_code("while True:\n    pass\n")
        await room.testid("run-button").click()
        await room.page.wait_for_function(
            "() => !document.querySelector('[data-testid=stop-button]').disabled",
            timeout=RUN_TIMEOUT_MS,
        )
        await room.testid("stop-button").click()
        await room.set_code("print(2)")
        times = await run_and_wait(room, "2\n")
        if times["previousError"] != "Stopped.":
            raise RuntimeError(f"the loop ended with {times['previousError']!r}")
        add(figures, "stopToIdleMs", since(times["stop"], times["idle"]))
        add(figures, "rerunToOutputMs", since(times["run"], times["output"]))
        add(figures, "runawayRecoveryMs", since(times["stop"], times["output"]))


async def measure(http_url: str, repeats: int) -> dict[str, Any]:
    url = f"{http_url}{create_session(http_url)}?name=Bench"
    offsite: list[str] = []
    figures: Figures = {}

    def stayed_local() -> None:
        if offsite:
            raise OffsiteRequest(f"requests left loopback: {offsite}")

    async with async_playwright() as playwright:
        with tempfile.TemporaryDirectory(prefix="pairpad-bench-") as profile:
            context = await playwright.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
                viewport={"width": 1280, "height": 800},
            )
            version = context.browser.version if context.browser else "unknown"
            try:
                await context.add_init_script(script=PROBE)
                watch_requests(context, offsite)
                await page_loads(context, url, repeats, figures)
                stayed_local()
                page, _ = await open_room(context, url)
                room = RoomPage(context, page, http_url)
                await runs(room, repeats, figures)
                await recoveries(room, repeats, figures)
                stayed_local()
            finally:
                await context.close()
    return {
        "chromium": version,
        "repeats": repeats,
        **{name: summary(samples) for name, samples in figures.items()},
    }


def measure_browser(*, repeats: int = 5) -> dict[str, Any]:
    """Median and max of each figure over ``repeats`` runs, in milliseconds."""
    with RunningServer(TARGETS["pairpad-crdt"], pin=False) as server:
        return asyncio.run(measure(server.http_url, repeats))


if __name__ == "__main__":
    print(json.dumps(measure_browser(), indent=2))
