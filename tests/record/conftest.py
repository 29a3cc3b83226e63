"""Servers for the record's tests: the fast transport only (the record does not depend on
the transport), each with a temporary data directory of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.server import ServerProcess


@pytest.fixture
def start_server() -> Iterator[Callable[..., ServerProcess]]:
    started: list[ServerProcess] = []

    def start(data_dir: Path | None = None, **settings: str) -> ServerProcess:
        process = ServerProcess(settings=settings, data_dir=data_dir).start()
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


@pytest.fixture
def server(start_server: Callable[..., ServerProcess]) -> ServerProcess:
    return start_server()
