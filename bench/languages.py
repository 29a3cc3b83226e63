"""Per-language figures in Chromium: what a candidate downloads and waits for, language by
language, on the insecure ``http://interview.lan:PORT`` origin candidates use.

For each language a session is created in that language (so the page loads that language's
runtime and no other), and opened in a fresh browser profile (cold) and then once more in the
same profile (warm: the HTTP cache and Chromium's cache of compiled WebAssembly are filled):

- ``downloadBytes``: bytes the server sent (gzipped as sent, headers and WebSocket frames
  included, counted by a relay in front of it), page and runtime together, from opening the
  page until the first run has finished, in the fresh profile;
- ``readyColdMs`` / ``readyWarmMs``: navigation start → the language's runtime ready to run
  (the page's status line says so: ``data-runtime=… data-state=ready``);
- ``firstRunColdMs``: Run pressed as soon as it is ready → the run finished, fresh profile
  (hello world; for C++ the 50-line program, bench/programs/dijkstra.cpp, which also brings
  the precompiled ``<bits/stdc++.h>``);
- ``helloRunMs``: Run → finished for hello world once the runtime is loaded (median of 3);
- C++ only: ``compile50WarmFirstMs``, the 50-line program's first compile-and-run on the warm
  page load, and ``compile50WarmMs`` / ``compile50WarmMinMs``, its later ones on that page
  (median and least of 5);
  ``editorLatencyMs``: keystroke → character in the editor's DOM while the C/C++ compiler
  loads in the fresh profile (median and p95 of the keystrokes typed until it is ready), and
  ``editorLatencyIdleMs`` the same once it is loaded.

Times are ``performance.now()`` in the page, taken by a probe installed before the page's
scripts (as in bench/browser.py); Python only waits. A request to any other host than the
page's fails the measurement.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import statistics
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Page, Playwright, Request, async_playwright

from bench.targets import BENCH_HOST_HEADERS, TARGETS, RunningServer
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, LAN_HOST

PROGRAMS = Path(__file__).resolve().parent / "programs"
LOAD_TIMEOUT_S = 180.0
RUN_TIMEOUT_S = 120.0
WARM_RUNS = 3
# The machine is shared: the least of several compiles is the one least disturbed.
COMPILE_RUNS = 5
KEYSTROKE_INTERVAL_S = 0.1
MAX_KEYSTROKES = 300


@dataclass(frozen=True)
class Language:
    id: str
    runtime: str  # as the page's status line names it
    hello: str


LANGUAGES = [
    Language("python", "python", 'print("hello")\n'),
    Language("javascript", "javascript", 'console.log("hello");\n'),
    Language(
        "typescript", "typescript", 'const greeting: string = "hello";\nconsole.log(greeting);\n'
    ),
    Language("sql", "sql", "SELECT 'hello' AS greeting;\n"),
    Language("lua", "lua", 'print("hello")\n'),
    Language("ruby", "ruby", 'puts "hello"\n'),
    Language("postgres", "postgres", "SELECT 'hello' AS greeting;\n"),
    Language("c", "clang", '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n'),
    Language("cpp", "clang", '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n'),
]

# Marks on the page's clock: the runtime ready, clicks on Run, each run's end; keystrokes and
# the editor's DOM changes that follow them.
PROBE = """(() => {
  const bench = { ready: {}, runClicks: [], finished: {}, keys: [], latencies: [] };
  window.__bench = bench;
  addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-testid]") : null;
    if (target?.dataset.testid === "run-button") bench.runClicks.push(performance.now());
  }, true);
  addEventListener("keydown", (event) => {
    if (event.key.length === 1) bench.keys.push(event.timeStamp);
  }, true);
  // A keystroke's latency ends at the frame after the editor's DOM changed: by then the
  // editor has taken the change into its document, and that frame shows it.
  let frame = null;
  const watchEditor = (content) => new MutationObserver(() => {
    if (!bench.keys.length || frame !== null) return;
    frame = requestAnimationFrame(() => {
      frame = null;
      const now = performance.now();
      while (bench.keys.length) bench.latencies.push(now - bench.keys.shift());
    });
  }).observe(content, { subtree: true, childList: true, characterData: true });
  new MutationObserver(() => {
    const now = performance.now();
    const status = document.querySelector("[data-testid=runtime-status]");
    if (status?.dataset.state === "ready") bench.ready[status.dataset.runtime] ??= now;
    const content = document.querySelector(".cm-content");
    if (content && !content.__benchWatched) { content.__benchWatched = true; watchEditor(content); }
    const entry = [...document.querySelectorAll("[data-testid=run-entry]")].at(-1);
    const state = entry?.querySelector("[data-testid=run-status]")?.textContent ?? "";
    if (entry && /finished|failed|stopped/.test(state)) bench.finished[entry.dataset.runId] ??= now;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();"""

# The newest run is the last entry: the output panel lists runs oldest first, as a console.
LAST_RUN = """() => {
  const bench = window.__bench;
  const entry = [...document.querySelectorAll("[data-testid=run-entry]")].at(-1);
  if (!entry) return null;
  const spans = [...entry.querySelectorAll("[data-stream]")];
  return {
    click: bench.runClicks.at(-1) ?? null,
    finished: bench.finished[entry.dataset.runId] ?? null,
    output: spans.map((span) => span.textContent).join(""),
    error: entry.querySelector("[data-testid=run-error]")?.textContent ?? "",
  };
}"""


class MeasurementFailed(RuntimeError):
    """A run failed, a wait timed out, or the page asked another host for something."""


def create_session(http_url: str, language: str) -> str:
    request = urllib.request.Request(
        f"{http_url}/api/sessions",
        data=json.dumps({"title": f"Language bench: {language}", "language": language}).encode(),
        headers={"content-type": "application/json", **BENCH_HOST_HEADERS},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(json.load(response)["sessionId"])


async def poll(page: Page, expression: str, timeout_s: float, what: str) -> Any:
    """Evaluates ``expression`` every 50 ms until it is truthy (the page's CSP refuses
    Playwright's own waiting scripts)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while loop.time() < deadline:
        value = await page.evaluate(expression)
        if value:
            return value
        await asyncio.sleep(0.05)
    raise MeasurementFailed(f"timed out waiting for {what}")


async def ready_at(page: Page, runtime: str) -> float:
    expression = f"() => window.__bench?.ready[{json.dumps(runtime)}]"
    return float(await poll(page, expression, LOAD_TIMEOUT_S, f"{runtime} ready"))


async def set_code(page: Page, code: str) -> None:
    await page.locator(".cm-content").click()
    await page.keyboard.press("Control+a")
    await page.keyboard.insert_text(code)


async def run_ms(page: Page, code: str, expected: str) -> float:
    """Run → finished, in ms; the run must have printed ``expected``."""
    await set_code(page, code)
    clicks = await page.evaluate("() => window.__bench.runClicks.length")
    await page.get_by_test_id("run-button").click()
    expression = f"""() => {{
      const last = ({LAST_RUN})();
      const clicked = window.__bench.runClicks.length > {clicks};
      return clicked && last && last.finished !== null && last.finished > last.click ? last : null;
    }}"""
    last = await poll(page, expression, RUN_TIMEOUT_S, "the run to finish")
    if expected not in last["output"] or last["error"]:
        raise MeasurementFailed(f"the run printed {last['output']!r}, error {last['error']!r}")
    return float(last["finished"] - last["click"])


class CountingProxy:
    """A TCP relay in front of the server that counts the bytes it sends to the browser:
    every response and WebSocket frame, headers included, gzipped as sent (the browser's own
    per-request sizes miss some of its workers' requests)."""

    def __init__(self, server_port: int) -> None:
        self.sent = 0
        self._server_port = server_port
        self._listener: asyncio.Server | None = None

    async def start(self) -> int:
        self._listener = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        return int(self._listener.sockets[0].getsockname()[1])

    async def close(self) -> None:
        if self._listener:
            self._listener.close()

    async def _relay(
        self, browser_in: asyncio.StreamReader, browser_out: asyncio.StreamWriter
    ) -> None:
        server_in, server_out = await asyncio.open_connection("127.0.0.1", self._server_port)
        await asyncio.gather(
            self._pump(browser_in, server_out, count=False),
            self._pump(server_in, browser_out, count=True),
            return_exceptions=True,
        )

    async def _pump(
        self, source: asyncio.StreamReader, sink: asyncio.StreamWriter, *, count: bool
    ) -> None:
        try:
            while chunk := await source.read(1 << 16):
                if count:
                    self.sent += len(chunk)
                sink.write(chunk)
                await sink.drain()
        finally:
            sink.close()


def refuse_other_hosts(context: BrowserContext, offsite: list[str]) -> None:
    """Notes every request (workers' included) to a host other than the page's."""

    def check(request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.hostname != LAN_HOST:
            offsite.append(request.url)

    context.on("request", check)


async def type_while_loading(page: Page, runtime: str) -> list[float]:
    """Types into the editor, a key every 100 ms, until the runtime is ready; the latencies."""
    await page.locator(".cm-content").click()
    for count in range(MAX_KEYSTROKES):
        if await page.evaluate(f"() => Boolean(window.__bench.ready[{json.dumps(runtime)}])"):
            break
        await page.keyboard.type("abcdefghij"[count % 10])
        await asyncio.sleep(KEYSTROKE_INTERVAL_S)
    await asyncio.sleep(0.5)  # the last keystroke's change
    return [
        float(value) for value in await page.evaluate("() => window.__bench.latencies.splice(0)")
    ]


async def type_idle(page: Page, count: int = 40) -> list[float]:
    await page.locator(".cm-content").click()
    for index in range(count):
        await page.keyboard.type("abcdefghij"[index % 10])
        await asyncio.sleep(KEYSTROKE_INTERVAL_S)
    await asyncio.sleep(0.5)
    return [
        float(value) for value in await page.evaluate("() => window.__bench.latencies.splice(0)")
    ]


def spread(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": round(statistics.median(ordered), 1), "p95": round(p95, 1), "n": len(ordered)}


async def cold_visit(
    context: BrowserContext,
    url: str,
    language: Language,
    proxy: CountingProxy,
    figures: dict[str, Any],
) -> None:
    sent_before = proxy.sent
    page = await context.new_page()
    await page.goto(url)
    if language.id == "cpp":
        figures["editorLatencyMs"] = spread(await type_while_loading(page, language.runtime))
    figures["readyColdMs"] = round(await ready_at(page, language.runtime))
    if language.id == "cpp":
        first = run_ms(page, (PROGRAMS / "dijkstra.cpp").read_text(), "caught vector")
    else:
        first = run_ms(page, language.hello, "hello")
    figures["firstRunColdMs"] = round(await first)
    figures["downloadBytes"] = proxy.sent - sent_before
    hellos = [await run_ms(page, language.hello, "hello") for _ in range(WARM_RUNS)]
    figures["helloRunMs"] = round(statistics.median(hellos))
    if language.id == "cpp":
        figures["editorLatencyIdleMs"] = spread(await type_idle(page))
    await page.close()


async def warm_visit(
    context: BrowserContext, url: str, language: Language, figures: dict[str, Any]
) -> None:
    page = await context.new_page()
    await page.goto(url)
    figures["readyWarmMs"] = round(await ready_at(page, language.runtime))
    if language.id == "cpp":
        program = (PROGRAMS / "dijkstra.cpp").read_text()
        figures["compile50WarmFirstMs"] = round(await run_ms(page, program, "caught vector"))
        later = [await run_ms(page, program, "caught vector") for _ in range(COMPILE_RUNS)]
        figures["compile50WarmMs"] = round(statistics.median(later))
        figures["compile50WarmMinMs"] = round(min(later))
    await page.close()


async def measure_language(
    playwright: Playwright, origin: str, http_url: str, proxy: CountingProxy, language: Language
) -> dict[str, Any]:
    url = f"{origin}/s/{create_session(http_url, language.id)}?name=Bench"
    figures: dict[str, Any] = {}
    offsite: list[str] = []
    with tempfile.TemporaryDirectory(prefix="pairpad-bench-languages-") as profile:
        context = await playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        try:
            await context.add_init_script(script=PROBE)
            refuse_other_hosts(context, offsite)
            await cold_visit(context, url, language, proxy, figures)
            await warm_visit(context, url, language, figures)
        finally:
            await context.close()
    if offsite:
        raise MeasurementFailed(f"requests left {LAN_HOST}: {offsite}")
    return figures


async def measure(http_url: str, port: int, only: list[str] | None) -> dict[str, Any]:
    proxy = CountingProxy(port)
    origin = f"http://{LAN_HOST}:{await proxy.start()}"
    results: dict[str, Any] = {"languages": {}}
    try:
        async with async_playwright() as playwright:
            for language in LANGUAGES:
                if only and language.id not in only:
                    continue
                figures = await measure_language(playwright, origin, http_url, proxy, language)
                print(f"  {language.id:10} {json.dumps(figures)}", flush=True)
                results["languages"][language.id] = figures
    finally:
        await proxy.close()
    return results


def measure_languages(only: list[str] | None = None) -> dict[str, Any]:
    """Every language's figures (``only``: some of them), from one PairPad server."""
    base = TARGETS["pairpad-crdt"]
    target = dataclasses.replace(
        base, env={**base.env, "PAIRPAD_ALLOWED_HOSTS": json.dumps([LAN_HOST])}
    )
    with RunningServer(target, pin=False) as server:
        return asyncio.run(measure(server.http_url, server.port, only))


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.languages [python,cpp,…]``: the figures alone, written to
    bench/results/languages.{json,md} (``make bench`` puts them in latest.* too)."""
    import argparse
    import datetime

    from bench import report
    from bench.targets import ROOT

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("only", nargs="?", help="comma-separated language ids; default: all")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    results = measure_languages(args.only.split(",") if args.only else None)
    results["date"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "languages.json").write_text(json.dumps(results, indent=2) + "\n")
    title = f"# PairPad per language, {results['date']}\n\n"
    (args.out / "languages.md").write_text(title + "\n".join(report.language_lines(results)))
    print(f"wrote {args.out / 'languages.md'}")


if __name__ == "__main__":
    main()
