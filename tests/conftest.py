from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from tests.support.executable_build import BUILD
from tests.support.peers import Peer
from tests.support.server import HOST_HEADERS, ServerProcess

# The browser tests reach the server as http://interview.lan:PORT (an insecure origin, as on
# a real LAN); a real deployment answers to the machine's own names, a test names this one.
BROWSER_HOSTS = {"allowed_hosts": '["interview.lan"]'}


def pytest_configure(config: pytest.Config) -> None:
    """No test may touch the interview record of the machine's user: every server a test
    starts gets a data directory of its own (tests/support/server.py, the desktop launcher),
    and as a backstop anything else that asks platformdirs for the data folder, or reads
    PAIRPAD_DATA_DIR, gets a throwaway one."""
    backstop = tempfile.mkdtemp(prefix="pairpad-test-home-")
    os.environ["XDG_DATA_HOME"] = backstop
    os.environ["PAIRPAD_DATA_DIR"] = os.path.join(backstop, "PairPad")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that launch the built executable run last, and its build starts now, in the
    background (tests/support/executable_build.py): minutes that overlap the other tests."""
    launching = [item for item in items if "executable" in item.fixturenames]
    if not launching or config.option.collectonly:
        return
    items[:] = [item for item in items if "executable" not in item.fixturenames] + launching
    BUILD.start()


def pytest_sessionfinish(session: pytest.Session) -> None:
    BUILD.stop()


@pytest.fixture(scope="session")
def server() -> Iterator[ServerProcess]:
    """One server with default settings, shared by the tests that don't tighten limits."""
    process = ServerProcess(settings=BROWSER_HOSTS).start()
    yield process
    process.stop()


@pytest.fixture
def start_server() -> Iterator[Callable[..., ServerProcess]]:
    """A server of the test's own, e.g. ``start_server(rate_limit_burst="5")``."""
    started: list[ServerProcess] = []

    def start(**settings: str) -> ServerProcess:
        process = ServerProcess(settings={**BROWSER_HOSTS, **settings}).start()
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


@pytest.fixture
async def open_peers() -> AsyncIterator[list[Peer]]:
    """Peers a test appends here are closed afterwards, whatever happened."""
    peers: list[Peer] = []
    yield peers
    for peer in peers:
        if peer.ws.transport.is_reading():
            await peer.ws.close()
        else:  # a test stalled it: its closing handshake could only wait out close_timeout
            peer.abort()


class RoomClient:
    """One session on a server, and a way to bring joined peers into it."""

    def __init__(self, server: ServerProcess, open_peers: list[Peer]) -> None:
        self.server = server
        self.created = server.create_session_as_host()
        self.session_id = str(self.created["sessionId"])
        self._open_peers = open_peers

    @property
    def interviewer_key(self) -> str:
        """The key in the host's interviewerUrl (``/s/{id}?key=...``)."""
        return str(self.created["interviewerUrl"]).partition("?key=")[2]

    async def peer(
        self,
        username: str,
        user_id: str | None = None,
        *,
        join: bool = True,
        as_host: bool = False,
        key: str | None = None,
        **join_extra: object,
    ) -> Peer:
        """A spec client; ``as_host``: with the host token on the handshake; ``key``: with
        an interviewer key on the socket's URL."""
        options: dict[str, Any] = {"additional_headers": HOST_HEADERS} if as_host else {}
        peer = await Peer.connect(
            self.server.ws,
            self.session_id if key is None else f"{self.session_id}?key={key}",
            user_id or f"id-{username.lower()}",
            username,
            **options,
        )
        self._open_peers.append(peer)
        if join:
            await peer.join(**join_extra)
        return peer

    def state(self) -> dict[str, object]:
        return self.server.session(self.session_id)


@pytest.fixture
def room(server: ServerProcess, open_peers: list[Peer]) -> RoomClient:
    return RoomClient(server, open_peers)


@pytest.fixture
def room_on(open_peers: list[Peer]) -> Callable[[ServerProcess], RoomClient]:
    return lambda server: RoomClient(server, open_peers)
