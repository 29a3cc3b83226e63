"""Choosing and binding the port (real sockets, on 127.0.0.1 only)."""

from __future__ import annotations

import contextlib
import errno
import socket
from collections.abc import Iterator

import pytest

from desktop.errors import EXIT_USAGE
from desktop.ports import FALLBACK_PORTS, CannotListen, candidate_ports, is_in_use, listen


@pytest.fixture
def held() -> Iterator[list[socket.socket]]:
    """Sockets a test opens are closed afterwards."""
    sockets: list[socket.socket] = []
    yield sockets
    for sock in sockets:
        sock.close()


def occupy(held: list[socket.socket], port: int = 0) -> int:
    sock = socket.socket()
    held.append(sock)
    sock.bind(("127.0.0.1", port))
    sock.listen()
    return int(sock.getsockname()[1])


def test_the_default_port_falls_back_to_the_next_twenty():
    assert candidate_ports(8000, explicit=False) == list(range(8000, 8021))
    assert FALLBACK_PORTS == 20


def test_an_explicit_port_or_port_zero_is_the_only_candidate():
    assert candidate_ports(8000, explicit=True) == [8000]
    assert candidate_ports(0, explicit=False) == [0]


def test_fallback_stops_at_the_last_port():
    assert candidate_ports(65530, explicit=False) == list(range(65530, 65536))


def test_port_zero_binds_a_free_port_that_listens_at_once(held: list[socket.socket]):
    listener = listen("127.0.0.1", 0, explicit=True)
    held.append(listener.sock)
    assert listener.port > 0
    assert not listener.fell_back
    # Listening before uvicorn runs: an early browser is queued, not refused.
    with socket.create_connection(("127.0.0.1", listener.port), timeout=5):
        pass


def test_a_taken_default_port_moves_up(held: list[socket.socket]):
    taken = occupy(held)
    listener = listen("127.0.0.1", taken, explicit=False)
    held.append(listener.sock)
    assert taken < listener.port <= taken + FALLBACK_PORTS
    assert listener.fell_back
    assert listener.requested == taken


def test_a_taken_explicit_port_is_a_clear_error(held: list[socket.socket]):
    taken = occupy(held)
    with pytest.raises(CannotListen) as raised:
        listen("127.0.0.1", taken, explicit=True)
    assert str(raised.value) == (
        f"Port {taken} is already in use by another program. Close it, or start PairPad "
        "with another port (--port)."
    )
    assert raised.value.exit_code == EXIT_USAGE


def test_all_fallback_ports_taken_is_a_clear_error(held: list[socket.socket]):
    taken = occupy(held)
    with contextlib.suppress(OSError):  # if another program holds it, it is just as taken
        occupy(held, taken + 1)
    with pytest.raises(CannotListen, match=f"^Ports {taken} to {taken + 1} are all in use"):
        listen("127.0.0.1", taken, explicit=False, fallback=1)


def test_an_address_of_another_computer_is_not_retried_as_in_use():
    # 192.0.2.1 is TEST-NET-1: never assigned to this machine; binding sends no packet.
    with pytest.raises(CannotListen, match="does not belong to this computer"):
        listen("192.0.2.1", 0, explicit=False)


def test_in_use_is_recognised_on_posix_and_windows():
    assert is_in_use(OSError(errno.EADDRINUSE, "Address already in use"))
    windows_error = OSError(errno.EACCES, "access denied")
    windows_error.winerror = 10013  # type: ignore[attr-defined]
    assert is_in_use(windows_error)
    assert not is_in_use(OSError(errno.EACCES, "Permission denied"))
