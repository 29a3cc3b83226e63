"""One measured point: a fresh server, N participants typing, figures from both sides.

The load generator is Node (bench/node/loadgen.mjs), split over ``workers`` processes by
room, so every latency is measured inside one process on one clock. Each worker reports its
own CPU and event-loop utilisation: a point where the load generator was near saturation is
flagged, because its latencies would be the load generator's, not the server's.
"""

from __future__ import annotations

import json
import math
import subprocess
import tempfile
import time
from array import array
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from .targets import BENCH_HOST_TOKEN, NODE_DIR, ROOT, RunningServer, Target, load_cpus, pin_to

MIB = 1024 * 1024
# A worker busier than this was close to being the bottleneck itself.
LOADGEN_SATURATED_ELU = 0.85


@dataclass(frozen=True)
class LoadShape:
    participants: int
    per_room: int = 3
    rate: float = 5.0  # keystrokes per second per participant
    duration: float = 15.0  # measured seconds
    warmup: float = 2.0  # typing before measuring starts
    drain: float = 5.0  # longest wait for the last deliveries
    workers: int = 1

    @property
    def rooms(self) -> int:
        return math.ceil(self.participants / self.per_room)


def percentile(ordered: list[float], fraction: float) -> float:
    if not ordered:
        return math.nan
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


class _Worker:
    def __init__(self, options: dict[str, Any], cpus: set[int] | None) -> None:
        self.process = subprocess.Popen(
            # A larger young generation: with Node's default, the load generator's own
            # scavenges (2–5 ms, several a second) delayed whole bursts of deliveries, and
            # more so for JSON messages than for binary ones, so p99 measured the load
            # generator's garbage rather than the server.
            [
                "node",
                "--max-semi-space-size=64",
                str(NODE_DIR / "loadgen.mjs"),
                json.dumps(options),
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=pin_to(cpus) if cpus else None,
        )

    def event(self, expected: str) -> dict[str, Any]:
        stdout: IO[str] | None = self.process.stdout
        assert stdout is not None
        line = stdout.readline()
        if not line:
            stderr = self.process.stderr.read() if self.process.stderr else ""
            raise RuntimeError(f"load generator exited before {expected!r}:\n{stderr}")
        event: dict[str, Any] = json.loads(line)
        if event["event"] != expected:
            raise RuntimeError(f"load generator: {event}")
        return event

    def go(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def run_point(target: Target, shape: LoadShape, *, pin: bool = True) -> dict[str, Any]:
    cpus = load_cpus() if pin else None
    with RunningServer(target, pin=pin) as server, tempfile.TemporaryDirectory() as scratch:
        time.sleep(0.5)  # let the runtime finish start-up allocations before the baseline
        rss_idle = server.rss_bytes()
        rooms_per_worker = _split(shape.rooms, shape.workers)
        workers = [
            _Worker(
                {
                    "mode": "load",
                    "target": target.client,
                    "url": server.ws_url,
                    "http": server.http_url,
                    "hostToken": BENCH_HOST_TOKEN,
                    "worker": index,
                    "rooms": rooms,
                    "perRoom": shape.per_room,
                    "rate": shape.rate,
                    "duration": shape.duration,
                    "warmup": shape.warmup,
                    "drain": shape.drain,
                    "latencyFile": str(Path(scratch) / f"latency-{index}.f64"),
                },
                cpus,
            )
            for index, rooms in enumerate(rooms_per_worker)
            if rooms
        ]
        try:
            ready = [worker.event("ready") for worker in workers]
            rss_connected = server.rss_bytes()
            cpu_before = server.cpu_seconds()
            server.start_sampling()
            started = time.monotonic()
            for worker in workers:
                worker.go()
            done = [worker.event("done") for worker in workers]
            wall = time.monotonic() - started
            cpu = server.cpu_seconds() - cpu_before
            rss_peak = server.stop_sampling()
        finally:
            for worker in workers:
                worker.stop()
        latencies = array("d")
        for index in range(len(workers)):
            latencies.frombytes((Path(scratch) / f"latency-{index}.f64").read_bytes())
    return _figures(
        target,
        shape,
        ready,
        done,
        sorted(latencies),
        wall,
        cpu,
        cpus,
        rss_idle,
        rss_connected,
        rss_peak,
    )


def _split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if index < total % parts else 0) for index in range(parts)]


