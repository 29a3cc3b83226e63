"""Limits at the door: HTTP request heads, bodies, and connections per client address.

STUB: to be implemented (issue 12, "Limits at the door").
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .settings import Settings


def http_protocol(settings: Settings) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol with PairPad's limits on request heads and connections."""
    return HttpToolsProtocol


def raise_open_file_limit() -> None:
    """Raise the soft limit on open files to the hard limit, where the OS allows."""


class RequestBodyLimit:
    """ASGI middleware: a body over ``max_request_body_bytes`` gets 413."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
