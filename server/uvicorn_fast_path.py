"""The fast path: uvicorn's sans-I/O WebSocket protocol, with a direct path for PairPad's
messages and resets where a peer stops reading.

**Coupling.** This subclasses a class uvicorn does not document and reads about twenty of its
private attributes, so uvicorn is pinned exactly (pyproject.toml), ``check_uvicorn_version``
refuses to start on another version with a sentence saying what to do, and
``tests/server/test_uvicorn_contract.py`` names the override to re-check when upstream's
class changes shape. Under any other server the plain-ASGI fallback carries the protocol.

**The direct path.** Upstream hands every message to the app through an asyncio queue, pauses
reading until the app has taken it, and takes each outgoing message through the ASGI send
chain (middleware wrappers, an ``await`` per frame). That costs more than the rest of a
keystroke's work, so once the app has accepted the socket it may register ``on_message``:
frames are then handed to it synchronously, as they are parsed, and it writes its frames
straight to the transport with ``write`` (see :class:`server.transport.Channel`). The ASGI
queue then only ever carries the disconnect.

**Resets.** Upstream closes connections with ``transport.close()``, which first waits for the
write buffer to drain, and a peer that stopped reading (a laptop lid closed mid-interview, a
frozen tab) never drains it: the socket and its buffer then live until the kernel gives up,
which can be hours. So the TCP connection is reset instead when:

* the app closes a connection as too slow (4408: it let too much pile up unread);
* the peer does not answer the closing handshake within ``close_timeout``;
* the keep-alive ping goes unanswered.

And on server shutdown, participants get 1001 "going away" with a reason a person can read,
instead of a bare 1012.
"""

from __future__ import annotations

import contextlib
import socket
import struct
from collections.abc import Callable
from typing import Any, Final

import uvicorn
from uvicorn._types import ASGISendEvent
from uvicorn.protocols.utils import ClientDisconnected
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.exceptions import InvalidState
from websockets.http11 import Request
from websockets.protocol import State

from .messages import CloseCode
from .transport import MessageHandler

# The one uvicorn release this module was written against and tested with.
UVICORN_VERSION: Final = "0.54.0"
SHUTDOWN_REASON: Final = "The host closed PairPad"
# The ASGI scope extension under which the endpoint finds the direct path.
CHANNEL_EXTENSION: Final = "pairpad.channel"


def check_uvicorn_version(installed: str = uvicorn.__version__) -> None:
    """Refuse to start on a uvicorn this module was not checked against: a renamed private
    attribute would otherwise surface as a participant's dropped socket mid-interview."""
    if installed != UVICORN_VERSION:
        raise RuntimeError(
            f"PairPad's WebSocket fast path needs uvicorn {UVICORN_VERSION}, but {installed} is "
            f"installed: run `pip install uvicorn[standard]=={UVICORN_VERSION}` (or `make "
            "setup`), or serve PairPad with `uvicorn --factory server.app:create_app "
            "--ws wsproto`, which uses the plain-ASGI path."
        )


_SHORT_HEADERS: Final = tuple(bytes((0x81, length)) for length in range(126))


def text_frame_header(length: int) -> bytes:
    """The header of a final, unmasked text frame of ``length`` bytes (RFC 6455 5.2)."""
    if length < 126:
        return _SHORT_HEADERS[length]
    if length < 0x10000:
        return struct.pack("!BBH", 0x81, 126, length)
    return struct.pack("!BBQ", 0x81, 127, length)


def fast_path_of(scope: Any) -> FastPathProtocol | None:
    """The direct path for this socket, if PairPad's protocol serves it."""
    extension = scope.get("extensions", {}).get(CHANNEL_EXTENSION)
    return extension.get("protocol") if extension else None


class _Discard:
    """Where ASGI receive events go once the socket is handed over: nobody awaits them."""

    def put_nowait(self, _: object) -> None:
        pass


_DISCARD: Final = _Discard()


