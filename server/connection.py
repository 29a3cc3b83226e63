"""One participant's WebSocket: a bounded send queue drained by a single writer task.

Broadcasting never awaits a socket: ``send`` appends to this connection's queue and returns.
A reader that falls so far behind that its queue overflows is dropped at once (its queue is
discarded and the socket closed), so one stalled laptop never slows the rest of the room.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections import deque
from dataclasses import dataclass
from typing import Protocol

from starlette.websockets import WebSocketDisconnect

from .protocol import CloseCode, close_reason, error_event

log = logging.getLogger(__name__)
# What sending on a socket whose peer left raises: Starlette's WebSocketDisconnect, or
# RuntimeError (its WebSocketDisconnected) once a close was sent, or a bare OSError.
_SOCKET_GONE = (WebSocketDisconnect, RuntimeError, OSError)
_ids = itertools.count(1)


class Socket(Protocol):
    """The part of Starlette's WebSocket a connection uses; unit tests pass fakes."""

    async def send_text(self, data: str) -> None: ...

    async def close(self, code: int = 1000, reason: str | None = None) -> None: ...


@dataclass(frozen=True, slots=True)
class QueueLimits:
    max_messages: int
    max_bytes: int


class Connection:
    def __init__(self, socket: Socket, limits: QueueLimits) -> None:
        self.id = next(_ids)
        self._socket = socket
        self._limits = limits
        self._queue: deque[str] = deque()
        self._queued_bytes = 0
        self._wakeup = asyncio.Event()
        self._close_request: tuple[int, str] | None = None
        self._writer: asyncio.Task[None] | None = None
        self._closer: asyncio.Task[None] | None = None
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
        return self._close_request is not None

    @property
    def queued_messages(self) -> int:
        return len(self._queue)

    def start(self) -> None:
        self._writer = asyncio.create_task(self._write_loop(), name=f"ws-writer-{self.id}")

    async def stop(self) -> None:
        """Called once the socket is gone: end the writer and any pending close."""
        for task in (self._writer, self._closer):
            if task is not None and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    def send(self, frame: str) -> bool:
        """Queue one frame. False if the connection is closing or was dropped for being slow."""
        if self._close_request is not None:
            return False
        size = len(frame)
        if (
            len(self._queue) >= self._limits.max_messages
            or self._queued_bytes + size > self._limits.max_bytes
        ):
            log.warning("dropping %r: %d messages waiting", self, len(self._queue))
            self.drop(CloseCode.TOO_SLOW, "Too slow to keep up; reconnect to resync")
            return False
        self._queue.append(frame)
        self._queued_bytes += size
        self._wakeup.set()
        return True

    def send_error(self, message: str) -> None:
        self.send(error_event(message))

    def close(self, code: int, reason: str) -> None:
        """Close after the frames already queued (e.g. the error explaining why) are sent."""
        if self._close_request is None:
            self._close_request = (code, reason)
            self._wakeup.set()

    def drop(self, code: int, reason: str) -> None:
        """Close now, discarding what is queued: the peer is not reading anyway."""
        if self._close_request is not None and self._closer is not None:
            return
        self._close_request = (code, reason)
        self._queue.clear()
        self._queued_bytes = 0
        if self._writer is not None:
            self._writer.cancel()
        self._closer = asyncio.create_task(self._close_socket(code, reason))

    async def _write_loop(self) -> None:
        while True:
            while self._queue:
                frame = self._queue.popleft()
                self._queued_bytes -= len(frame)
                if not await self._send_or_give_up(frame):
                    return
            if self._close_request is not None:
                await self._close_socket(*self._close_request)
                return
            self._wakeup.clear()
            await self._wakeup.wait()

    async def _send_or_give_up(self, frame: str) -> bool:
        try:
            await self._socket.send_text(frame)
        except _SOCKET_GONE as error:
            # The peer is gone; the receive loop sees the disconnect and cleans up.
            log.debug("send to %r failed: %s", self, error)
            self._close_request = self._close_request or (CloseCode.NORMAL, "")
            return False
        return True

    async def _close_socket(self, code: int, reason: str) -> None:
        with contextlib.suppress(*_SOCKET_GONE):
            await self._socket.close(code, close_reason(reason))
