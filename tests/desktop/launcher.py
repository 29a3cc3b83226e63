"""The real desktop app (``python -m desktop``) in a subprocess, watched line by line.

Waits are on output lines with a timeout: the app prints "PairPad is running at …" when the
server accepts connections, and logs every request (uvicorn's access log) to stderr, so "the
window loaded the page" is the window's own requests showing up. A failure shows the output.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO

from tests.support.processes import stop_process
from tests.support.server import HOST_TOKEN

ROOT = Path(__file__).resolve().parents[2]
RUNNING = re.compile(r"PairPad is running at http://127\.0\.0\.1:(\d+)")
# Variables that would let the app find a display or change its settings behind the test's back.
_SCRUBBED = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "BROWSER", "XDG_SESSION_TYPE")


class DesktopProcess:
    def __init__(
        self,
        args: Iterable[str],
        env: Mapping[str, str],
        command: Iterable[str] = (sys.executable, "-m", "desktop"),
        cwd: Path = ROOT,
    ) -> None:
        """``command`` runs the app: the module by default, or a built executable."""
        self.command = list(command)
        self.cwd = cwd
        self.args = list(args)
        self.env = dict(env)
        self.process: subprocess.Popen[str] | None = None
        self.started_at = 0.0
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._output: list[str] = []
        self._lock = threading.Lock()

    def start(self) -> DesktopProcess:
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(
            [*self.command, *self.args],
            cwd=self.cwd,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
        assert self.process.stdout is not None
        threading.Thread(target=self._pump, args=(self.process.stdout,), daemon=True).start()
        return self

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            with self._lock:
                self._output.append(line)
            self._lines.put(line)
        self._lines.put(None)

    def output(self) -> str:
        with self._lock:
            return "".join(self._output)

    def wait_for(self, pattern: str | re.Pattern[str], timeout: float = 30.0) -> re.Match[str]:
        """The first new output line matching ``pattern``."""
        return self.wait_for_all([pattern], timeout)[0]

    def wait_for_all(
        self, patterns: Iterable[str | re.Pattern[str]], timeout: float = 30.0
    ) -> list[re.Match[str]]:
        """Read new output lines until each pattern matched one, in any order."""
        pending = {index: re.compile(pattern) for index, pattern in enumerate(patterns)}
        found: dict[int, re.Match[str]] = {}
        deadline = time.monotonic() + timeout
        while pending:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                missing = [p.pattern for p in pending.values()]
                raise AssertionError(
                    f"no output matching {missing} within {timeout}s:\n{self.output()}"
                ) from None
            if line is None:
                self._lines.put(None)  # stay at end-of-output for later waits
                missing = [p.pattern for p in pending.values()]
                raise AssertionError(f"the app exited before printing {missing}:\n{self.output()}")
            for index, compiled in list(pending.items()):
                match = compiled.search(line)
                if match:
                    found[index] = match
                    del pending[index]
        return [found[index] for index in sorted(found)]

    def wait_running(self, timeout: float = 30.0) -> int:
        return int(self.wait_for(RUNNING, timeout).group(1))

    def wait_exit(self, timeout: float = 15.0) -> int:
        assert self.process is not None
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"the app did not exit within {timeout}s:\n{self.output()}"
            ) from None

    def send_signal(self, signum: signal.Signals) -> None:
        assert self.process is not None
        self.process.send_signal(signum)

    def kill(self) -> None:
        stop_process(self.process)


def app_environment(state_dir: Path, **extra: str) -> dict[str, str]:
    """The test runner's environment without a display, with logs and the interview record
    under ``state_dir`` (platformdirs puts the log directory under XDG_STATE_HOME on Linux)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in _SCRUBBED and not key.startswith("PAIRPAD_")
    }
    # A known host token, so tests can create sessions as the interviewer; the record goes
    # under state_dir too, never to the user's data folder.
    env.update(
        PYTHONUNBUFFERED="1",
        XDG_STATE_HOME=str(state_dir),
        XDG_DATA_HOME=str(state_dir / "data"),
        PAIRPAD_DATA_DIR=str(state_dir / "data" / "PairPad"),
        PAIRPAD_HOST_TOKEN=HOST_TOKEN,
    )
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    """Whether a server could listen on the port now. SO_REUSEADDR, like PairPad and uvicorn:
    the closed connections' TIME_WAIT entries must not count as "taken"."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
            sock.listen()
        except OSError:
            return False
    return True
