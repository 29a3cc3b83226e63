"""The servers under test, each started in its own process and measured through /proc.

Every server announces its OS-chosen port on a line of its output, so nothing races for a
port. Servers are pinned to CPU 0 and load generators to the other CPUs (``pin=True``), so a
saturated load generator cannot steal the server's core and each side's CPU is its own.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "bench" / "node"
SERVER_CPU = 0
_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

# PairPad's limits guard a real interview; here one machine plays thousands of participants
# from one address, so the per-server caps are lifted (the per-connection ones are kept).
# A known host token: only the interviewer may create sessions, and the bench creates them.
BENCH_HOST_TOKEN = "bench-host-token-7d41c9e2"
BENCH_HOST_HEADERS = {"authorization": f"Bearer {BENCH_HOST_TOKEN}"}
# The bench's sessions are recorded like real ones, in a throwaway folder, never the user's.
PAIRPAD_BENCH_ENV = {
    "PAIRPAD_MAX_ROOMS": "20000",
    "PAIRPAD_HOST_TOKEN": BENCH_HOST_TOKEN,
    "PAIRPAD_DATA_DIR": tempfile.mkdtemp(prefix="pairpad-bench-data-"),
}


@dataclass(frozen=True)
class Target:
    key: str  # as in results and on the command line
    client: str  # the load generator's client for it (bench/node/clients.mjs)
    label: str
    command: list[str]
    ready_pattern: str  # a line whose first group is the port
    env: dict[str, str] = field(default_factory=dict)
    late_join: bool = True  # keeps a document a late joiner can receive


def _pairpad(key: str, label: str, **env: str) -> Target:
    return Target(
        key=key,
        client=key.split("+")[0],  # "pairpad-crdt+deflate": same client, another setting
        label=label,
        command=[sys.executable, "-m", "server", "--host", "127.0.0.1", "--port", "0"],
        ready_pattern=r"Uvicorn running on http://[\d.]+:(\d+)",
        env={**PAIRPAD_BENCH_ENV, **env},
    )


def _node(key: str, label: str, script: str, *, late_join: bool = True) -> Target:
    return Target(
        key=key,
        client=key,
        label=label,
        command=["node", str(NODE_DIR / script)],
        ready_pattern=r"LISTENING (\d+)",
        late_join=late_join,
    )


TARGETS: dict[str, Target] = {
    target.key: target
    for target in (
        _pairpad("pairpad-crdt", "PairPad (web UI protocol, CRDT)"),
        _pairpad("pairpad-text", "PairPad (spec clients, full text)"),
        _pairpad(
            "pairpad-crdt+deflate",
            "PairPad (CRDT) with permessage-deflate",
            PAIRPAD_WEBSOCKET_COMPRESSION="true",
        ),
        _node("y-websocket", "y-websocket server 0.1.1", "y-websocket-server.mjs"),
        _node("hocuspocus", "Hocuspocus 4.7", "hocuspocus-server.mjs"),
        _node("relay-node", "bare relay (Node ws)", "relay-server.mjs", late_join=False),
        Target(
            key="relay-python",
            client="relay-python",
            label="bare relay (Python websockets)",
            command=[sys.executable, str(ROOT / "bench" / "relay.py")],
            ready_pattern=r"LISTENING (\d+)",
            late_join=False,
        ),
    )
}


def pin_to(cpus: set[int]) -> Callable[[], None]:
    """A preexec_fn: the affinity is set before exec, so every thread the server starts
    (Node's GC and libuv pools, Python's) inherits it."""
    return lambda: os.sched_setaffinity(0, cpus)


def load_cpus() -> set[int]:
    others = os.sched_getaffinity(0) - {SERVER_CPU}
    return others or {SERVER_CPU}


class RunningServer:
    """One server process: its port, CPU-seconds and resident memory, read from /proc."""

    def __init__(self, target: Target, *, pin: bool, timeout: float = 30.0) -> None:
        self.target = target
        self.process = subprocess.Popen(
            target.command,
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **target.env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=pin_to({SERVER_CPU}) if pin else None,
            start_new_session=True,
        )
        self.output: list[str] = []
        self.port = self._wait_for_port(re.compile(target.ready_pattern), timeout)
        threading.Thread(target=self._drain_output, daemon=True).start()
        self._peak_rss = 0
        self._sampling = threading.Event()

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_for_port(self, pattern: re.Pattern[str], timeout: float) -> int:
        assert self.process.stdout is not None
        timer = threading.Timer(timeout, self.process.kill)
        timer.start()
        try:
            for line in self.process.stdout:
                self.output.append(line)
                if match := pattern.search(line):
                    return int(match.group(1))
        finally:
            timer.cancel()
        raise RuntimeError(f"{self.target.label} did not start:\n{''.join(self.output)}")

    def _drain_output(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def cpu_seconds(self) -> float:
        """User + system CPU of every thread so far."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS_PER_SECOND

    def rss_bytes(self) -> int:
        with open(f"/proc/{self.process.pid}/statm") as statm:
            return int(statm.read().split()[1]) * _PAGE_SIZE

    def start_sampling(self, interval: float = 0.05) -> None:
        """Track peak RSS while the load runs (VmHWM would include start-up spikes)."""
        self._peak_rss = self.rss_bytes()
        self._sampling.set()

        def sample() -> None:
            while self._sampling.is_set():
                self._peak_rss = max(self._peak_rss, self.rss_bytes())
                time.sleep(interval)

        threading.Thread(target=sample, daemon=True).start()

    def stop_sampling(self) -> int:
        self._sampling.clear()
        self._peak_rss = max(self._peak_rss, self.rss_bytes())
        return self._peak_rss

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
