"""The app's state: built once by ``create_app``, read back through a typed accessor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .creation_limit import CreationLimiter
from .qr import QrCodes
from .record import Recorder
from .rooms import RoomRegistry
from .settings import Settings


class MessageStats:
    """How long the slowest WebSocket message took to handle, since start-up: every room
    waits while one message is handled, so this is the figure that must stay small (the
    fuzz tests and ``GET /api/health`` read it)."""

    __slots__ = ("slowest_seconds", "slowest_type")

    def __init__(self) -> None:
        self.slowest_seconds = 0.0
        self.slowest_type = ""

    def record(self, message_type: str, seconds: float) -> None:
        if seconds > self.slowest_seconds:
            self.slowest_seconds = seconds
            self.slowest_type = message_type


@dataclass(frozen=True, slots=True)
class AppState:
    settings: Settings
    rooms: RoomRegistry
    message_stats: MessageStats
    creations: CreationLimiter  # sessions each client address may still create
    qr_codes: QrCodes
    host_token: str  # see host_auth.py: never sent to a candidate, never logged
    recorder: Recorder  # the interview record on disk (server/record)


def app_state(app: Any) -> AppState:
    """``app`` is the Starlette app of a request or websocket (``request.app``)."""
    state: AppState = app.state.pairpad
    return state
