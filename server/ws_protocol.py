"""uvicorn's sans-I/O WebSocket protocol, changed where a peer stops reading.

Upstream closes such connections with ``transport.close()``, which first waits for the write
buffer to drain, and a peer that stopped reading (a laptop lid closed mid-interview, a frozen
tab) never drains it: the socket and its buffer then live until the kernel gives up, which can
be hours. Three places are changed to reset the TCP connection instead:

* the app closes a connection as too slow (4408: its send queue overflowed), or while the
  transport is paused for writing;
* the peer does not answer the closing handshake within ``close_timeout``;
* the keep-alive ping goes unanswered.

And on server shutdown, participants get 1001 "going away" with a reason a person can read,
instead of a bare 1012.
"""

from __future__ import annotations

import contextlib
import socket
import struct
from typing import Final

from uvicorn._types import ASGISendEvent
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

from .protocol import CloseCode

SHUTDOWN_REASON: Final = "The host closed PairPad"


class PairPadWebSocketProtocol(WebSocketsSansIOProtocol):
    async def send(self, message: ASGISendEvent) -> None:
        closing = message["type"] == "websocket.close" and self.handshake_complete
        if closing and not self.close_sent:
            code = int(message.get("code", 1000))  # type: ignore[call-overload]
            # A peer dropped for not reading, or whose buffer is already full, would never
            # read the close frame either: waiting for it would keep the socket for hours.
            if code == CloseCode.TOO_SLOW or not self.writable.is_set():
                self.queue.put_nowait({"type": "websocket.disconnect", "code": code})
                self.close_sent = True
                self._reset()
                return
        await super().send(message)
        if closing and self.close_timer is not None:
            self.close_timer.cancel()
            self.close_timer = self.loop.call_later(self.close_timeout, self._reset)

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
        self.transport.write(b"".join(self.conn.data_to_send()))
        self.close_sent = True
        if self.writable.is_set():
            self.transport.close()
        else:
            self._reset()

    def _reset(self) -> None:
        """Abort with a TCP reset. A plain abort closes the file descriptor, but the kernel
        would keep trickling megabytes of stale updates to the peer for minutes; linger 0
        discards them, frees the memory and tells the peer at once."""
        sock = self.transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.transport.abort()
