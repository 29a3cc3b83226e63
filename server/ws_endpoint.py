"""``/ws/{sessionId}``: one participant's socket, read top to bottom.

check the origin → accept → find the room → admit → hand the socket over: from then on each
message is handled as it is parsed (rate limit → decode → handle; see ``server.ws_protocol``),
and the participant leaves the room when the socket ends.
"""

from __future__ import annotations

import asyncio
import logging
import re
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

from . import protocol as p
from .connection import Connection
from .handlers import handle_message
from .ratelimit import FloodGuard, Verdict
from .rooms import AlreadyJoined, Room, SessionFull
from .settings import Settings
from .state import app_state
from .ws_protocol import channel_of

log = logging.getLogger(__name__)
_HOST_PATTERN = re.compile(r"^[A-Za-z0-9.\-:\[\]]+$")
_SOCKET_PATH = re.compile(r"/ws/([^/]+)")


def session_of(scope: Scope) -> str | None:
    """The session a ``/ws/{sessionId}`` socket asks for; None for any other scope."""
    if scope["type"] != "websocket":
        return None
    match = _SOCKET_PATH.fullmatch(scope["path"])
    return match[1] if match else None


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


async def websocket_session(scope: Scope, receive: Receive, send: Send, session_id: str) -> None:
    websocket = WebSocket(scope, receive, send)
    state = app_state(scope["app"])
    settings = state.settings
    if not origin_allowed(websocket.headers, settings):
        log.warning("refused a WebSocket from origin %r", websocket.headers.get("origin"))
        await websocket.close(code=p.CloseCode.POLICY_VIOLATION)  # before accept: HTTP 403
        return
    channel = channel_of(scope)
    if channel is None:
        log.error("WebSockets need PairPad's uvicorn protocol (server.serve.uvicorn_config)")
        await websocket.close(code=p.CloseCode.INTERNAL_ERROR)
        return
    await websocket.accept()
    connection = Connection(channel, settings.send_queue_max_bytes)
    room = state.rooms.get(session_id)
    if room is None:
        _refuse(connection, p.SESSION_NOT_FOUND, p.CloseCode.SESSION_NOT_FOUND)
        return
    try:
        state.rooms.admit(room, connection)
    except SessionFull as error:
        _refuse(connection, str(error), error.close_code)
        return
    participant = _Participant(room, connection, settings)
    # Returning leaves the socket open: the protocol calls the participant from now on.
    channel.hand_over(participant.on_message, participant.on_disconnect)


def _refuse(connection: Connection, message: str, code: int) -> None:
    connection.send_error(message)
    connection.close(code, message)


class _Participant:
    """One connection's incoming side: join deadline → rate limit → decode → handle."""

    __slots__ = ("_connection", "_guard", "_join_deadline", "_room", "_settings")

    def __init__(self, room: Room, connection: Connection, settings: Settings) -> None:
        self._room = room
        self._connection = connection
        self._settings = settings
        self._guard = FloodGuard(
            rate=settings.rate_limit_per_second, burst=settings.rate_limit_burst
        )
        loop = asyncio.get_running_loop()
        self._join_deadline: asyncio.TimerHandle | None = loop.call_later(
            settings.join_timeout_seconds, self._join_timed_out
        )

    def on_disconnect(self) -> None:
        self._stop_join_deadline()
        self._room.disconnect(self._connection)

    def _stop_join_deadline(self) -> None:
        if self._join_deadline is not None:
            self._join_deadline.cancel()
            self._join_deadline = None

    def _join_timed_out(self) -> None:
        if not self._connection.joined and not self._connection.closing:
            text = f"Send join-session within {self._settings.join_timeout_seconds:g} seconds"
            _refuse(self._connection, text, p.CloseCode.POLICY_VIOLATION)

    def on_message(self, frame: str | None) -> None:
        connection = self._connection
        if connection.closing:
            return  # frames that arrived before our close: ignore them, await the disconnect
        verdict = self._guard.check()
        if verdict is not Verdict.ALLOW:
            _refuse_flood(connection, verdict, self._settings)
            return
        if frame is None:
            connection.send_error(p.BINARY_NOT_SUPPORTED)
            return
        _handle_text(self._room, connection, frame, self._settings)
        if self._join_deadline is not None and connection.joined:
            self._stop_join_deadline()  # once: every later message skips this


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
