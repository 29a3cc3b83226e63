"""The WebSocket tests run on three transports: PairPad's uvicorn fast path, and the plain-ASGI
fallback under ``uvicorn --factory server.app:create_app`` with ``--ws wsproto`` and with
``--ws websockets``.

A test about something only the fast path does (TCP resets, 1001 with a reason at shutdown)
says so with ``@pytest.mark.parametrize("transport", ["fast"], indirect=True)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.support.server import ServerProcess

TRANSPORTS = ["fast", "asgi", "asgi-websockets"]


@pytest.fixture(scope="session", params=TRANSPORTS)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def server(transport: str) -> Iterator[ServerProcess]:
    process = ServerProcess(transport=transport).start()
    yield process
    process.stop()


@pytest.fixture
def start_server(transport: str) -> Iterator[Callable[..., ServerProcess]]:
    started: list[ServerProcess] = []

    def start(**settings: str) -> ServerProcess:
        process = ServerProcess(settings=settings, transport=transport).start()
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()
