"""``python -m server``: serve the API, the WebSocket and the built UI in the foreground.

Every setting is a flag (``--help`` lists them) and a ``PAIRPAD_*`` environment variable.
"""

from __future__ import annotations

import sys

import uvicorn

from .app import create_app
from .serve import uvicorn_config
from .settings import settings_from_cli


def main(argv: list[str] | None = None) -> None:
    settings = settings_from_cli(sys.argv[1:] if argv is None else argv)
    uvicorn.Server(uvicorn_config(create_app(settings), settings)).run()


if __name__ == "__main__":
    main()
