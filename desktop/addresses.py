"""What the launcher tells the interviewer: the window's own URL and the links candidates join.

Which LAN addresses are worth sharing is ``server.network``'s job (the web UI shows the same
list through ``/api/network``); this module only turns the bound socket into sentences.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from server.console_link import local_host
from server.network import LOOPBACK_HOSTS, InterfaceAddress, http_url, join_hosts

__all__ = ["Announcement", "join_urls", "local_host", "local_url"]


def local_url(bound_address: str, port: int) -> str:
    return http_url(local_host(bound_address), port) + "/"


def join_urls(bind_host: str, port: int, candidates: Iterable[InterfaceAddress]) -> list[str]:
    """Links candidates can open, best first; empty when nobody else can reach the server."""
    return [http_url(host, port) for host in join_hosts(bind_host, candidates)]


@dataclass(frozen=True, slots=True)
class Announcement:
    local_url: str
    join_urls: list[str]
    bind_host: str
    port: int
    fell_back_from: int | None = None  # the taken default port, when another one was used

    def lines(self) -> list[str]:
        lines = []
        if self.fell_back_from is not None:
            lines.append(
                f"Port {self.fell_back_from} is in use, so PairPad is using port {self.port}."
            )
        lines.append(f"PairPad is running at {self.local_url.rstrip('/')}")
        if self.join_urls:
            best, *others = self.join_urls
            lines.append(f"Candidates join at {best}")
            if others:
                lines.append(f"Also reachable at {', '.join(others)}")
        elif self.bind_host in LOOPBACK_HOSTS:
            lines.append(
                f"Only this computer can join: PairPad listens on {self.bind_host}. "
                "Start it with --host 0.0.0.0 to let candidates in."
            )
        else:
            lines.append(
                "No network address found yet: connect this computer to the candidates' "
                "network; the home page lists the address once there is one."
            )
        return lines
