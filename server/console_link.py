"""The interviewer's way in: the host link ``/host?token=...`` (opened once, it leaves the
host cookie behind), and the line that tells the interviewer where it is, like Jupyter's
token URL."""

from __future__ import annotations

import ipaddress
from urllib.parse import quote

from .network import http_url

CONSOLE_LINE = "Interviewer console: {link}"


def local_host(bound_address: str) -> str:
    """The host this computer's own browser should use: a wildcard bind is reached through
    loopback (which never depends on the network being up); a specific address through itself."""
    try:
        ip = ipaddress.ip_address(bound_address.split("%")[0])
    except ValueError:
        return bound_address
    if ip.is_unspecified:
        return "::1" if ip.version == 6 else "127.0.0.1"
    return bound_address


def host_link(bound_address: str, port: int, token: str) -> str:
    return f"{http_url(local_host(bound_address), port)}/host?token={quote(token, safe='')}"


def console_line(bound_address: str, port: int, token: str) -> str:
    return CONSOLE_LINE.format(link=host_link(bound_address, port, token))
