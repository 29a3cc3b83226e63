"""Which ``Host`` and ``Origin`` headers this server answers to: the defences against DNS
rebinding and against other sites' pages acting through a visitor's browser.

A web page on another site can point a name it controls (``evil.example``) at this laptop's
address; the visitor's browser then treats PairPad as part of that site and lets the page
read its answers and open its sockets. The browser still names the site in ``Host``, so the
server answers only to names that mean this machine: ``localhost``, loopback addresses, the
machine's current interface addresses, its host name and ``<hostname>.local``, and the names
in the ``allowed_hosts`` setting. The port is ignored.

A request without a ``Host`` (HTTP/1.0 scripts) is allowed: rebinding needs a browser, and
browsers always send one.

The check runs on every request and every socket, so a known name is one set lookup. The
machine's addresses change when the laptop joins another network, so an unknown name makes
the check look at the interfaces again, at most once a second.
"""

from __future__ import annotations

import ipaddress
import json
import re
import socket
import time
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers

from .settings import Settings

# Names that always mean this machine. The unspecified addresses are in: uvicorn announces
# "running on http://0.0.0.0:8000", and browsers that still open it reach this machine only.
ALWAYS_LOCAL = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", "::"})
REFRESH_SECONDS = 1.0
# Longest name a refusal repeats (the longest DNS name): the header is someone else's text.
MAX_NAME_IN_REFUSAL = 253
_HOST_PATTERN = re.compile(r"^[A-Za-z0-9.\-:\[\]]+$")


def host_name(host_header: str) -> str:
    """The host of a ``Host`` header: lower case, no port, no brackets, no trailing dot."""
    host = host_header.strip().lower()
    if host.startswith("["):  # [IPv6]:port
        end = host.find("]")
        return host[1:end] if end > 0 else host
    if host.count(":") == 1:  # name:port (more colons: an IPv6 address without brackets)
        host = host.partition(":")[0]
    return host.rstrip(".")


def canonical(name: str) -> str:
    """An IP address in its one standard spelling (``::0:1`` → ``::1``), a name as it is."""
    address = _ip(name)
    return name if address is None else str(address)


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(name.partition("%")[0])  # no IPv6 zone ("%eth0")
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def machine_addresses() -> list[str]:
    """Every address of every interface, IPv4 and IPv6."""
    import ifaddr  # imported here: a miss is rare, start-up should not pay for it

    found = []
    for adapter in ifaddr.get_adapters():
        for address in adapter.ips:
            # ifaddr gives IPv6 addresses as (address, flowinfo, scope_id).
            ip = address.ip if address.is_IPv4 else address.ip[0]
            found.append(canonical(str(ip)))
    return found


def machine_names(hostname: str) -> set[str]:
    """The host name, its first label, and both with ``.local`` (mDNS)."""
    full = hostname.strip().lower().rstrip(".")
    if not full:
        return set()
    names = {full, full.split(".")[0]}
    return names | {f"{name}.local" for name in names if not name.endswith(".local")}


class HostCheck:
    def __init__(
        self,
        settings: Settings,
        *,
        addresses: Callable[[], Iterable[str]] = machine_addresses,
        hostname: Callable[[], str] = socket.gethostname,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        configured = {canonical(host_name(host)) for host in settings.allowed_hosts}
        self._any_host = "*" in configured
        self._fixed = ALWAYS_LOCAL | configured
        self._addresses = addresses
        self._hostname = hostname
        self._clock = clock
        # Start with the names only: the interfaces are listed on the first unknown name.
        self._known = self._fixed | machine_names(hostname())
        self._next_refresh = float("-inf")

    def allows(self, host_header: str | None) -> bool:
        if not host_header or self._any_host:
            return True
        name = host_name(host_header)
        if name in self._known:
            return True
        return self._allows_unknown(name)

    def _allows_unknown(self, name: str) -> bool:
        address = _ip(name)
        if address is not None:
            if address.is_loopback:  # all of 127.0.0.0/8, and ::1 however spelt
                return True
            name = str(address)
            if name in self._known:
                return True
        return self._refresh() and name in self._known

    def _refresh(self) -> bool:
        """Look at the interfaces and the host name again, unless that was done within the
        last second; True if it was done now."""
        now = self._clock()
        if now < self._next_refresh:
            return False
        self._next_refresh = now + REFRESH_SECONDS
        self._known = self._fixed | machine_names(self._hostname()) | set(self._addresses())
        return True

    def refusal(self, host_header: str | None) -> str:
        name = host_name(host_header or "")[:MAX_NAME_IN_REFUSAL]
        setting = json.dumps([name])
        return (
            f"PairPad does not answer to the host '{name}'; start it with "
            f"--allowed-hosts '{setting}' (PAIRPAD_ALLOWED_HOSTS) to allow it."
        )


def origin_allowed(headers: Headers, settings: Settings) -> bool:
    """A browser may only connect from the page this server served (or an allowed origin),
    so a web page elsewhere cannot join sessions on the visitor's behalf. Scripts send no
    Origin and are allowed."""
    origin = headers.get("origin")
    if origin is None:
        return True
    if origin in settings.allowed_origins:
        return True
    host = headers.get("host", "")
    parts = urlsplit(origin)
    return (
        parts.scheme in ("http", "https")
        and bool(_HOST_PATTERN.match(host))
        and parts.netloc.lower() == host.lower()
    )
