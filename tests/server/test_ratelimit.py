"""The flood guard with a fake clock: typists pass, floods are refused, then closed."""

from __future__ import annotations

from server.ratelimit import FloodGuard, Verdict
from server.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def default_guard(clock: Clock) -> FloodGuard:
    settings = Settings()
    return FloodGuard(
        rate=settings.rate_limit_per_second, burst=settings.rate_limit_burst, clock=clock
    )


def test_defaults_admit_100_messages_per_second_sustained_for_a_minute():
    clock = Clock()
    guard = default_guard(clock)

    verdicts = set()
    for _ in range(6000):
        clock.now += 0.01
        verdicts.add(guard.check())

    assert verdicts == {Verdict.ALLOW}


def test_a_burst_up_to_the_limit_passes_and_the_next_is_refused_with_a_warning():
    clock = Clock()
    guard = FloodGuard(rate=10, burst=20, clock=clock)

    assert [guard.check() for _ in range(20)] == [Verdict.ALLOW] * 20
    assert guard.check() is Verdict.REFUSE_AND_WARN
    assert guard.check() is Verdict.REFUSE


def test_refusals_that_keep_coming_close_the_connection():
    clock = Clock()
    guard = FloodGuard(rate=10, burst=20, clock=clock)
    for _ in range(20):
        guard.check()

    verdicts = [guard.check() for _ in range(21)]

    assert verdicts[0] is Verdict.REFUSE_AND_WARN
    assert verdicts[-1] is Verdict.CLOSE
    assert Verdict.CLOSE not in verdicts[:-1]


def test_a_flood_at_twice_the_rate_is_closed_within_seconds():
    clock = Clock()
    guard = FloodGuard(rate=100, burst=100, clock=clock)

    closed_at = None
    for step in range(2000):
        clock.now = step / 200
        if guard.check() is Verdict.CLOSE:
            closed_at = clock.now
            break

    assert closed_at is not None
    assert closed_at < 5


def test_a_quiet_second_starts_a_new_episode():
    clock = Clock()
    guard = FloodGuard(rate=1, burst=1, clock=clock)
    guard.check()
    assert guard.check() is Verdict.REFUSE_AND_WARN

    clock.now += 1.5
    assert guard.check() is Verdict.ALLOW
    assert guard.check() is Verdict.REFUSE_AND_WARN
