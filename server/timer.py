"""The room's timer: a countdown or a stopwatch that reads the same on every screen.

The server keeps only when it was last started (its own clock) and what had elapsed before;
clients compute the time on show from that and their offset to the server's clock, so no
tick is ever sent and a reload finds the timer where it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import messages as m


@dataclass(slots=True)
class SharedTimer:
    mode: m.TimerMode = "stopwatch"
    duration_ms: int = 0  # a countdown's length
    started_at_ms: int | None = None  # None: not running
    elapsed_ms: int = 0  # counted before started_at_ms
    changed_by: str = m.SERVER_USER_ID

    @property
    def running(self) -> bool:
        return self.started_at_ms is not None

    def start(self, now_ms: int, *, mode: m.TimerMode | None, duration_ms: int | None) -> None:
        """Starting a running timer changes nothing; a new mode or length starts afresh."""
        if self.running:
            return
        if self._configure(mode, duration_ms):
            self.elapsed_ms = 0
        self.started_at_ms = now_ms

    def pause(self, now_ms: int) -> None:
        if self.started_at_ms is not None:
            self.elapsed_ms += max(0, now_ms - self.started_at_ms)
            self.started_at_ms = None

    def reset(self, *, mode: m.TimerMode | None, duration_ms: int | None) -> None:
        self._configure(mode, duration_ms)
        self.started_at_ms = None
        self.elapsed_ms = 0

    def _configure(self, mode: m.TimerMode | None, duration_ms: int | None) -> bool:
        """Apply a new mode and length; True when either changed."""
        new_mode = mode or self.mode
        new_duration = 0 if new_mode == "stopwatch" else (duration_ms or self.duration_ms)
        changed = (new_mode, new_duration) != (self.mode, self.duration_ms)
        self.mode, self.duration_ms = new_mode, new_duration
        return changed

    def view(self, now_ms: int) -> m.TimerState:
        return m.TimerState(
            userId=self.changed_by,
            mode=self.mode,
            durationMs=self.duration_ms,
            running=self.running,
            startedAt=self.started_at_ms,
            elapsedMs=self.elapsed_ms,
            serverTime=now_ms,
        )
