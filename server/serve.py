"""Running the app under uvicorn: in the foreground (``python -m server``) or in a background
thread (the desktop app), with the settings mapped onto uvicorn's transport options."""

from __future__ import annotations

import asyncio
import socket
import threading
from typing import Any

import uvicorn

from .http_limits import http_protocol
from .settings import Settings
from .uvicorn_fast_path import FastPathProtocol, check_uvicorn_version

GRACEFUL_SHUTDOWN_SECONDS = 3.0


def uvicorn_config(app: Any, settings: Settings, **overrides: Any) -> uvicorn.Config:
    """uvicorn with PairPad's fast WebSocket path and HTTP limits (needs the pinned uvicorn)."""
    check_uvicorn_version()
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "http": http_protocol(settings),
        "ws": FastPathProtocol,
        "ws_max_size": settings.max_message_bytes,
        "ws_ping_interval": settings.ping_interval_seconds,
        "ws_ping_timeout": settings.ping_timeout_seconds,
        "ws_per_message_deflate": settings.websocket_compression,
        "log_level": settings.log_level,
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_SECONDS,
        "server_header": False,
        "proxy_headers": False,
        "lifespan": "on",
    }
    options.update(overrides)
    return uvicorn.Config(app, **options)


class _NotifyingServer(uvicorn.Server):
    """uvicorn.Server whose start-up can be waited on from another thread."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().startup(sockets)
        finally:
            self.ready.set()  # set on failure too, so a waiter is never left hanging


class ServerThread:
    """uvicorn in a daemon thread with its own event loop.

    ``start()`` returns once the server accepts connections (or raises if it could not
    start); ``stop()`` asks it to shut down gracefully and joins the thread.
    """

    def __init__(self, config: uvicorn.Config, sock: socket.socket | None = None) -> None:
        # uvicorn leaves signal handling to the main thread when it runs in another one.
        self._server = _NotifyingServer(config)
        self._sockets = [sock] if sock is not None else None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="pairpad-server", daemon=True)

    @property
    def port(self) -> int:
        servers = self._server.servers
        if servers and servers[0].sockets:
            return int(servers[0].sockets[0].getsockname()[1])
        return int(self._server.config.port)

    def _run(self) -> None:
        try:
            asyncio.run(self._server.serve(sockets=self._sockets))
        except BaseException as error:  # uvicorn calls sys.exit(1) when it cannot bind
            self._error = error
            self._server.ready.set()

    def start(self, timeout: float = 30.0) -> None:
        self._thread.start()
        if not self._server.ready.wait(timeout):
            raise RuntimeError(f"the server did not start within {timeout:g} seconds")
        if self._error is not None or not self._server.started:
            raise RuntimeError("the server could not start") from self._error

    def stop(self, timeout: float = 10.0) -> bool:
        """True when the server thread ended within ``timeout``."""
        self._server.should_exit = True
        self._thread.join(timeout)
        return not self._thread.is_alive()
