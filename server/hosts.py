"""Which ``Host`` headers this server answers to (DNS-rebinding defence).

STUB: to be implemented (issue 12, "Host header").
"""

from __future__ import annotations

from .settings import Settings


class HostCheck:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def allows(self, host_header: str | None) -> bool:
        return True

    def refusal(self, host_header: str | None) -> str:
        return f"Unknown host {host_header!r}"
