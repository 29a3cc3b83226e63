"""A real PairPad server in a subprocess on a free loopback port.

The server is started with ``--port 0``; the port is read from uvicorn's own "running on"
line, so there is no race for a port and no polling: start-up is a line we wait for, with a
timeout, and a failure shows the server's output.

Two transports: ``fast`` is ``python -m server`` (PairPad's uvicorn fast path); ``asgi`` is
plain uvicorn with wsproto and the app factory, the way any ASGI server would run PairPad
(``server/asgi_channel.py``). The WebSocket tests run on both.

Every server gets a data directory of its own (a fresh temporary one unless the test passes
``data_dir``): a test never reads or writes the interview record of the machine's user. It
also gets a known host token, ``HOST_TOKEN``; ``host_headers`` carries it.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from tests.support.processes import stop_process

ROOT = Path(__file__).resolve().parents[2]
# The plain-ASGI transports: uvicorn's WebSocket implementation behind each.
_ASGI_WEBSOCKETS = {"asgi": "wsproto", "asgi-websockets": "websockets"}
# Every test server's host token (PAIRPAD_HOST_TOKEN), so tests can act as the interviewer.
HOST_TOKEN = "test-host-token-4f9c2a7e1b"
HOST_HEADERS = {"authorization": f"Bearer {HOST_TOKEN}"}
_RUNNING = re.compile(r"Uvicorn running on http://([\d.]+):(\d+)")


@dataclass
class ServerProcess:
    settings: Mapping[str, str] = field(default_factory=dict)
    extra_args: list[str] = field(default_factory=list)
    host: str = "127.0.0.1"
    port: int = 0
    transport: str = "fast"  # or "asgi" (wsproto), "asgi-websockets"
    data_dir: Path | None = None  # the record's folder; a fresh temporary one when None
    _own_data_dir: bool = False
    process: subprocess.Popen[str] | None = None
    _lines: queue.Queue[str | None] = field(default_factory=queue.Queue)
    output: list[str] = field(default_factory=list)
    _output_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def http(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def ws(self) -> str:
        return f"ws://{self.host}:{self.port}"

    @property
    def host_headers(self) -> dict[str, str]:
        return dict(HOST_HEADERS)

    def start(self, timeout: float = 30.0) -> ServerProcess:
        if self.data_dir is None:
            self.data_dir = Path(tempfile.mkdtemp(prefix="pairpad-test-data-"))
            self._own_data_dir = True
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "PAIRPAD_HOST_TOKEN": HOST_TOKEN}
        env.update({f"PAIRPAD_{key.upper()}": value for key, value in self.settings.items()})
        env["PAIRPAD_DATA_DIR"] = str(self.data_dir)
        self.process = subprocess.Popen(
            [*self._command(), *self.extra_args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self.process.stdout is not None
        # Each process gets its own queue: after a kill, the old process's last lines and its
        # end-of-output mark must not reach the restarted one's start-up wait.
        self._lines = queue.Queue()
        pump_args = (self.process.stdout, self._lines)
        threading.Thread(target=self._pump, args=pump_args, daemon=True).start()
        self.port = self._wait_for_port(timeout)
        return self

    def _command(self) -> list[str]:
        if self.transport == "fast":
            return [sys.executable, "-m", "server", "--host", self.host, "--port", str(self.port)]
        assert self.transport in _ASGI_WEBSOCKETS, self.transport
        command = [sys.executable, "-m", "uvicorn", "--factory", "server.app:create_app"]
        command += ["--ws", _ASGI_WEBSOCKETS[self.transport]]
        command += ["--host", self.host, "--port", str(self.port)]
        # Transport features an ASGI app cannot control: the server's own flags carry them
        # (PairPad's settings of the same names drive the fast path).
        if "websocket_compression" in self.settings:
            command += ["--ws-per-message-deflate", self.settings["websocket_compression"]]
        if "ping_interval_seconds" in self.settings:
            command += ["--ws-ping-interval", self.settings["ping_interval_seconds"]]
        if "ping_timeout_seconds" in self.settings:
            command += ["--ws-ping-timeout", self.settings["ping_timeout_seconds"]]
        return command

    def _pump(self, stream: IO[str], lines: queue.Queue[str | None]) -> None:
        for line in stream:
            with self._output_lock:
                self.output.append(line)
            lines.put(line)
        lines.put(None)

    def _wait_for_port(self, timeout: float) -> int:
        while True:
            try:
                line = self._lines.get(timeout=timeout)
            except queue.Empty:
                self.stop()
                raise RuntimeError(f"server did not start in {timeout}s:\n{self.log()}") from None
            if line is None:
                raise RuntimeError(f"server exited during start-up:\n{self.log()}")
            match = _RUNNING.search(line)
            if match:
                return int(match.group(2))

    def log(self) -> str:
        with self._output_lock:
            return "".join(self.output)

    def wait_for_log(self, pattern: str, timeout: float = 10.0) -> str:
        """Block until a new output line matches ``pattern``; returns the line."""
        compiled = re.compile(pattern)
        while True:
            line = self._lines.get(timeout=timeout)
            if line is None:
                raise RuntimeError(f"server exited while waiting for {pattern!r}")
            if compiled.search(line):
                return line

    @property
    def host_link(self) -> str:
        return f"{self.http}/host?token={HOST_TOKEN}"

    def create_session(self, **body: str) -> str:
        return str(self.create_session_as_host(**body)["sessionId"])

    def create_session_as_host(self, **body: str) -> dict[str, object]:
        """The host's answer: the session with its joinUrl and interviewerUrl."""
        response = httpx.post(
            f"{self.http}/api/sessions", json=body or None, headers=HOST_HEADERS, timeout=10
        )
        response.raise_for_status()
        created: dict[str, object] = response.json()
        return created

    def session(self, session_id: str) -> dict[str, object]:
        response = httpx.get(f"{self.http}/api/sessions/{session_id}", timeout=10)
        response.raise_for_status()
        result: dict[str, object] = response.json()
        return result

    def kill(self) -> None:
        """``kill -9``: no shutdown, no last write; what is on disk is what survives."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(10)

    def restart(self, timeout: float = 30.0) -> ServerProcess:
        """The same command, data directory and port again (pages reconnect to it)."""
        return self.start(timeout)

    def terminate(self, timeout: float = 15.0) -> int:
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    def stop(self) -> None:
        stop_process(self.process)
        if self._own_data_dir and self.data_dir is not None:
            shutil.rmtree(self.data_dir, ignore_errors=True)
