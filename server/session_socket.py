"""``/ws/{sessionId}``: one participant's socket, read top to bottom.

check the origin (``PairPadApp`` checked the host) → accept → find the room → admit → serve:
from then on each message is handled as it arrives (rate limit → decode → handle), and the
participant leaves the room when the socket ends. ``Connection`` is the same socket as the
room sees it: frames go out at once, never awaited.
"""

from __future__ import annotations

import asyncio
import hmac
import itertools
import logging
import re
import time
from urllib.parse import parse_qs

from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

from . import messages as m
from .handlers import handle_message
from .host_auth import presents_host_token
from .hosts import origin_allowed
from .ratelimit import FloodGuard, Verdict
from .refusals import AlreadyJoined, SessionFull, TooManySessions
from .rooms import Room
from .settings import Settings
from .state import MessageStats, app_state
from .transport import Channel, ServedChannel
from .uvicorn_fast_path import fast_path_of

log = logging.getLogger(__name__)
_SOCKET_PATH = re.compile(r"/ws/([^/]+)")
_connection_ids = itertools.count(1)


def session_of(scope: Scope) -> str | None:
    """The session a ``/ws/{sessionId}`` socket asks for; None for any other scope."""
    if scope["type"] != "websocket":
        return None
    match = _SOCKET_PATH.fullmatch(scope["path"])
    return match[1] if match else None


async def websocket_session(scope: Scope, receive: Receive, send: Send, session_id: str) -> None:
    websocket = WebSocket(scope, receive, send)
    state = app_state(scope["app"])
    settings = state.settings
    if not origin_allowed(websocket.headers, settings):
        log.warning("refused a WebSocket from origin %r", websocket.headers.get("origin"))
        await websocket.close(code=m.CloseCode.POLICY_VIOLATION)  # before accept: HTTP 403
        return
    channel: ServedChannel | None = fast_path_of(scope)
    if channel is None:
        from .asgi_channel import AsgiChannel  # only under other servers

        channel = AsgiChannel(receive, send, settings)
    await websocket.accept()
    connection = Connection(channel, settings.send_queue_max_bytes)
    try:
        room = await state.rooms.find(session_id)  # in memory, or brought back from disk
    except TooManySessions as error:
        _refuse(connection, str(error), m.CloseCode.SESSION_FULL)
        await channel.serve(_ignore, _nothing)
        return
    if room is None:
        _refuse(connection, m.SESSION_NOT_FOUND, m.CloseCode.SESSION_NOT_FOUND)
        await channel.serve(_ignore, _nothing)
        return
    role = handshake_role(scope, room, state.host_token)
    if role is None:
        _refuse(connection, m.BAD_INTERVIEWER_KEY, m.CloseCode.FORBIDDEN)
        await channel.serve(_ignore, _nothing)
        return
    connection.role = role
    try:
        state.rooms.admit(room, connection)
    except SessionFull as error:
        _refuse(connection, str(error), error.close_code)
        await channel.serve(_ignore, _nothing)
        return
    reader = SocketReader(room, connection, settings, state.message_stats)
    await channel.serve(reader.on_message, reader.on_disconnect)


def handshake_role(scope: Scope, room: Room, host_token: str) -> m.Role | None:
    """interviewer: the host token (bearer or cookie), or this session's interviewer key as
    ``?key=`` on the socket's URL; candidate: neither; None: a key that is not this
    session's (refused, so a mistyped link says so instead of quietly demoting)."""
    if presents_host_token(_headers(scope), host_token):
        return m.INTERVIEWER
    key = interviewer_key_of(scope)
    if key is None:
        return m.CANDIDATE
    if hmac.compare_digest(key.encode(), room.interviewer_key.encode()):
        return m.INTERVIEWER
    return None


def interviewer_key_of(scope: Scope) -> str | None:
    query = bytes(scope.get("query_string", b"")).decode("latin-1")
    keys = parse_qs(query).get("key")
    return keys[0] if keys else None


def _headers(scope: Scope) -> list[tuple[str, str]]:
    return [
        (bytes(name).decode("latin-1").lower(), bytes(value).decode("latin-1"))
        for name, value in scope["headers"]
    ]


def _ignore(_: str | None) -> None:
    pass


def _nothing() -> None:
    pass


def _refuse(connection: Connection, message: str, code: int) -> None:
    connection.send_error(message)
    connection.close(code, message)


