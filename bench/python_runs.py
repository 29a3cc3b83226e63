"""Python runs back to back: Run → output when a participant presses Run again and again.

Every Python run gets a fresh Pyodide worker (a new process, as `python main.py` is), so quick
successive runs depend on how soon the next worker is ready. Two patterns, each of ``runs``
runs of ``print(n)`` in a warm page (persistent profile, Python and its spare ready):

- ``asFastAsPossible``: Run pressed again as soon as the Run button is enabled;
- ``oneSecondApart``: Run pressed 1 s after the previous press (or when enabled, if later).

Times are ``performance.now()`` in the page (the probe of bench/browser.py): the click on Run
to the run's first output in the pane.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
from typing import Any

from playwright.async_api import Page, async_playwright

from bench.browser import LOAD_TIMEOUT_MS, PROBE, create_session, open_room
from bench.targets import TARGETS, RunningServer
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

RUN_ENABLED = "() => !document.querySelector('[data-testid=run-button]').disabled"
# Run clicks and first outputs, in order, on the page's clock.
RUN_TIMES = """() => {
  const bench = window.__bench;
  const runs = bench.clicks.filter((c) => c.id === "run-button").map((c) => c.t);
  const entries = [...document.querySelectorAll("[data-testid=run-entry]")];
  return { runs, outputs: entries.map((e) => bench.firstOutput[e.dataset.runId]?.t ?? null) };
}"""


async def press_runs(page: Page, runs: int, gap_ms: float) -> list[float]:
    """Press Run ``runs`` times; returns each click → first output, in ms."""
    clicks_before = len((await page.evaluate(RUN_TIMES))["runs"])
    for number in range(runs):
        await page.wait_for_function(RUN_ENABLED, timeout=LOAD_TIMEOUT_MS)
        await page.locator(".cm-content").click()
        await page.keyboard.press("ControlOrMeta+a")
        await page.keyboard.insert_text(f"print({number})")
        await page.get_by_test_id("run-button").click()
        if gap_ms:
            await asyncio.sleep(gap_ms / 1000)  # the pattern being measured, not a wait
    await page.wait_for_function(
        f"() => {{ const o = ({RUN_TIMES})().outputs; return o.length >= {clicks_before + runs}"
        " && o.every((t) => t !== null); }",
        timeout=LOAD_TIMEOUT_MS,
    )
    times = await page.evaluate(RUN_TIMES)
    pairs = list(zip(times["runs"], times["outputs"], strict=True))[clicks_before:]
    return [round(output - click, 1) for click, output in pairs]


async def measure(http_url: str, runs: int) -> dict[str, Any]:
    url = f"{http_url}{create_session(http_url)}?name=Bench"
    async with async_playwright() as playwright:
        with tempfile.TemporaryDirectory(prefix="pairpad-bench-") as profile:
            context = await playwright.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            try:
                await context.add_init_script(script=PROBE)
                first, _ = await open_room(context, url)  # fills the HTTP cache
                await first.close()
                page, _ = await open_room(context, url)
                fast = await press_runs(page, runs, gap_ms=0)
                await page.wait_for_selector(
                    "[data-testid=runtime-status][data-python-spare=ready]", timeout=LOAD_TIMEOUT_MS
                )
                spaced = await press_runs(page, runs, gap_ms=1000)
            finally:
                await context.close()
    return {
        "asFastAsPossibleMs": fast,
        "asFastAsPossibleMedianMs": statistics.median(fast),
        "oneSecondApartMs": spaced,
        "oneSecondApartMedianMs": statistics.median(spaced),
    }


def measure_python_runs(*, runs: int = 5) -> dict[str, Any]:
    with RunningServer(TARGETS["pairpad-crdt"], pin=False) as server:
        return asyncio.run(measure(server.http_url, runs))


if __name__ == "__main__":
    print(json.dumps(measure_python_runs(), indent=2))
