"""Python runs back to back stay fast: every run gets a fresh Pyodide worker, so the next one
must be booting as soon as a spare is taken, and workers boot from a memory image
(python.worker.ts): the first from the build's, later ones from the copy the page keeps, and
without the build's (a development server) from the first worker's own."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST, RoomPage
from tests.support.runs import LOAD_TIMEOUT_MS, python_with_warm_spare, run

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

# Records, on the page's clock, each click on Run and each entry's first output.
WATCH_RUNS = """() => {
  const seen = { clicks: [], firstOutput: {} };
  window.__runs = seen;
  addEventListener("click", (event) => {
    if (event.target.closest?.("[data-testid=run-button]")) seen.clicks.push(performance.now());
  }, true);
  new MutationObserver(() => {
    const entry = [...document.querySelectorAll("[data-testid=run-entry]")].at(-1);
    const id = entry?.dataset.runId;
    if (entry?.querySelector("[data-stream]")) seen.firstOutput[id] ??= performance.now();
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}"""
RUN_ENABLED = "() => !document.querySelector('[data-testid=run-button]').disabled"
PYTHON_BOOTS = """() => performance.getEntriesByName("python boot")
  .map((m) => ({ ms: m.duration, fromImage: m.detail.fromImage, booted: m.detail.booted }))"""


async def poll(page: RoomPage, predicate_js: str, timeout_ms: float = LOAD_TIMEOUT_MS) -> None:
    await page.page.wait_for_function(predicate_js, timeout=timeout_ms, polling=20)


async def press_run_back_to_back(page: RoomPage, count: int) -> list[tuple[float, str]]:
    """Press Run as soon as it is enabled, ``count`` times; for each run, oldest first: the
    time from its click to its first output (ms), and its output."""
    await page.page.evaluate(WATCH_RUNS)
    for number in range(count):
        await poll(page, RUN_ENABLED)
        await page.set_code(f"print({number})")
        await page.testid("run-button").click()
    runs = f"[...document.querySelectorAll('[data-testid=run-entry]')].slice(-{count})"
    await poll(
        page,
        f"() => {runs}.every((entry) => window.__runs.firstOutput[entry.dataset.runId])"
        " && !document.querySelector('[data-testid=run-button]').disabled",
    )
    seen = await page.page.evaluate(
        f"""() => {runs}.map((entry) => [
            window.__runs.firstOutput[entry.dataset.runId],
            [...entry.querySelectorAll("[data-stream]")].map((span) => span.textContent).join(""),
        ])"""
    )
    clicks = await page.page.evaluate("() => window.__runs.clicks")
    return [(first - click, text) for click, (first, text) in zip(clicks, seen, strict=True)]


async def without_build_image(page: RoomPage) -> None:
    """The page reloaded with the build's boot image refused (404), as on a development
    server: its first Python boots from scratch and makes the image for later workers."""
    await page.context.route("**/boot-image.bin", lambda route: route.fulfill(status=404))
    await page.page.reload()
    await page.wait_status("connected")


async def test_python_boots_from_images_and_runs_pressed_back_to_back_wait_a_fraction_of_a_boot(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await without_build_image(alice)
    await python_with_warm_spare(alice)

    runs = await press_run_back_to_back(alice, 5)
    await poll(alice, f"() => ({PYTHON_BOOTS})().length >= 4")
    scratch, *later = await alice.page.evaluate(PYTHON_BOOTS)
    grace = await open_room(session_id, "Grace", host=LAN_HOST)
    await poll(grace, f"() => ({PYTHON_BOOTS})().length >= 1")
    (built, *_) = await grace.page.evaluate(PYTHON_BOOTS)

    assert [output for _, output in runs] == ["0\n", "1\n", "2\n", "3\n", "4\n"]
    assert scratch["booted"] == "scratch", scratch
    assert {boot["booted"] for boot in later} == {"page image"}, later
    assert built["booted"] == "build image", built
    # Compared with a boot from scratch in the same page, not with a fixed time: the machine
    # running the tests may be busy. Without images, a quick third run would wait for one.
    # Grace's boot from the build's image is not timed here: it includes her page's first
    # download of Pyodide, which a busy machine stretches; `make bench` times it (first load).
    assert max(boot["ms"] for boot in later) < scratch["ms"] / 2, (scratch, later)
    assert max(wait for wait, _ in runs) < scratch["ms"] / 2, (scratch, runs)


async def test_the_next_spare_starts_booting_as_soon_as_a_run_takes_the_spare(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await python_with_warm_spare(alice)
    boots_before = len(await alice.page.evaluate(PYTHON_BOOTS))

    await run(alice, "print(1)")

    # The run's worker was discarded, the spare took over, and a new spare is booting: no
    # pause before it starts, so the next quick run finds it (nearly) ready.
    status = await alice.page.get_attribute("[data-testid=runtime-status]", "data-python-spare")
    workers = [worker.url for worker in alice.page.workers if "python.worker" in worker.url]
    assert (status, len(workers)) == ("warming", 2)
    await poll(alice, f"() => ({PYTHON_BOOTS})().length > {boots_before}")


async def test_runs_from_a_booted_image_draw_different_random_numbers(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await python_with_warm_spare(alice)
    code = "import random\nprint(random.getrandbits(64))\n"

    draws = {(await run(alice, code))["output"] for _ in range(3)}

    assert len(draws) == 3, draws
