"""The app factory: everything the server holds is made here, nothing at import time.

``create_app()`` with no arguments reads the ``PAIRPAD_*`` environment, so any ASGI server
can start PairPad: ``uvicorn --factory server.app:create_app --ws wsproto``.
"""

from __future__ import annotations

import gc
import json
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from . import (
    __version__,
    api,
    assets,
    host_routes,
    log_redaction,
    notes_api,
    restore,
    session_socket,
    template_routes,
)
from .creation_limit import CreationLimiter
from .host_auth import make_host_token
from .hosts import HostCheck
from .http_headers import SecurityHeadersMiddleware
from .http_limits import RequestBodyLimit, raise_open_file_limit
from .qr import QrCodes
from .record import Recorder, routes
from .record.database import data_dir
from .rooms import RoomRegistry
from .settings import Settings
from .state import AppState, MessageStats, app_state

# How long a thread may keep the GIL once another asks for it (CPython's default: 5 ms).
GIL_SWITCH_SECONDS = 0.0005


class PairPadApp(FastAPI):
    host_check: HostCheck

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and not self.host_check.allows(
            _header(scope, b"host")
        ):
            await _refuse_host(scope, send, self.host_check.refusal(_header(scope, b"host")))
            return
        # A participant's socket goes straight to its endpoint, past routing, dependency
        # injection and the HTTP middleware. Each of those layers would stay suspended (a
        # coroutine, an exit stack, request and response objects) for as long as the
        # participant is connected: skipping them saves ~10 KB per connection.
        session_id = session_socket.session_of(scope)
        if session_id is None:
            await super().__call__(scope, receive, send)
            return
        scope["app"] = self
        await session_socket.websocket_session(scope, receive, send, session_id)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value).decode("latin-1")
    return None


async def _refuse_host(scope: Scope, send: Send, reason: str) -> None:
    """400 with a sentence saying which setting admits the host; a WebSocket handshake gets
    the same answer where the server supports HTTP responses to it, else a plain refusal."""
    body = json.dumps({"detail": reason}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    if scope["type"] == "http":
        await send({"type": "http.response.start", "status": 400, "headers": headers})
        await send({"type": "http.response.body", "body": body})
    elif "websocket.http.response" in scope.get("extensions", {}):
        await send({"type": "websocket.http.response.start", "status": 400, "headers": headers})
        await send({"type": "websocket.http.response.body", "body": body})
    else:
        await send({"type": "websocket.close", "code": 1008})


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Every participant holds a socket, and a desktop's default limit (1,024 on Linux) is
    # within reach of a crowded room plus stray half-open connections.
    raise_open_file_limit()
    # Everything loaded so far (modules, the app, the settings) lives as long as the process.
    # Frozen, the cyclic GC stops walking it on every full collection; unfrozen, that walk
    # stalled every participant's keystrokes for ~30 ms a few times a minute under load.
    gc.freeze()
    # The record's writer thread shares the GIL with the event loop. When the loop wants it
    # back, CPython makes the holder give it up after the switch interval: 5 ms by default,
    # a delay every keystroke queued behind it would inherit. Measured at 600 participants:
    # p99 3.9 → 3.3 ms (median of 5 interleaved rounds), CPU per keystroke unchanged.
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    recorder = app_state(app).recorder
    recorder.start()  # opens the record (moving an unreadable one aside) before any request
    try:
        yield
    finally:
        await recorder.stop()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    # Started by a plain ASGI server, nothing has set up logging for PairPad's own messages.
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    log_redaction.install()
    app = PairPadApp(
        lifespan=_lifespan,
        title="PairPad",
        version=__version__,
        # The interactive docs load Swagger from a CDN; PairPad never reaches outside hosts.
        docs_url=None,
        redoc_url=None,
    )
    app.host_check = HostCheck(settings)
    recorder = Recorder(data_dir(settings.data_dir))
    app.state.pairpad = AppState(
        settings=settings,
        rooms=RoomRegistry(settings, recorder),
        message_stats=MessageStats(),
        creations=CreationLimiter(settings),
        qr_codes=QrCodes(),
        host_token=make_host_token(settings.host_token),
        recorder=recorder,
    )
    app.include_router(routes.router)  # before api.router: /api/sessions/import is not an id
    app.include_router(api.router)
    app.include_router(host_routes.router)
    app.include_router(notes_api.router)
    app.include_router(template_routes.router)
    app.include_router(restore.router)
    assets.mount_ui(app, settings)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(RequestBodyLimit, settings=settings)
    return app
