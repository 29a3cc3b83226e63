"""What a candidate's browser downloads before the room works, and when: the session's runtime
starts loading as soon as the room opens (behind the name prompt), saying how many MB."""

from __future__ import annotations

import asyncio
import re

import pytest

from tests.support.browser import LAN_HOST, open_page

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_chromium_on_a_lan_origin_loads_the_ui_gzipped(browser, server):
    page = await open_page(browser, f"http://{LAN_HOST}:{server.port}", "/", wait_connected=False)
    try:
        encodings: dict[str, str] = {}
        page.page.on(
            "response",
            lambda response: encodings.update(
                {response.url: response.headers.get("content-encoding", "")}
            ),
        )
        await page.page.reload(wait_until="load")
        scripts = {url: coding for url, coding in encodings.items() if url.endswith(".js")}
        assert scripts, "the page loaded no script"
        assert set(scripts.values()) == {"gzip"}, scripts
        assert page.errors == []
    finally:
        await page.context.close()


# Every text the runtime status shows, in order (installed before the page's own scripts).
WATCH_STATUS = """(() => {
  window.__statuses = [];
  new MutationObserver(() => {
    const text = document.querySelector("[data-testid=runtime-status]")?.textContent;
    if (text && window.__statuses.at(-1) !== text) window.__statuses.push(text);
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();"""


async def test_python_loads_behind_the_name_prompt_and_shows_its_progress_in_megabytes(
    browser, server
):
    context = await browser.new_context()
    await context.add_init_script(script=WATCH_STATUS)
    image_asked = asyncio.Event()
    context.on(
        "request",
        lambda request: image_asked.set() if request.url.endswith("/boot-image.bin") else None,
    )
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        await page.goto(f"http://{LAN_HOST}:{server.port}/s/{server.create_session()}")
        # Python's files are asked for while the prompt waits for a name nobody gave yet.
        await page.get_by_test_id("name-input").wait_for()
        await asyncio.wait_for(image_asked.wait(), timeout=30)
        await page.get_by_test_id("name-input").fill("Ada")
        await page.get_by_test_id("join-button").click()
        await page.wait_for_selector("[data-testid=runtime-status][data-state=ready]")
        statuses = await page.evaluate("() => window.__statuses")
    finally:
        await context.close()

    assert errors == []
    assert statuses[-1] == "Python ready"
    progress = [re.fullmatch(r"Loading Python… ([\d.]+) of ([\d.]+) MB", s) for s in statuses]
    shown = [(float(m[1]), float(m[2])) for m in progress if m]
    assert shown, statuses
    assert all(loaded <= total for loaded, total in shown), statuses
    assert len({total for _, total in shown}) == 1, statuses
