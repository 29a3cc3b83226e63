"""How many sessions each client address may create: a token bucket per address.

Creating a session is the one call that costs the server memory for hours; without a limit,
1,000 anonymous POSTs filled ``max_rooms`` in six seconds. Loopback (the host's own machine)
is exempt unless ``limit_loopback`` is set.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from .http_limits import exempt_from_address_limits
from .ratelimit import TokenBucket
from .settings import Settings

# A person may create a few sessions in a row (a retry, one per candidate) before the rate
# per minute applies.
SESSION_CREATION_BURST = 5
# Client addresses whose recent creations are remembered; past this, the ones with nothing to
# remember (a full bucket) are forgotten, then the oldest.
MAX_TRACKED_ADDRESSES = 4096


class CreationLimiter:
    """Sessions each client address may create: a token bucket per address."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self._per_minute = settings.session_creations_per_minute
        self._limit_loopback = settings.limit_loopback
        self._clock = clock
        self._buckets: dict[str, TokenBucket] = {}

    def retry_after(self, address: str | None) -> float | None:
        """None if ``address`` may create a session now (and counts it), else the seconds
        until it may."""
        if address is None or exempt_from_address_limits(address, self._limit_loopback):
            return None
        bucket = self._buckets.get(address)
        if bucket is None:
            if len(self._buckets) >= MAX_TRACKED_ADDRESSES:
                self._forget()
            bucket = TokenBucket(
                per_second=self._per_minute / 60, burst=SESSION_CREATION_BURST, clock=self._clock
            )
            self._buckets[address] = bucket
        return None if bucket.take() else bucket.seconds_until_next()

    def refusal(self, address: str, seconds: float) -> str:
        wait = max(1, math.ceil(seconds))
        return (
            f"Too many new sessions from {address}: at most {self._per_minute:g} a minute "
            f"(the session_creations_per_minute setting); try again in {wait} "
            f"second{'s' if wait != 1 else ''}."
        )

    def _forget(self) -> None:
        for address in [address for address, bucket in self._buckets.items() if bucket.full]:
            del self._buckets[address]
        # Down to three quarters, so that the scan above runs once per many new addresses.
        while len(self._buckets) > MAX_TRACKED_ADDRESSES * 3 // 4:
            del self._buckets[next(iter(self._buckets))]  # the longest remembered
