"""What a participant's socket needs from the WebSocket underneath: the ``Channel``.

Two transports provide it. The fast path (``server.uvicorn_fast_path``) is PairPad's own
subclass of uvicorn's WebSocket protocol: frames go straight to and from the room, with no
task, queue or ``await`` per message. Under any other ASGI server (or uvicorn with
``--ws wsproto``/``--ws websockets``) the plain-ASGI fallback (``server.asgi_channel``)
carries the same protocol, slower but correct. The room never knows which one it talks to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

MessageHandler = Callable[[str | None], None]  # text, or None for a binary message


class Channel(Protocol):
    """Where a connection's frames go; unit tests pass fakes."""

    def write(self, frame: bytes) -> bool:
        """Send a text frame (UTF-8) now, without waiting; False if the socket is closing
        or gone."""
        ...

    def buffered_bytes(self) -> int:
        """Bytes written that the peer has not taken yet."""
        ...

    def close_with(self, code: int, reason: str) -> None:
        """Close after what is buffered (a reader too slow to keep up: at once)."""
        ...


class ServedChannel(Channel, Protocol):
    """A channel of a real, accepted socket."""

    async def serve(self, on_message: MessageHandler, on_disconnect: Callable[[], None]) -> None:
        """Route every later message to ``on_message`` and the end of the socket (however it
        ends) to ``on_disconnect``, called once. The fast path returns at once and keeps the
        socket open without a task; the fallback returns when the socket has ended."""
        ...
