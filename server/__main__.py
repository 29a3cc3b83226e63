"""``python -m server``: serve the API, the WebSocket and the built UI in the foreground.

Every setting is a flag (``--help`` lists them) and a ``PAIRPAD_*`` environment variable.
Once listening, it prints the interviewer's host link, like Jupyter's token URL.
"""

from __future__ import annotations

import socket
import sys

import uvicorn

from .app import create_app
from .console_link import console_line
from .serve import uvicorn_config
from .settings import settings_from_cli
from .state import app_state


class _AnnouncingServer(uvicorn.Server):
    """uvicorn, which prints the host link once it listens (the port may have been 0)."""

    def __init__(self, config: uvicorn.Config, host_token: str) -> None:
        super().__init__(config)
        self._host_token = host_token

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self.servers and self.servers[0].sockets:
            address, port = self.servers[0].sockets[0].getsockname()[:2]
            # Printed, not logged: the token is the interviewer's key, and logs get shared.
            print(console_line(str(address), int(port), self._host_token), flush=True)


def main(argv: list[str] | None = None) -> None:
    settings = settings_from_cli(sys.argv[1:] if argv is None else argv)
    app = create_app(settings)
    _AnnouncingServer(uvicorn_config(app, settings), app_state(app).host_token).run()


if __name__ == "__main__":
    main()
