"""A socket double for unit tests of rooms and connections (no server, no network)."""

from __future__ import annotations

import asyncio
import json
from typing import Any


class FakeSocket:
    def __init__(self) -> None:
        self.frames: list[str] = []
        self.closed_with: tuple[int, str | None] | None = None
        self.gate = asyncio.Event()  # cleared: send_text blocks, like a peer that stopped reading
        self.gate.set()
        self._changed = asyncio.Condition()

    async def send_text(self, data: str) -> None:
        await self.gate.wait()
        async with self._changed:
            self.frames.append(data)
            self._changed.notify_all()

    async def close(self, code: int = 1000, reason: str | None = None) -> None:
        async with self._changed:
            self.closed_with = (code, reason)
            self._changed.notify_all()

    async def wait_for(self, count: int, timeout: float = 2.0) -> list[dict[str, Any]]:
        """Wait until ``count`` frames were sent; returns them decoded."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: len(self.frames) >= count)
        return [json.loads(frame) for frame in self.frames]

    async def wait_closed(self, timeout: float = 2.0) -> tuple[int, str | None]:
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: self.closed_with is not None)
        assert self.closed_with is not None
        return self.closed_with