def _figures(
    target: Target,
    shape: LoadShape,
    ready: list[dict[str, Any]],
    done: list[dict[str, Any]],
    latencies: list[float],
    wall: float,
    server_cpu: float,
    load_cpus_used: set[int] | None,
    rss_idle: int,
    rss_connected: int,
    rss_peak: int,
) -> dict[str, Any]:
    def total(key: str) -> int:
        return sum(int(event[key]) for event in done)

    clients = sum(int(event["clients"]) for event in ready)
    sent, expected, delivered = total("sent"), total("expected"), total("delivered")
    loadgen_cpu = sum(float(event["cpuSeconds"]) for event in done)
    loadgen_cores = len(load_cpus_used) if load_cpus_used else 1
    close_reasons: dict[str, int] = {}
    for event in done:
        for reason, count in event["closeReasons"].items():
            close_reasons[reason] = close_reasons.get(reason, 0) + count
    worst_elu = max(float(event["eventLoopUtilization"]) for event in done)
    return {
        "target": target.key,
        "label": target.label,
        **asdict(shape),
        "clients": clients,
        "connectSeconds": max(float(event["connectSeconds"]) for event in ready),
        "sent": sent,
        "expected": expected,
        "delivered": delivered,
        "deliveredPercent": 100.0 * delivered / expected if expected else 100.0,
        "duplicates": total("duplicate"),
        "echoes": total("echo"),
        "unexpectedCloses": total("unexpectedCloses"),
        "closeReasons": close_reasons,
        "latencyMs": {
            "samples": len(latencies),
            "p50": percentile(latencies, 0.50),
            "p95": percentile(latencies, 0.95),
            "p99": percentile(latencies, 0.99),
            "max": latencies[-1] if latencies else math.nan,
        },
        "wallSeconds": wall,
        "serverCpuSeconds": server_cpu,
        "serverCpuPercent": 100.0 * server_cpu / wall,
        "serverCpuMicrosPerKeystroke": 1e6 * server_cpu / sent if sent else math.nan,
        "rssIdleMiB": rss_idle / MIB,
        "rssConnectedMiB": rss_connected / MIB,
        "rssPeakMiB": rss_peak / MIB,
        "kibPerConnection": (rss_connected - rss_idle) / 1024 / clients if clients else math.nan,
        "loadgenCpuSeconds": loadgen_cpu,
        "loadgenCpuPercentOfItsCores": 100.0 * loadgen_cpu / wall / loadgen_cores,
        "loadgenEventLoopUtilization": worst_elu,
        "loadgenSaturated": worst_elu > LOADGEN_SATURATED_ELU,
    }


def run_late_join(
    target: Target, *, doc_bytes: int = 100_000, joins: int = 20, pin: bool = True
) -> dict[str, Any]:
    """Time fresh clients from opening a socket to holding a ``doc_bytes`` document."""
    cpus = load_cpus() if pin else None
    with RunningServer(target, pin=pin) as server:
        worker = _Worker(
            {
                "mode": "latejoin",
                "target": target.client,
                "url": server.ws_url,
                "http": server.http_url,
                "hostToken": BENCH_HOST_TOKEN,
                "worker": 0,
                "docBytes": doc_bytes,
                "joins": joins,
            },
            cpus,
        )
        try:
            done = worker.event("done")
        finally:
            worker.stop()
    times = sorted(float(ms) for ms in done["joinMs"])
    return {
        "target": target.key,
        "label": target.label,
        "docBytes": done["docBytes"],
        "updateBytes": done["updateBytes"],
        "joins": len(times),
        "p50Ms": percentile(times, 0.5),
        "maxMs": times[-1],
    }
