"""Ctrl+C / SIGTERM become a stop request, seen by waiters and callbacks on other threads."""

from __future__ import annotations

import os
import signal
import sys
import threading

import pytest

from desktop.signals import StopRequests

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends POSIX signals")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_requests_a_stop_and_runs_callbacks_off_the_main_thread(signum: int):
    stop = StopRequests()
    called_on: list[str] = []
    called = threading.Event()

    def on_stop() -> None:
        called_on.append(threading.current_thread().name)
        called.set()

    previous = signal.getsignal(signum)
    stop.install()
    try:
        stop.on_stop(on_stop)
        os.kill(os.getpid(), signum)
        assert stop.wait(timeout=10)
        assert called.wait(timeout=10)
    finally:
        stop.uninstall()
    assert called_on == ["pairpad-signals"]
    assert signal.getsignal(signum) == previous


def test_a_callback_added_after_the_stop_runs_at_once():
    stop = StopRequests()
    stop.request_stop()
    ran: list[bool] = []
    stop.on_stop(lambda: ran.append(True))
    assert ran == [True]
    assert stop.requested


def test_callbacks_run_once_however_many_signals_arrive():
    stop = StopRequests()
    ran: list[bool] = []
    stop.on_stop(lambda: ran.append(True))
    stop.request_stop()
    stop.request_stop()
    assert ran == [True]
