"""Ctrl+C and SIGTERM as a stop request that any thread can wait on or react to.

uvicorn installs no signal handlers when it runs outside the main thread, so the launcher must.
A plain Python handler is not enough: Python runs handlers on the main thread between
bytecodes, and while Qt's event loop (C++) owns the main thread, or the main thread waits on a
lock (Windows does not interrupt that), the handler would not run. The C-level handler also
writes the signal number to a "wake-up" socket (``signal.set_wakeup_fd``); a small thread reads
it and reacts at once, e.g. by closing the window.
"""

from __future__ import annotations

import signal
import socket
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopRequests:
    def __init__(self) -> None:
        self._requested = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._reader: socket.socket | None = None
        self._writer: socket.socket | None = None
        self._previous_handlers: dict[int, Any] = {}
        self._previous_wakeup_fd = -1

    def install(self) -> None:
        """Take over SIGINT and SIGTERM; call from the main thread."""
        self._reader, self._writer = socket.socketpair()
        self._writer.setblocking(False)  # set_wakeup_fd requires it
        self._previous_wakeup_fd = signal.set_wakeup_fd(
            self._writer.fileno(), warn_on_full_buffer=False
        )
        for signum in STOP_SIGNALS:
            self._previous_handlers[signum] = signal.signal(signum, _ignore_here)
        watcher = threading.Thread(target=self._watch, name="pairpad-signals", daemon=True)
        watcher.start()

    def uninstall(self) -> None:
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)
        self._previous_handlers.clear()
        signal.set_wakeup_fd(self._previous_wakeup_fd)
        for sock in (self._writer, self._reader):
            if sock is not None:
                sock.close()  # ends the watcher thread

    def _watch(self) -> None:
        assert self._reader is not None
        wanted = {int(signum) for signum in STOP_SIGNALS}
        while True:
            try:
                received = self._reader.recv(64)
            except OSError:
                return
            if not received:
                return
            if wanted.intersection(received):
                self.request_stop()

    def request_stop(self) -> None:
        with self._lock:
            if self._requested.is_set():
                return
            self._requested.set()
            callbacks = list(self._callbacks)
        for callback in callbacks:
            callback()

    def on_stop(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (from the watcher thread) when a stop is requested; at once if it
        already was."""
        with self._lock:
            if not self._requested.is_set():
                self._callbacks.append(callback)
                return
        callback()

    @property
    def requested(self) -> bool:
        return self._requested.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._requested.wait(timeout)


def _ignore_here(signum: int, frame: FrameType | None) -> None:
    """The Python-level handler: the watcher thread does the work. Installing any handler
    replaces the defaults (KeyboardInterrupt, or death by SIGTERM without cleaning up)."""
