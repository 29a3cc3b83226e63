"""Integrity signals: a participant's own page reports a long paste or a long absence, and the
room sees it (integrity-notice). Shown to everyone, never hidden proctoring: the candidate's
page says that these are shared.

The server cannot see a paste or a blur itself, so it checks what it can: the report is about
the sender (the connection's identity, never a payload's), it is over the room's thresholds
(shorter ones are not news), within what is possible (no paste longer than the largest
document, no absence longer than the interview has existed), and not too frequent.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import messages as m
from .settings import Settings


@dataclass(frozen=True, slots=True)
class Signal:
    kind: m.IntegrityKind
    amount: int  # characters pasted, or milliseconds away


def checked_signal(report: m.IntegritySignal, *, settings: Settings, room_age_ms: int) -> Signal:
    """The report as a Signal, or a ProtocolError naming the field that is wrong."""
    if report.kind == "paste":
        return Signal("paste", _within("chars", report.chars, _paste_range(settings)))
    # Two seconds of slack: the page's clock and ours need not agree to the millisecond.
    longest = room_age_ms + 2000
    return Signal("focus", _within("awayMs", report.awayMs, (_focus_floor(settings), longest)))


def _paste_range(settings: Settings) -> tuple[int, int]:
    # A paste longer than the largest document could not have landed in it.
    return settings.paste_notice_chars, settings.max_document_bytes


def _focus_floor(settings: Settings) -> int:
    return int(settings.focus_notice_seconds * 1000)


def _within(field: str, value: int | None, bounds: tuple[int, int]) -> int:
    low, high = bounds
    if value is None:
        raise m.ProtocolError(f"Invalid payload: `payload.{field}` is required for this kind")
    if not low <= value <= high:
        raise m.ProtocolError(f"Invalid payload: `payload.{field}` must be from {low} to {high}")
    return value


def notice(person: m.Person, signal: Signal, *, ts: int) -> m.IntegrityNotice:
    shown = m.IntegrityNotice(person.userId, person.username, signal.kind, ts)
    if signal.kind == "paste":
        shown.chars = signal.amount
    else:
        shown.awayMs = signal.amount
    return shown
