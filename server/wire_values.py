"""Values as they travel on the wire: binary CRDT updates as base64, times as the server's
clock in milliseconds since the epoch."""

from __future__ import annotations

import base64
import time


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def now_ms() -> int:
    return int(time.time() * 1000)