class Connection:
    """One participant's socket as the room sees it.

    Broadcasting writes each frame straight to the channel, which keeps what the peer has
    not read yet. A reader that falls so far behind that more than ``max_buffered_bytes``
    pile up is dropped at once (its socket reset), so one stalled laptop never slows the rest
    of the room, and its backlog is freed.
    """

    # Slots: one of these lives per participant for hours; thousands of them add up.
    __slots__ = ("_channel", "_closing", "_max_buffered_bytes", "crdt", "id", "role", "user_id")

    def __init__(self, channel: Channel, max_buffered_bytes: int) -> None:
        self.id = next(_connection_ids)
        self._channel = channel
        self._max_buffered_bytes = max_buffered_bytes
        self._closing = False
        # Set by the room on join-session; None until then.
        self.user_id: str | None = None
        self.crdt = False  # the client merges Yjs updates (extension), not full text
        # Decided at the handshake (handshake_role): the credentials come with the socket.
        self.role: m.Role = m.CANDIDATE

    def __repr__(self) -> str:
        return f"<Connection {self.id} user={self.user_id!r}>"

    @property
    def joined(self) -> bool:
        return self.user_id is not None

    @property
    def closing(self) -> bool:
        return self._closing

    def send(self, frame: m.Frame) -> bool:
        """Send one frame. False if the connection is closing or was dropped for being slow."""
        if self._closing:
            return False
        backlog = self._channel.buffered_bytes()
        if backlog > self._max_buffered_bytes:
            log.warning("dropping %r: %d bytes unread", self, backlog)
            # The channel resets a too-slow reader instead of queueing a close behind its backlog.
            self.close(m.CloseCode.TOO_SLOW, "Too slow to keep up; reconnect to resync")
            return False
        if not self._channel.write(frame):
            self._closing = True  # the peer is gone; the endpoint sees the disconnect
            return False
        return True

    def send_error(self, message: str) -> None:
        self.send(m.error_event(message))

    def close(self, code: int, reason: str) -> None:
        """Close after the frames already sent (e.g. the error explaining why); a too-slow
        reader is reset at once instead."""
        if not self._closing:
            self._closing = True
            self._channel.close_with(code, m.close_reason(reason))


class SocketReader:
    """One socket's incoming side: join deadline → rate limit → decode → handle."""

    __slots__ = ("_connection", "_guard", "_join_deadline", "_room", "_settings", "_stats")

    def __init__(
        self, room: Room, connection: Connection, settings: Settings, stats: MessageStats
    ) -> None:
        self._room = room
        self._stats = stats
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
            _refuse(self._connection, text, m.CloseCode.POLICY_VIOLATION)

    def on_message(self, frame: str | None) -> None:
        connection = self._connection
        if connection.closing:
            return  # frames that arrived before our close: ignore them, await the disconnect
        verdict = self._guard.check()
        if verdict is not Verdict.ALLOW:
            _refuse_flood(connection, verdict, self._settings)
            return
        if frame is None:
            connection.send_error(m.BINARY_NOT_SUPPORTED)
            return
        started = time.perf_counter()
        message_type = _handle_text(self._room, connection, frame, self._settings)
        took = time.perf_counter() - started
        if took > self._stats.slowest_seconds:
            self._stats.record(message_type, took)
        if self._join_deadline is not None and (
            connection.joined or self._room.is_waiting(connection)
        ):
            self._stop_join_deadline()  # once: every later message skips this


def _handle_text(room: Room, connection: Connection, text: str, settings: Settings) -> str:
    """Handle one text message; returns its type ("?" when it had none)."""
    message_type = "?"
    try:
        message_type, payload = m.decode_message(text)
        handle_message(room, connection, message_type, payload, settings)
    except (m.ProtocolError, AlreadyJoined) as error:
        connection.send_error(str(error))
    except SessionFull as error:
        connection.send_error(str(error))
        connection.close(error.close_code, str(error))
    except Exception:
        # A bug must cost one message, not the participant's connection or the room.
        log.exception("error handling %s from %r", message_type, connection)
        connection.send_error(f"Internal server error while handling {message_type}")
    return message_type


def _refuse_flood(connection: Connection, verdict: Verdict, settings: Settings) -> None:
    limit = f"{settings.rate_limit_per_second:g} messages per second"
    if verdict is Verdict.REFUSE_AND_WARN:
        connection.send_error(f"Too many messages: at most {limit}; this message was refused")
    elif verdict is Verdict.CLOSE:
        text = f"Message flood: more than {limit}"
        connection.send_error(text)
        connection.close(m.CloseCode.POLICY_VIOLATION, text)
