"""Choosing the port: PairPad binds the listening socket itself and hands it to uvicorn.

Binding here (instead of asking "is it free?" and letting uvicorn bind later) leaves no gap in
which another program can take the port. The socket listens at once, so a browser that
connects before uvicorn accepts is queued, not refused.
"""

from __future__ import annotations

import errno
import socket
import sys
from dataclasses import dataclass

from .errors import StartupError

# How many ports above the default to try when it is taken (8000 → 8001 … 8020).
FALLBACK_PORTS = 20
BACKLOG = 2048  # uvicorn's default

# Windows reports a port held by another program as WSAEADDRINUSE, and a port reserved by
# Hyper-V/WSL ("excluded port range") or bound exclusively as WSAEACCES.
_IN_USE_WINERRORS = frozenset({10048, 10013})


class CannotListen(StartupError):
    """No port PairPad may use could be bound."""


@dataclass(frozen=True, slots=True)
class Listener:
    sock: socket.socket
    port: int
    requested: int  # the port asked for; differs from ``port`` after a fallback

    @property
    def fell_back(self) -> bool:
        return self.requested not in (0, self.port)


def candidate_ports(port: int, *, explicit: bool, fallback: int = FALLBACK_PORTS) -> list[int]:
    """Ports to try, in order: an explicit port (or 0, "any") is the only one."""
    if explicit or port == 0:
        return [port]
    return list(range(port, min(port + fallback, 65535) + 1))


def listen(host: str, port: int, *, explicit: bool, fallback: int = FALLBACK_PORTS) -> Listener:
    """A bound, listening socket on ``host``: on ``port``, or the next free one when ``port``
    is only the default. Raises ``CannotListen`` with a sentence for the user."""
    candidates = candidate_ports(port, explicit=explicit, fallback=fallback)
    for candidate in candidates:
        try:
            sock = bind(host, candidate)
        except OSError as error:
            if is_in_use(error):
                continue
            raise CannotListen(
                f"PairPad cannot listen on {host} port {candidate}: {_why(error)}."
            ) from error
        return Listener(sock=sock, port=int(sock.getsockname()[1]), requested=port)
    if len(candidates) == 1:
        raise CannotListen(
            f"Port {port} is already in use by another program. Close it, or start PairPad "
            "with another port (--port)."
        )
    raise CannotListen(
        f"Ports {candidates[0]} to {candidates[-1]} are all in use. Start PairPad with a free "
        "port (--port)."
    )


def bind(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as error:
        raise CannotListen(f"PairPad cannot listen on {host!r}: {error.strerror}.") from None
    sock = socket.socket(family, kind, proto)
    try:
        if sys.platform == "win32":
            # Without this, Windows lets another program bind the same port and steal
            # connections (SO_REUSEADDR means something else there).
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:
            # Restarting PairPad right after closing it must not fail on connections still in
            # TIME_WAIT; a port another program *listens* on stays unavailable.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
    except BaseException:
        sock.close()
        raise
    return sock


def is_in_use(error: OSError) -> bool:
    return error.errno == errno.EADDRINUSE or getattr(error, "winerror", None) in _IN_USE_WINERRORS


def _why(error: OSError) -> str:
    if error.errno == errno.EACCES:
        return "permission denied (ports below 1024 need administrator rights)"
    if error.errno == errno.EADDRNOTAVAIL:
        return "that address does not belong to this computer"
    return error.strerror or str(error)
