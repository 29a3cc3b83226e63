"""QR codes of join links, drawn here so the page needs no QR library and no network."""

from __future__ import annotations

import asyncio
import io
from collections import OrderedDict


class QrCodes:
    """Drawn QR codes, the most recent few kept. segno takes ~60 ms for a long text, all of it
    pure Python: a miss is drawn in a thread, one at a time, so the event loop (every room)
    keeps most of the interpreter meanwhile."""

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._drawing = asyncio.Lock()

    async def svg(self, text: str) -> bytes:
        cached = self._cached(text)
        if cached is not None:
            return cached
        async with self._drawing:
            cached = self._cached(text)  # drawn by a request that went first
            if cached is None:
                cached = await asyncio.to_thread(_draw_qr, text)
                self._cache[text] = cached
                if len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        return cached

    def _cached(self, text: str) -> bytes | None:
        cached = self._cache.get(text)
        if cached is not None:
            self._cache.move_to_end(text)
        return cached


def _draw_qr(text: str) -> bytes:
    import segno  # only needed when someone shares a link

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="svg", scale=4, border=2)
    return buffer.getvalue()
