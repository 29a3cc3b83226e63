"""Per-connection message rate limiting that tells a typist from a flood.

A token bucket admits ``burst`` messages at once and ``rate`` per second after that: far more
than a fast typist with a CRDT client sends (the web UI batches keystrokes). Over the limit a
message is refused with an error; if refusals keep coming (more than ``burst`` of them with no
quiet second in between) the connection is a flood and gets closed.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable


class Verdict(enum.Enum):
    ALLOW = "allow"
    REFUSE_AND_WARN = "refuse-and-warn"  # first refusal of an episode: tell the client
    REFUSE = "refuse"
    CLOSE = "close"


class FloodGuard:
    __slots__ = ("_burst", "_clock", "_last_refusal", "_rate", "_refused", "_tokens", "_updated")

    def __init__(
        self,
        *,
        rate: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._tokens = float(burst)
        self._updated = clock()
        self._last_refusal: float | None = None
        self._refused = 0  # refusals in the current episode

    def check(self) -> Verdict:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._rate)
        self._updated = now
        if self._tokens >= 1:
            self._tokens -= 1
            return Verdict.ALLOW
        quiet = self._last_refusal is None or now - self._last_refusal > 1.0
        self._last_refusal = now
        if quiet:
            self._refused = 1
            return Verdict.REFUSE_AND_WARN
        self._refused += 1
        return Verdict.CLOSE if self._refused > self._burst else Verdict.REFUSE


class TokenBucket:
    """``burst`` actions at once, then ``per_second`` on average; ``take`` says whether one
    more is allowed now. For slow actions (creating sessions, changing the language)."""

    __slots__ = ("_burst", "_clock", "_rate", "_tokens", "_updated")

    def __init__(
        self, *, per_second: float, burst: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._rate = per_second
        self._burst = burst
        self._clock = clock
        self._tokens = burst
        self._updated = clock()

    def take(self) -> bool:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._rate)
        self._updated = now
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        return False

    def seconds_until_next(self) -> float:
        """How long until ``take`` would succeed (for a Retry-After header)."""
        return max(0.0, (1 - self._tokens) / self._rate)

    @property
    def full(self) -> bool:
        """Refilled to the burst: nothing to remember for this key any more."""
        now = self._clock()
        return self._tokens + (now - self._updated) * self._rate >= self._burst


def per_minute(limit: float, *, burst_cap: float) -> TokenBucket:
    """``limit`` actions a minute, with a burst of up to ``burst_cap`` (at least one)."""
    return TokenBucket(per_second=limit / 60, burst=min(burst_cap, max(1.0, limit)))
