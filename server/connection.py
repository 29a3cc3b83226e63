"""One participant's WebSocket, as the room sees it: frames go out at once, never awaited.

Broadcasting writes each frame straight to the participant's transport, which keeps what the
peer has not read yet. A reader that falls so far behind that more than ``max_buffered_bytes``
pile up is dropped at once (its socket reset), so one stalled laptop never slows the rest of
the room, and its backlog is freed.
"""

from __future__ import annotations

import itertools
import logging
from typing import Protocol

from .protocol import CloseCode, close_reason, error_event

log = logging.getLogger(__name__)
_ids = itertools.count(1)


class Channel(Protocol):
    """Where a connection's frames go: PairPad's WebSocket protocol (``server.ws_protocol``);
    unit tests pass fakes."""

    def write(self, frame: str) -> bool:
        """Send a text frame now; False if the socket is closing or gone."""
        ...

    def buffered_bytes(self) -> int:
        """Bytes written that the peer has not taken yet."""
        ...

    def close_with(self, code: int, reason: str) -> None:
        """Close after what is buffered (too slow: reset at once)."""
        ...


class Connection:
    # Slots: one of these lives per participant for hours; thousands of them add up.
    __slots__ = ("_channel", "_closing", "_max_buffered_bytes", "crdt", "id", "user_id")

    def __init__(self, channel: Channel, max_buffered_bytes: int) -> None:
        self.id = next(_ids)
        self._channel = channel
        self._max_buffered_bytes = max_buffered_bytes
        self._closing = False
        # Set by the room on join-session; None until then.
        self.user_id: str | None = None
        self.crdt = False  # the client merges Yjs updates (extension), not full text

    def __repr__(self) -> str:
        return f"<Connection {self.id} user={self.user_id!r}>"

    @property
    def joined(self) -> bool:
        return self.user_id is not None

    @property
    def closing(self) -> bool:
        return self._closing

    def send(self, frame: str) -> bool:
        """Send one frame. False if the connection is closing or was dropped for being slow."""
        if self._closing:
            return False
        backlog = self._channel.buffered_bytes()
        if backlog > self._max_buffered_bytes:
            log.warning("dropping %r: %d bytes unread", self, backlog)
            # The channel resets a too-slow reader instead of queueing a close behind its backlog.
            self.close(CloseCode.TOO_SLOW, "Too slow to keep up; reconnect to resync")
            return False
        if not self._channel.write(frame):
            self._closing = True  # the peer is gone; the endpoint sees the disconnect
            return False
        return True

    def send_error(self, message: str) -> None:
        self.send(error_event(message))

    def close(self, code: int, reason: str) -> None:
        """Close after the frames already sent (e.g. the error explaining why); a too-slow
        reader is reset at once instead."""
        if not self._closing:
            self._closing = True
            self._channel.close_with(code, close_reason(reason))
