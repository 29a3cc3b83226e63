"""Which addresses candidates can use to reach this machine.

Found by enumerating the network interfaces (``ifaddr``); no packet is sent. The likeliest
LAN address comes first: private ranges of real interfaces before virtual bridges (Docker,
VirtualBox, VPNs), which a laptop on venue Wi-Fi almost never wants to share.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

# Interface-name prefixes of virtual networks that other laptops cannot reach.
VIRTUAL_PREFIXES = (
    "docker",
    "br-",
    "veth",
    "virbr",
    "vmnet",
    "vboxnet",
    "lxcbr",
    "lxdbr",
    "cni",
    "flannel",
    "podman",
    "zt",
    "tailscale",
    "utun",
    "tun",
    "tap",
    "wg",
    "vEthernet",
)
WILDCARD_HOSTS = frozenset({"0.0.0.0", "", "::", "[::]"})
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


@dataclass(frozen=True, slots=True)
class InterfaceAddress:
    interface: str
    ip: str


def system_addresses() -> list[InterfaceAddress]:
    import ifaddr  # imported here: only the network endpoint and the desktop need it

    found = []
    for adapter in ifaddr.get_adapters():
        name = adapter.nice_name or adapter.name
        for address in adapter.ips:
            if address.is_IPv4:
                found.append(InterfaceAddress(str(name), str(address.ip)))
    return found


def _rank(candidate: InterfaceAddress) -> tuple[int, int]:
    ip = ipaddress.IPv4Address(candidate.ip)
    virtual = candidate.interface.lower().startswith(tuple(p.lower() for p in VIRTUAL_PREFIXES))
    if ip in ipaddress.IPv4Network("192.168.0.0/16"):
        network_rank = 0
    elif ip in ipaddress.IPv4Network("10.0.0.0/8"):
        network_rank = 1
    elif ip in ipaddress.IPv4Network("172.16.0.0/12"):
        network_rank = 2
    elif ip in ipaddress.IPv4Network("100.64.0.0/10"):  # carrier-grade NAT, mostly VPNs
        network_rank = 4
    else:
        network_rank = 3
    return (1 if virtual else 0, network_rank)


def lan_addresses(candidates: Iterable[InterfaceAddress]) -> list[str]:
    """IPv4 addresses worth sharing, best first; loopback and link-local left out."""
    usable: dict[str, InterfaceAddress] = {}
    for candidate in candidates:
        try:
            ip = ipaddress.IPv4Address(candidate.ip)
        except ValueError:
            continue
        if ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast:
            continue
        usable.setdefault(candidate.ip, candidate)
    ordered = sorted(usable.values(), key=lambda c: (*_rank(c), c.interface, c.ip))
    return [candidate.ip for candidate in ordered]


def join_hosts(bind_host: str, candidates: Iterable[InterfaceAddress]) -> list[str]:
    """Hosts candidates can join through, given the address the server is bound to."""
    if bind_host in WILDCARD_HOSTS:
        return lan_addresses(candidates)
    if bind_host in LOOPBACK_HOSTS:
        return []
    return [bind_host.strip("[]")]


def http_url(host: str, port: int) -> str:
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"http://{host}:{port}"
