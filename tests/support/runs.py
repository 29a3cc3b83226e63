"""Running code in a room's page and reading back the newest run's entry.

The output panel reads as a console: the oldest run first, the newest last. Tests find the
newest entry through ``newest`` (a locator) or ``NEWEST_ENTRY`` (the same in page script).
"""

from __future__ import annotations

import time
from typing import Any

from tests.support.browser import RoomPage

# The newest run's entry, as an expression in the page (undefined before any run).
NEWEST_ENTRY = "[...document.querySelectorAll('[data-testid=run-entry]')].at(-1)"

# Pyodide's first load takes a few seconds on a busy 2-core machine; the C/C++ compiler's
# (105 MB) up to a minute.
LOAD_TIMEOUT_MS = 120_000


async def run(page: RoomPage, code: str, language: str | None = None) -> dict[str, str]:
    """Set the code, press Run, wait for the run to finish; returns the newest entry's parts."""
    if language:
        await page.testid("language-select").select_option(language)
        await page.page.wait_for_function(
            f"() => document.querySelector('[data-testid=language-select]').value === '{language}'"
        )
    await page.set_code(code)
    entries_before = await page.page.locator("[data-testid=run-entry]").count()
    await page.testid("run-button").click()
    await page.page.wait_for_function(
        """(count) => {
            const entries = document.querySelectorAll('[data-testid=run-entry]');
            return entries.length > count &&
                /finished|failed|stopped/.test(entries[entries.length - 1]
                    .querySelector('[data-testid=run-status]').textContent);
        }""",
        arg=entries_before,
        timeout=LOAD_TIMEOUT_MS,
    )
    return await newest_entry(page)


async def python_with_warm_spare(page: RoomPage) -> None:
    """Python loaded, and the second Python that warms up after it standing by."""
    await run(page, "print('warm')")
    await page.page.wait_for_selector(
        "[data-testid=runtime-status][data-python-spare=ready]", timeout=LOAD_TIMEOUT_MS
    )


def newest(page: RoomPage) -> Any:
    """A locator of the newest run's entry (the last one)."""
    return page.page.locator("[data-testid=run-entry]").last


async def newest_entry(page: RoomPage) -> dict[str, str]:
    entry = newest(page)
    error = entry.locator("[data-testid=run-error]")
    return {
        "who": await entry.locator(".who").inner_text(),
        "status": await entry.locator("[data-testid=run-status]").inner_text(),
        # Text, not inner_text: the panel follows the newest output, and blocks scrolled out
        # of view are not rendered (content-visibility), so inner_text would leave them out.
        "output": "".join(
            await entry.locator("[data-testid=run-output] [data-stream]").all_text_contents()
        ),
        "error": await error.inner_text() if await error.count() else "",
        "truncated": str(await entry.locator("[data-testid=output-truncated]").count() > 0),
    }


async def newest_entry_when_done(page: RoomPage) -> dict[str, str]:
    await page.page.wait_for_function(
        f"""() => {{
            const status = {NEWEST_ENTRY}?.querySelector('[data-testid=run-status]');
            return /finished|failed|stopped/.test(status?.textContent ?? '');
        }}""",
        timeout=LOAD_TIMEOUT_MS,
    )
    return await newest_entry(page)


async def warm_with_spare(
    page: RoomPage, language: str, code: str, runtime: str | None = None
) -> None:
    """A language's runtime (named as the page names it, when not the language's own id)
    loaded by a first run of ``code``, and its warm spare standing by."""
    await run(page, code, language=language)
    await page.page.wait_for_selector(
        f"[data-testid=runtime-status][data-{runtime or language}-spare=ready]",
        timeout=LOAD_TIMEOUT_MS,
    )


async def run_on_warm_runtime(
    page: RoomPage, language: str, warm_code: str, code: str, runtime: str | None = None
) -> dict[str, str]:
    """Run ``code`` once the language's runtime and its spare are warm (output-cap tests:
    only the flood's own time counts); returns the newest entry when it is done."""
    await warm_with_spare(page, language, warm_code, runtime)
    await page.set_code(code)
    await page.testid("run-button").click()
    return await newest_entry_when_done(page)


async def stop_runaway(page: RoomPage, code: str) -> dict[str, str]:
    """Run ``code`` that never ends, press Stop once it runs; returns the stopped entry."""
    await page.set_code(code)
    await page.testid("run-button").click()
    await page.testid("stop-button").wait_for(state="visible")
    await page.page.wait_for_function(
        "() => !document.querySelector('[data-testid=stop-button]').disabled"
    )
    await page.testid("stop-button").click()
    return await newest_entry_when_done(page)


async def seconds_to_output(page: RoomPage, code: str, expected: str) -> float:
    """Run ``code`` and return how long after the click its output read ``expected``."""
    await page.set_code(code)
    clicked = time.monotonic()
    await page.testid("run-button").click()
    await page.page.wait_for_function(
        f"""(expected) => {{
            const output = {NEWEST_ENTRY}?.querySelector('[data-testid=run-output]');
            return output?.textContent === expected;
        }}""",
        arg=expected,
        timeout=LOAD_TIMEOUT_MS,
    )
    return time.monotonic() - clicked


async def give_stdin(page: RoomPage, text: str) -> None:
    await page.page.locator("details.stdin summary").click()
    await page.testid("stdin-input").fill(text)
