"""Soak: hundreds of clients typing, joining and leaving for minutes; the server's memory,
session count and task count must stay flat.

    python bench/soak.py [--minutes 10] [--clients 300]      (or: make soak)

Each client joins a session of the current "generation" (a new one every minute, so old
sessions empty and are freed after the idle TTL), types for a while (CRDT updates, or full
text like a spec client), moves its cursor, chats now and then, and leaves one of three ways:
leave-session, a clean close, or vanishing (TCP abort). Every 10 s the server's RSS and its
/api/health figures are sampled. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from pycrdt import Doc, Text
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.server import HOST_HEADERS, ServerProcess  # noqa: E402

RESULTS = ROOT / "bench" / "results"
# Short, so that the sessions of past generations are freed while the soak runs.
IDLE_TTL = 20


@dataclass
class Counters:
    joins: int = 0
    keystrokes: int = 0
    leaves: int = 0
    unexpected_errors: list[str] = field(default_factory=list)
    unexpected_closes: int = 0


class Sessions:
    """One generation of sessions per minute: clients always join the newest."""

    def __init__(self, http: str, per_generation: int) -> None:
        self.http = http
        self.per_generation = per_generation
        self.current: list[str] = []
        self.generation_started = 0.0
        self._lock = asyncio.Lock()  # one client creates the next generation, not all of them

    def forget(self, session: str) -> None:
        if session in self.current:
            self.current.remove(session)

    async def pick(self, client: httpx.AsyncClient) -> str:
        async with self._lock:
            if not self.current or time.monotonic() - self.generation_started > 60:
                created = []
                for _ in range(self.per_generation):
                    response = await client.post(f"{self.http}/api/sessions", headers=HOST_HEADERS)
                    created.append(response.json()["sessionId"])
                self.current = created
                self.generation_started = time.monotonic()
            return random.choice(self.current)


async def typist(
    number: int,
    server: ServerProcess,
    sessions: Sessions,
    http: httpx.AsyncClient,
    stop_at: float,
    keys_per_second: float,
    counters: Counters,
) -> None:
    rng = random.Random(number)
    while time.monotonic() < stop_at:
        session = await sessions.pick(http)
        crdt = rng.random() < 0.7
        try:
            await one_visit(number, server, session, crdt, rng, stop_at, keys_per_second, counters)
        except ConnectionClosed as closed:
            if closed.rcvd is not None and closed.rcvd.code == 4404:
                sessions.forget(session)  # expired before anyone joined: expected
            else:
                counters.unexpected_closes += 1
        except (OSError, TimeoutError):
            counters.unexpected_closes += 1
        await asyncio.sleep(rng.uniform(0.1, 2.0))


async def one_visit(
    number: int,
    server: ServerProcess,
    session: str,
    crdt: bool,
    rng: random.Random,
    stop_at: float,
    keys_per_second: float,
    counters: Counters,
) -> None:
    doc: Doc[Any] = Doc()
    text = doc.get("code", type=Text)
    async with connect(f"{server.ws}/ws/{session}", max_size=None) as ws:
        join = {"userId": f"soak-{number}", "username": f"Soak {number}"}
        if crdt:
            join["crdt"] = "yjs"
        await ws.send(json.dumps({"type": "join-session", "payload": join}))
        counters.joins += 1
        reader = asyncio.create_task(drain(ws, doc, counters))
        visit_ends = min(stop_at, time.monotonic() + rng.uniform(5, 30))
        while time.monotonic() < visit_ends:
            await asyncio.sleep(1 / keys_per_second)
            before = doc.get_state()
            text.insert(len(text), rng.choice("abcdefghij \n"))
            if crdt:
                update = base64.b64encode(doc.get_update(before)).decode()
                payload: dict[str, object] = {"update": update}
            else:
                payload = {"changes": str(text)[-2000:]}
            await ws.send(json.dumps({"type": "code-change", "payload": payload}))
            counters.keystrokes += 1
            if rng.random() < 0.3:
                cursor = {"line": 1 + rng.randrange(50), "column": 1 + rng.randrange(80)}
                await ws.send(json.dumps({"type": "cursor-move", "payload": {"cursor": cursor}}))
            if rng.random() < 0.01:
                await ws.send(json.dumps({"type": "chat-message", "payload": {"text": "hi"}}))
        counters.leaves += 1
        way = rng.random()
        if way < 0.5:
            await ws.send(json.dumps({"type": "leave-session", "payload": {}}))
        elif way < 0.8:
            pass  # the context manager closes cleanly
        else:
            ws.transport.abort()  # vanish
        reader.cancel()


async def drain(ws: ClientConnection, doc: Doc[Any], counters: Counters) -> None:
    async for raw in ws:
        message = json.loads(raw)
        if message["type"] == "code-update" and "update" in message["payload"]:
            doc.apply_update(base64.b64decode(message["payload"]["update"]))
        elif message["type"] == "error" and message["payload"]["message"] != "Session not found":
            counters.unexpected_errors.append(message["payload"]["message"])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def sample(server: ServerProcess, http: httpx.AsyncClient, started: float) -> dict[str, Any]:
    health = (await http.get(f"{server.http}/api/health")).json()
    assert server.process is not None
    return {
        "t": round(time.monotonic() - started),
        "rss_mb": round(rss_mb(server.process.pid), 1),
        "sessions": health["sessions"],
        "connections": health["connections"],
        "tasks": health["tasks"],
    }


async def soak(args: argparse.Namespace) -> list[dict[str, Any]]:
    server = ServerProcess(
        settings={"room_idle_ttl_seconds": str(IDLE_TTL), "max_rooms": "100000"}
    ).start()
    samples: list[dict[str, Any]] = []
    counters = Counters()
    try:
        async with httpx.AsyncClient(timeout=30) as http:
            sessions = Sessions(server.http, per_generation=max(1, args.clients // 5))
            started = time.monotonic()
            stop_at = started + args.minutes * 60
            clients = [
                asyncio.create_task(
                    typist(n, server, sessions, http, stop_at, args.keys_per_second, counters)
                )
                for n in range(args.clients)
            ]
            while time.monotonic() + 10 < stop_at:
                await asyncio.sleep(10)
                samples.append(await sample(server, http, started))
                print(json.dumps(samples[-1]), flush=True)
            await asyncio.gather(*clients, return_exceptions=True)
            # Everyone has left: after the idle TTL, the sessions are freed.
            await asyncio.sleep(IDLE_TTL + 5)
            samples.append({**(await sample(server, http, started)), "after": True})
            print(json.dumps(samples[-1]), flush=True)
    finally:
        server.stop()
    print(
        f"joins {counters.joins}, keystrokes {counters.keystrokes}, leaves {counters.leaves}, "
        f"unexpected errors {len(counters.unexpected_errors)}, "
        f"unexpected closes {counters.unexpected_closes}"
    )
    if counters.unexpected_errors:
        print("first errors:", counters.unexpected_errors[:5])
    return samples


def report(samples: list[dict[str, Any]], args: argparse.Namespace) -> str:
    during = [s for s in samples if not s.get("after")]
    warm = during[min(len(during) - 1, 6)]  # after a minute of warm-up
    last, after = during[-1], samples[-1]
    lines = [
        f"Soak: {args.clients} clients, {args.keys_per_second:g} keys/s each, "
        f"{args.minutes:g} min, {time.strftime('%Y-%m-%d')}",
        "",
        "| figure | after 1 min | at the end | after everyone left |",
        "|---|---|---|---|",
        f"| server RSS (MB) | {warm['rss_mb']} | {last['rss_mb']} | {after['rss_mb']} |",
        f"| sessions in memory | {warm['sessions']} | {last['sessions']} | {after['sessions']} |",
        f"| open connections | {warm['connections']} | {last['connections']} | "
        f"{after['connections']} |",
        f"| asyncio tasks | {warm['tasks']} | {last['tasks']} | {after['tasks']} |",
        "",
        f"RSS range after warm-up: {min(s['rss_mb'] for s in during[6:] or during)}"
        f"–{max(s['rss_mb'] for s in during[6:] or during)} MB.",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--keys-per-second", type=float, default=2)
    args = parser.parse_args()
    samples = asyncio.run(soak(args))
    text = report(samples, args)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "soak.md").write_text(text + "\n")
    (RESULTS / "soak.json").write_text(json.dumps(samples, indent=1) + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
