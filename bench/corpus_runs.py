"""The corpus (tests/corpus/) in Chromium next to the native interpreters: per language, the
median time from the click on Run to the run's output, and the native process's time.

- ``runToOutputMs``: the click on Run (``performance.now()`` in the page, just before the
  click) to the run's entry finished with all its output shown (a MutationObserver, at the end
  of the task that changed the DOM). Runs on a warm page: each language's first program runs
  once unmeasured (the runtime's download and start), and before each measured run the
  language's warm spare is ready, as it is when a participant pauses between runs (a Python
  or JavaScript run gets a fresh worker).
- ``runToFirstOutputMs``: the same click to the first output in the pane.
- ``nativeMs``: process start to exit, as tests/corpus/record.py runs the program (CPython,
  node, tsc then node, sqlite3), from this process (``time.perf_counter``).

Only the programs the corpus test compares (the manifest's exclusions left out).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.async_api import Page, async_playwright

from bench.browser import LOAD_TIMEOUT_MS, create_session
from bench.targets import TARGETS, RunningServer
from tests.corpus.record import (
    default_python,
    native_javascript,
    native_python,
    native_sql,
    native_typescript,
)
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.corpus import (
    LANGUAGES,
    Program,
    choose_language,
    programs,
    run_program,
    set_program,
    wait_for_spare,
)

NATIVE = {
    "python": native_python(default_python()),
    "javascript": native_javascript,
    "typescript": native_typescript,
    "sql": native_sql,
}


def native_ms(program: Program) -> float:
    with tempfile.TemporaryDirectory(prefix="pairpad-bench-corpus-") as folder:
        started = time.perf_counter()
        NATIVE[program.language](program.code, program.stdin, Path(folder))
        return (time.perf_counter() - started) * 1000


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


async def browser_times(page: Page, language: str, group: list[Program]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"done": [], "first": []}
    await choose_language(page, language)
    for index, program in enumerate([group[0], *group]):
        await set_program(page, program)
        await wait_for_spare(page, language)
        result = await run_program(page, program)
        if index == 0:
            continue  # the runtime's first start
        times["done"].append(result.ms_to_done)
        if result.ms_to_first_output is not None:
            times["first"].append(result.ms_to_first_output)
    return times


async def measure(http_url: str) -> dict[str, Any]:
    url = f"{http_url}{create_session(http_url)}?name=Bench"
    corpus = programs()
    results: dict[str, Any] = {}
    async with async_playwright() as playwright:
        with tempfile.TemporaryDirectory(prefix="pairpad-bench-") as profile:
            context = await playwright.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            try:
                page = await context.new_page()
                await page.goto(url)
                await page.wait_for_selector(
                    '[data-testid="connection-status"][data-status="connected"]',
                    timeout=LOAD_TIMEOUT_MS,
                )
                for language in LANGUAGES:
                    group = [p for p in corpus if p.language == language]
                    times = await browser_times(page, language, group)
                    native = [native_ms(program) for program in group]
                    results[language] = {
                        "programs": len(group),
                        "runToOutputMs": median(times["done"]),
                        "runToFirstOutputMs": median(times["first"]) if times["first"] else None,
                        "nativeMs": median(native),
                    }
            finally:
                await context.close()
    return results


def measure_corpus_runs() -> dict[str, Any]:
    with RunningServer(TARGETS["pairpad-crdt"], pin=False) as server:
        return asyncio.run(measure(server.http_url))


if __name__ == "__main__":
    print(json.dumps(measure_corpus_runs(), indent=2))
