"""The app's state: built once by ``create_app``, read back through a typed accessor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .rooms import RoomRegistry
from .settings import Settings


@dataclass(frozen=True, slots=True)
class AppState:
    settings: Settings
    rooms: RoomRegistry


def app_state(app: Any) -> AppState:
    """``app`` is the Starlette app of a request or websocket (``request.app``)."""
    state: AppState = app.state.pairpad
    return state