class FastPathProtocol(WebSocketsSansIOProtocol):
    on_message: MessageHandler | None = None
    _on_disconnect: Callable[[], None] | None = None

    def handle_connect(self, event: Request) -> None:
        super().handle_connect(event)
        if self.response.status_code == 101:  # the scope exists: offer the direct path
            self.scope["extensions"][CHANNEL_EXTENSION] = {"protocol": self}

    def send_receive_event_to_app(self) -> None:
        if self.on_message is None or self.close_sent:
            super().send_receive_event_to_app()
            return
        data = self.frames[0] if len(self.frames) == 1 else b"".join(self.frames)
        if self.curr_msg_data_type == "bytes":
            self.frames = []
            self.on_message(None)
            return
        try:
            text = data.decode()
        except UnicodeDecodeError:
            super().send_receive_event_to_app()  # upstream's answer: close 1007
            return
        self.frames = []
        self.on_message(text)

    # ------------------------------------------------------------ the direct path

    async def serve(self, on_message: MessageHandler, on_disconnect: Callable[[], None]) -> None:
        """From now on messages go to ``on_message`` and the end of the socket (whatever
        ends it) to ``on_disconnect``, called once; the app's ASGI task then finishes
        without closing the socket. A participant keeps its socket for hours, and a parked
        task would keep a chain of coroutines, a future and a queue waiter alive with it."""
        if self.disconnected:  # gone while the app was getting ready
            on_disconnect()
            return
        self.on_message = on_message
        self._on_disconnect = on_disconnect
        # Nothing reads the ASGI side again: free the handshake's scope (headers, a copy of
        # the app state) and the receive queue (four deques), ~3 KB per participant.
        del self.scope
        self.queue = _DISCARD  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        on_disconnect, self._on_disconnect = self._on_disconnect, None
        self.on_message = None
        if on_disconnect is not None:
            on_disconnect()

    async def run_asgi(self) -> None:
        # Upstream's, except that a socket handed over (see serve) stays open after the
        # app returns.
        try:
            await self.app(self.scope, self.receive, self.send)
        except ClientDisconnected:
            pass
        except BaseException:
            self.logger.exception("Exception in ASGI application\n")
            self.send_500_response()
        else:
            if not self.handshake_complete:
                self.logger.error("ASGI callable returned without completing handshake.")
                self.send_500_response()
        if self.close_timer is None and self._on_disconnect is None:
            self.transport.close()

    def write(self, frame: bytes) -> bool:
        """Send one text frame (UTF-8) now (the transport buffers what the peer has not read
        yet). False if the socket is closing or gone."""
        if self.close_sent or self.transport.is_closing():
            return False
        conn = self.conn
        if not conn.extensions and conn.state is State.OPEN:
            # A server's unfragmented, uncompressed text frame is a two- to ten-byte header
            # and the payload (RFC 6455 5.2): framing it here costs a fifth of websockets'
            # Frame objects, on every frame of every broadcast. With permessage-deflate
            # negotiated, websockets frames it. tests/server/test_uvicorn_contract.py checks
            # that both give the same bytes.
            if conn.writes:  # a pong or close websockets framed: it goes first
                self._flush()
            self.transport.write(text_frame_header(len(frame)) + frame)
            return True
        try:
            conn.send_text(frame)
        except InvalidState:
            return False
        self._flush()
        return True

    def buffered_bytes(self) -> int:
        """Bytes written but not yet taken by the peer's kernel."""
        size: int = self.transport.get_write_buffer_size()
        return size

    def close_with(self, code: int, reason: str) -> None:
        """Close after what is already buffered; a reader dropped for being too slow would
        never read that far, so it is reset at once instead."""
        if self.close_sent or self.transport.is_closing():
            return
        self.close_sent = True
        self.queue.put_nowait({"type": "websocket.disconnect", "code": code, "reason": reason})
        if code == CloseCode.TOO_SLOW:
            self._reset()
            return
        self.conn.send_close(code, reason)
        self._flush()
        if self.read_paused:
            self.read_paused = False
            self.transport.resume_reading()
        # A peer that never answers the closing handshake is reset, not waited on.
        self.close_timer = self.loop.call_later(self.close_timeout, self._reset)

    async def send(self, message: ASGISendEvent) -> None:
        if message["type"] == "websocket.close" and self.handshake_complete:
            code = int(message.get("code", 1000))
            self.close_with(code, str(message.get("reason") or ""))
            return
        await super().send(message)
        if message["type"] == "websocket.accept":
            # The handshake's request and response (headers and all, ~2 KB) are never read
            # again, and a participant keeps its socket for hours. The request's headers are
            # emptied too: websockets' parser keeps the request itself until the socket ends.
            self.request.headers.clear()
            del self.request, self.response

    def keepalive_timeout(self) -> None:
        already_closing = self.close_sent or self.transport.is_closing()
        super().keepalive_timeout()
        if not already_closing:
            self._reset()

    def shutdown(self) -> None:
        if not self.handshake_complete or self.close_sent or self.disconnected:
            super().shutdown()
            return
        self.stop_keepalive()
        self.queue.put_nowait({"type": "websocket.disconnect", "code": CloseCode.GOING_AWAY})
        self.conn.send_close(CloseCode.GOING_AWAY, SHUTDOWN_REASON)
        self._flush()
        self.close_sent = True
        if self.writable.is_set():
            self.transport.close()
        else:
            self._reset()

    def _flush(self) -> None:
        """Hand what the websockets state machine has framed to the transport."""
        self.transport.write(b"".join(self.conn.data_to_send()))

    def _reset(self) -> None:
        """Abort with a TCP reset. A plain abort closes the file descriptor, but the kernel
        would keep trickling megabytes of stale updates to the peer for minutes; linger 0
        discards them, frees the memory and tells the peer at once."""
        sock = self.transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.transport.abort()
