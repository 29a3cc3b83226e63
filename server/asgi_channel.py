"""The plain-ASGI fallback: PairPad's WebSocket protocol under any ASGI server.

The fast path (``server.uvicorn_fast_path``) needs PairPad's own uvicorn protocol. Started any
other way (``uvicorn --factory server.app:create_app --ws wsproto``, or another server), a
socket is carried by this class instead: a receive loop hands each message to the
participant, and one writer task per socket drains a queue of outgoing frames through ASGI
``send``. Broadcasting stays synchronous (``write`` only appends), and what waits for a
reader is counted, so a reader that stops reading is still dropped at
``send_queue_max_bytes``. It costs a task, a queue and an ``await`` per frame: slower, correct.

What only the fast path does: TCP resets for readers too slow to keep up (here they are
closed and forgotten, and the server's own timeouts free the socket), and a close 1001 with a
reason at shutdown. Keep-alive pings come from the ASGI server (``--ws-ping-interval``).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable

from starlette.types import Message, Receive, Send

from .messages import CloseCode
from .settings import Settings
from .transport import MessageHandler

log = logging.getLogger(__name__)


class AsgiChannel:
    def __init__(self, receive: Receive, send: Send, settings: Settings) -> None:
        self._receive = receive
        self._send = send
        self._max_message_bytes = settings.max_message_bytes
        self._outbox: deque[bytes] = deque()
        self._queued = 0  # bytes waiting in the outbox
        self._ready = asyncio.Event()  # something to write, or a close to send
        self._ended = asyncio.Event()  # the peer left, or was dropped for being too slow
        self._close: tuple[int, str] | None = None

    # ------------------------------------------------------------ Channel

    def write(self, frame: bytes) -> bool:
        if self._close is not None or self._ended.is_set():
            return False
        self._outbox.append(frame)
        self._queued += len(frame)
        self._ready.set()
        return True

    def buffered_bytes(self) -> int:
        return self._queued

    def close_with(self, code: int, reason: str) -> None:
        if self._close is not None or self._ended.is_set():
            return
        self._close = (code, reason)
        if code == CloseCode.TOO_SLOW:
            # It would never read that far: forget the socket now, and let the server's own
            # timeouts free it.
            self._outbox.clear()
            self._queued = 0
            self._ended.set()
        self._ready.set()

    # ------------------------------------------------------------ serving

    async def serve(self, on_message: MessageHandler, on_disconnect: Callable[[], None]) -> None:
        tasks = (
            asyncio.create_task(self._read_loop(on_message)),
            asyncio.create_task(self._write_loop()),
        )
        try:
            await self._ended.wait()
        finally:
            self._ended.set()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            on_disconnect()

    async def _read_loop(self, on_message: MessageHandler) -> None:
        try:
            while True:
                message = await self._receive()
                if message["type"] == "websocket.disconnect":
                    return
                if message["type"] == "websocket.receive" and self._close is None:
                    self._deliver(message, on_message)
        finally:
            self._ended.set()

    def _deliver(self, message: Message, on_message: MessageHandler) -> None:
        text, data = message.get("text"), message.get("bytes")
        size = len(text.encode()) if text is not None else len(data or b"")
        if size > self._max_message_bytes:
            # The fast path's transport closes 1009 itself; another server's limit may be
            # larger than PairPad's setting.
            self.close_with(CloseCode.MESSAGE_TOO_BIG, "Message too big")
        else:
            on_message(text)

    async def _write_loop(self) -> None:
        try:
            while True:
                await self._ready.wait()
                self._ready.clear()
                while self._outbox:
                    frame = self._outbox.popleft()
                    await self._send({"type": "websocket.send", "text": frame.decode()})
                    self._queued -= len(frame)
                if self._close is not None:
                    code, reason = self._close
                    await self._send({"type": "websocket.close", "code": code, "reason": reason})
                    return  # the read loop sees the peer's answer, or the server's timeout
        except OSError as error:  # uvicorn's ClientDisconnected: the read loop sees it too
            log.debug("send failed: %s", error)
