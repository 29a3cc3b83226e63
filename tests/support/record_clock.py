"""The record stamps times in whole milliseconds (server/record/writer.py): a test that
checks what was true at an instant makes each edit fall in a millisecond of its own."""

from __future__ import annotations

import asyncio
import time


def now_ms() -> int:
    return int(time.time() * 1000)


async def next_millisecond(after_ms: int) -> None:
    """Until the clock is past ``after_ms``: what follows is stamped in a later millisecond."""
    await asyncio.sleep(max(0.0, (after_ms + 1) / 1000 - time.time()) + 0.0005)
