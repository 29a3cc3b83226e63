"""The app factory: everything the server holds is made here, nothing at import time."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from . import __version__, api, assets, session_socket
from .http_headers import SecurityHeadersMiddleware
from .rooms import RoomRegistry
from .settings import Settings
from .state import AppState


class PairPadApp(FastAPI):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
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


@asynccontextmanager
async def _lifespan(_: FastAPI) -> AsyncIterator[None]:
    # Everything loaded so far (modules, the app, the settings) lives as long as the process.
    # Frozen, the cyclic GC stops walking it on every full collection; unfrozen, that walk
    # stalled every participant's keystrokes for ~30 ms a few times a minute under load.
    gc.freeze()
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = PairPadApp(
        lifespan=_lifespan,
        title="PairPad",
        version=__version__,
        # The interactive docs load Swagger from a CDN; PairPad never reaches outside hosts.
        docs_url=None,
        redoc_url=None,
    )
    app.state.pairpad = AppState(settings=settings, rooms=RoomRegistry(settings))
    app.include_router(api.router)
    assets.mount_ui(app, settings)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
