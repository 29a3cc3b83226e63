"""``/ws/{sessionId}``: one participant's socket, read top to bottom.

check the origin → accept → find the room → admit → start the writer → receive loop
(rate limit → decode → handle) → finally leave the room and stop the writer.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.websockets import WebSocket

from . import protocol as p
from .connection import Connection, QueueLimits
from .handlers import handle_message
from .ratelimit import FloodGuard, Verdict
from .rooms import AlreadyJoined, Room, SessionFull
from .settings import Settings
from .state import app_state

log = logging.getLogger(__name__)
_HOST_PATTERN = re.compile(r"^[A-Za-z0-9.\-:\[\]]+$")


def origin_allowed(headers: Headers, settings: Settings) -> bool:
    """A browser may only connect from the page this server served (or an allowed origin),
    so a web page elsewhere cannot join sessions on the visitor's behalf. Scripts send no
    Origin and are allowed."""
    origin = headers.get("origin")
    if origin is None:
        return True
    if origin in settings.allowed_origins:
        return True
    host = headers.get("host", "")
    parts = urlsplit(origin)
    return (
        parts.scheme in ("http", "https")
        and bool(_HOST_PATTERN.match(host))
        and parts.netloc.lower() == host.lower()
    )


async def websocket_session(websocket: WebSocket, session_id: str) -> None:
    state = app_state(websocket.app)
    settings = state.settings
    if not origin_allowed(websocket.headers, settings):
        log.warning("refused a WebSocket from origin %r", websocket.headers.get("origin"))
        await websocket.close(code=p.CloseCode.POLICY_VIOLATION)  # before accept: HTTP 403
        return
    await websocket.accept()
    room = state.rooms.get(session_id)
    if room is None:
        await _refuse(websocket, p.SESSION_NOT_FOUND, p.CloseCode.SESSION_NOT_FOUND)
        return
    connection = Connection(
        websocket,
        QueueLimits(settings.send_queue_max_messages, settings.send_queue_max_bytes),
    )
    try:
        state.rooms.admit(room, connection)
    except SessionFull as error:
        await _refuse(websocket, str(error), error.close_code)
        return
    connection.start()
    try:
        await _receive_loop(websocket, room, connection, settings)
    finally:
        room.disconnect(connection)
        await connection.stop()


async def _refuse(websocket: WebSocket, message: str, code: int) -> None:
    await websocket.send_text(p.error_event(message))
    await websocket.close(code=code, reason=p.close_reason(message))


async def _receive_loop(
    websocket: WebSocket, room: Room, connection: Connection, settings: Settings
) -> None:
    loop = asyncio.get_running_loop()
    join_deadline = loop.time() + settings.join_timeout_seconds
    guard = FloodGuard(rate=settings.rate_limit_per_second, burst=settings.rate_limit_burst)
    while True:
        timeout = None if connection.joined or connection.closing else join_deadline - loop.time()
        try:
            message = await asyncio.wait_for(websocket.receive(), timeout)
        except TimeoutError:
            text = f"Send join-session within {settings.join_timeout_seconds:g} seconds"
            connection.send_error(text)
            connection.close(p.CloseCode.POLICY_VIOLATION, text)
            join_deadline = math.inf
            continue
        if message["type"] == "websocket.disconnect":
            return
        if connection.closing:
            continue  # frames that arrived before our close: ignore them, await the disconnect
        verdict = guard.check()
        if verdict is not Verdict.ALLOW:
            _refuse_flood(connection, verdict, settings)
            continue
        frame: str | None = message.get("text")
        if frame is None:
            connection.send_error(p.BINARY_NOT_SUPPORTED)
            continue
        _handle_text(room, connection, frame, settings)


def _handle_text(room: Room, connection: Connection, text: str, settings: Settings) -> None:
    message_type = "?"
    try:
        message_type, payload = p.decode_message(text)
        handle_message(room, connection, message_type, payload, settings)
    except (p.ProtocolError, AlreadyJoined) as error:
        connection.send_error(str(error))
    except SessionFull as error:
        connection.send_error(str(error))
        connection.close(error.close_code, str(error))
    except Exception:
        # A bug must cost one message, not the participant's connection or the room.
        log.exception("error handling %s from %r", message_type, connection)
        connection.send_error(f"Internal server error while handling {message_type}")


def _refuse_flood(connection: Connection, verdict: Verdict, settings: Settings) -> None:
    limit = f"{settings.rate_limit_per_second:g} messages per second"
    if verdict is Verdict.REFUSE_AND_WARN:
        connection.send_error(f"Too many messages: at most {limit}; this message was refused")
    elif verdict is Verdict.CLOSE:
        text = f"Message flood: more than {limit}"
        connection.send_error(text)
        connection.close(p.CloseCode.POLICY_VIOLATION, text)
