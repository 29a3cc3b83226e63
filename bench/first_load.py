"""First load: what a candidate waits for before Python runs, and how fast the executable starts.

    python -m bench.first_load                  # all figures, printed as JSON
    python -m bench.first_load --repeats 3

A real PairPad server (a throwaway data folder) and headless Debian Chromium open a room on
``http://interview.lan:PORT``, the LAN origin a candidate has (an insecure context, gzip as
the only encoding Chromium offers there). Python is ready when the runtime status reads
``data-runtime=python data-state=ready`` (the page sets it once Pyodide has loaded and the
runner is defined: a Run pressed then starts at once); the time is the page's own
``performance.now()`` at that change, from the start of the navigation (bench/browser.py's
probe).

- ``pythonReadyColdMs``: a fresh browser profile, nothing cached; each sample its own profile.
- ``pythonReadyWarmMs``: the same room opened again in a profile that has been there once
  (HTTP cache and Chromium's compiled-WebAssembly cache filled), as a candidate who reloads.
- ``bytesToPythonReady``: bytes received (headers and compressed bodies, every request of the
  page and its workers) from opening the page to Python ready, cold; ``requestsToPythonReady``.
- ``executable``: when ``dist/pairpad`` exists, its size and the time from launching it with
  ``--no-window`` (loopback, a free port, a throwaway data folder) to its first HTTP answer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Playwright, Request, async_playwright

from bench.browser import PROBE
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, LAN_HOST
from tests.support.server import ROOT, ServerProcess

EXECUTABLE = ROOT / "dist" / "pairpad"
LOAD_TIMEOUT_MS = 60_000
START_TIMEOUT_S = 60.0
PYTHON_READY = "() => window.__bench.marks.pythonReady !== undefined"


def _summary(samples: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(samples), 1),
        "min": round(min(samples), 1),
        "max": round(max(samples), 1),
    }


async def _launch(playwright: Playwright, profile: str) -> BrowserContext:
    context = await playwright.chromium.launch_persistent_context(
        profile,
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 800},
    )
    await context.add_init_script(script=PROBE)
    return context


async def _open_until_ready(
    context: BrowserContext, url: str, finished: list[Request]
) -> tuple[float, list[Request], int]:
    """Opens the room in a new page; returns its Python-ready time, the requests that had
    finished by then (the page's own and its workers') and the bytes they received."""
    finished.clear()
    page = await context.new_page()
    await page.goto(url)
    await page.wait_for_function(PYTHON_READY, timeout=LOAD_TIMEOUT_MS, polling=20)
    ready_ms = float(await page.evaluate("() => window.__bench.marks.pythonReady"))
    done = list(finished)
    received = await _bytes(done)
    await page.close()
    return ready_ms, done, received


async def _bytes(requests: list[Request]) -> int:
    total = 0
    for request in requests:
        sizes = await request.sizes()
        total += sizes["responseHeadersSize"] + max(0, sizes["responseBodySize"])
    return total


def _stayed_local(requests: list[Request], origin: str) -> None:
    host = urlsplit(origin).hostname
    away = [r.url for r in requests if urlsplit(r.url).scheme in ("http", "https", "ws")]
    away = [url for url in away if urlsplit(url).hostname != host]
    if away:
        raise RuntimeError(f"requests left {origin}: {away}")


async def _one_profile(playwright: Playwright, origin: str, url: str) -> dict[str, float]:
    """The room opened twice in a fresh profile: cold, then warm."""
    # Chromium may still be writing its profile as it exits.
    with tempfile.TemporaryDirectory(
        prefix="pairpad-first-load-", ignore_cleanup_errors=True
    ) as profile:
        context = await _launch(playwright, profile)
        finished: list[Request] = []
        context.on("requestfinished", lambda request: finished.append(request))
        try:
            cold, requests, received = await _open_until_ready(context, url, finished)
            _stayed_local(requests, origin)
            warm, again, _ = await _open_until_ready(context, url, finished)
            _stayed_local(again, origin)
        finally:
            await context.close()
    return {"cold": cold, "warm": warm, "bytes": received, "requests": len(requests)}


async def measure_page(origin: str, url: str, repeats: int) -> dict[str, Any]:
    async with async_playwright() as playwright:
        runs = [await _one_profile(playwright, origin, url) for _ in range(repeats)]
    return {
        "repeats": repeats,
        "pythonReadyColdMs": _summary([run["cold"] for run in runs]),
        "pythonReadyWarmMs": _summary([run["warm"] for run in runs]),
        "bytesToPythonReady": int(statistics.median(run["bytes"] for run in runs)),
        "requestsToPythonReady": int(statistics.median(run["requests"] for run in runs)),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _first_answer_seconds(port: int, started: float, process: subprocess.Popen[bytes]) -> float:
    """Polls until the server answers anything over HTTP (a refused connection is retried)."""
    while time.monotonic() - started < START_TIMEOUT_S:
        if process.poll() is not None:
            raise RuntimeError(f"{EXECUTABLE} exited with {process.returncode} during start-up")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1):
                return time.monotonic() - started
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"{EXECUTABLE} did not answer within {START_TIMEOUT_S:.0f} s")


def measure_executable(executable: Path, repeats: int) -> dict[str, Any] | None:
    """The executable's size and launch → first HTTP answer (``--no-window``), or None."""
    if not executable.exists():
        return None
    starts: list[float] = []
    for _ in range(repeats):
        port = _free_port()
        with tempfile.TemporaryDirectory(prefix="pairpad-exe-data-") as data:
            env = {**os.environ, "PAIRPAD_DATA_DIR": data}
            started = time.monotonic()
            process = subprocess.Popen(
                [str(executable), "--no-window", "--host", "127.0.0.1", "--port", str(port)],
                env=env,
                cwd=data,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                starts.append(_first_answer_seconds(port, started, process) * 1000)
            finally:
                process.terminate()
                process.wait(timeout=30)
    return {
        "path": str(executable),
        "bytes": executable.stat().st_size,
        "firstResponseMs": _summary(starts),
    }


def measure_first_load(*, repeats: int = 3, executable: Path = EXECUTABLE) -> dict[str, Any]:
    server = ServerProcess(settings={"allowed_hosts": f'["{LAN_HOST}"]'}).start()
    try:
        origin = f"http://{LAN_HOST}:{server.port}"
        url = f"{origin}/s/{server.create_session(title='First load')}?name=Bench"
        results = asyncio.run(measure_page(origin, url, repeats))
    finally:
        server.stop()
    chromium = subprocess.run(
        [str(CHROMIUM), "--version"], capture_output=True, text=True, check=False
    )
    results["chromium"] = chromium.stdout.strip()
    results["executable"] = measure_executable(executable, repeats)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--executable", type=Path, default=EXECUTABLE)
    args = parser.parse_args(argv)
    json.dump(measure_first_load(repeats=args.repeats, executable=args.executable), sys.stdout)
    print()


if __name__ == "__main__":
    main()
