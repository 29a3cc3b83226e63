"""A channel double for unit tests of rooms and connections (no server, no network)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import msgspec

from server.messages import SERVER_MESSAGE


class FakeChannel:
    """Records what a connection writes. ``stalled``: the peer stopped reading, so what is
    written piles up in ``buffered_bytes`` as it would in a transport's buffer."""

    def __init__(self) -> None:
        self.frames: list[bytes] = []
        self.closed_with: tuple[int, str] | None = None
        self.stalled = False
        self._buffered = 0
        self._changed = asyncio.Event()

    def write(self, frame: bytes) -> bool:
        if self.closed_with is not None:
            return False
        # Every frame the server makes must be a message of the published schema.
        msgspec.json.decode(frame, type=SERVER_MESSAGE)
        if self.stalled:
            self._buffered += len(frame)
        self.frames.append(frame)
        self._changed.set()
        return True

    def buffered_bytes(self) -> int:
        return self._buffered

    def close_with(self, code: int, reason: str) -> None:
        self.closed_with = (code, reason)
        self._changed.set()

    async def wait_for(self, count: int, timeout: float = 2.0) -> list[dict[str, Any]]:
        """Wait until ``count`` frames were written; returns them decoded."""
        async with asyncio.timeout(timeout):
            while len(self.frames) < count:
                self._changed.clear()
                await self._changed.wait()
        return [json.loads(frame) for frame in self.frames]

    async def wait_closed(self, timeout: float = 2.0) -> tuple[int, str]:
        async with asyncio.timeout(timeout):
            while self.closed_with is None:
                self._changed.clear()
                await self._changed.wait()
        return self.closed_with
