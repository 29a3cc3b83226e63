"""The README's screenshots, made from a real room: `python build_scripts/screenshots.py`.

Starts PairPad on a free loopback port with a throwaway data folder, opens a room as the
interviewer and as a candidate in Debian's Chromium, types a small program, runs it, says
hello in the chat, and photographs the interviewer's page at laptop and phone sizes in the
light and the dark theme, into docs/screenshots/. Nothing is drawn by hand, so the pictures
follow the UI whenever it changes: run this again and commit the PNGs.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from playwright.async_api import Browser, Page, async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.support.server import HOST_TOKEN, ServerProcess  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZES = {"laptop": {"width": 1280, "height": 720}, "phone": {"width": 390, "height": 844}}
CODE = '''def fizzbuzz(n):
    """The classic, as a warm-up."""
    for i in range(1, n + 1):
        word = ("Fizz" if i % 3 == 0 else "") + ("Buzz" if i % 5 == 0 else "")
        print(word or i)


fizzbuzz(15)
'''


async def open_as(browser: Browser, url: str, theme: str, size: str, host: bool) -> Page:
    phone = size == "phone"
    context = await browser.new_context(
        viewport=SIZES[size], color_scheme=theme, is_mobile=phone, has_touch=phone
    )
    page = await context.new_page()
    if host:  # the interviewer's way in: the host link leaves the cookie
        origin = url.split("/s/")[0]
        await page.goto(f"{origin}/host?token={HOST_TOKEN}")
    await page.goto(url)
    await page.wait_for_selector('[data-testid=connection-status][data-status="connected"]')
    ready = '[data-testid=runtime-status][data-state="ready"]'
    await page.wait_for_selector(ready, state="attached", timeout=60_000)
    return page


async def stage(browser: Browser, server: ServerProcess, session_id: str) -> None:
    """A lived-in room: code, a run's output, two people, a chat line."""
    room = f"{server.http}/s/{session_id}"
    grace = await open_as(browser, f"{room}?name=Grace", "light", "laptop", host=False)
    await grace.locator(".cm-content").click()
    await grace.keyboard.insert_text(CODE)
    await grace.get_by_test_id("run-button").click()
    await grace.wait_for_selector("[data-testid=run-entry] >> text=finished", timeout=60_000)
    await grace.locator(".chat-input").fill("Ready when you are!")
    await grace.locator(".chat-input").press("Enter")


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    data = tempfile.mkdtemp(prefix="pairpad-screenshots-")
    server = ServerProcess(data_dir=Path(data)).start()
    try:
        session_id = server.create_session(title="Backend loop: warm-up")
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            await stage(browser, server, session_id)
            for theme in ("light", "dark"):
                for size in SIZES:
                    url = f"{server.http}/s/{session_id}?name=Ada"
                    page = await open_as(browser, url, theme, size, host=True)
                    await page.wait_for_selector("[data-testid=run-entry]", state="attached")
                    if size == "phone":
                        await page.get_by_test_id("pane-tab-code").click()
                    path = OUT / f"room-{size}-{theme}.png"
                    await page.screenshot(path=str(path))
                    print(f"wrote {path.relative_to(ROOT)}")
                    await page.context.close()
            await browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    asyncio.run(main())
