"""The app factory: everything the server holds is made here, nothing at import time."""

from __future__ import annotations

from fastapi import FastAPI

from . import __version__, api, assets, ws_endpoint
from .http_headers import SecurityHeadersMiddleware
from .rooms import RoomRegistry
from .settings import Settings
from .state import AppState


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="PairPad",
        version=__version__,
        # The interactive docs load Swagger from a CDN; PairPad never reaches outside hosts.
        docs_url=None,
        redoc_url=None,
    )
    app.state.pairpad = AppState(settings=settings, rooms=RoomRegistry(settings))
    app.include_router(api.router)
    app.add_api_websocket_route("/ws/{session_id}", ws_endpoint.websocket_session)
    assets.mount_ui(app, settings)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
