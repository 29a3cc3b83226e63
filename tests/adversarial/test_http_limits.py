"""Limits at the door: what one HTTP request, one client address or one foreign web page can
take from the server before the app sees anything.

Each test is an attack that worked before its limit existed: a 300 MB body buffered whole, a
40 MB header that froze every room while it was parsed, connections that send nothing until
no file descriptor is left, sessions created by the thousand (also from other web sites), a
DNS-rebinding host name, a QR code drawn on the event loop, a session's code left in caches.

The per-address tests connect from other loopback addresses (127.0.0.2, …): the server sees
each as a separate client, and nothing leaves the machine.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import pytest

from tests.support.peers import Peer
from tests.support.prerequisites import require
from tests.support.server import HOST_HEADERS, ROOT

# --------------------------------------------------------------------------- helpers


def connect_from(server, source: str = "127.0.0.1", timeout: float = 10.0) -> socket.socket:
    """A TCP connection to the server from the loopback address ``source``."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.bind((source, 0))
    except OSError:
        sock.close()
        require(False, f"a system that can send from {source} (Linux routes all of 127/8)")
    sock.connect(("127.0.0.1", server.port))
    return sock


def read_until_closed(sock: socket.socket, timeout: float = 10.0) -> bytes:
    """Everything the server sends until it closes the connection; fails after ``timeout``."""
    deadline = time.monotonic() + timeout
    data = b""
    while True:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            return data
        except TimeoutError:
            raise AssertionError(f"the server kept the connection open; got {data!r}") from None
        if not chunk:
            return data
        data += chunk


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def detail(self) -> str:
        return str(json.loads(self.body)["detail"])


def parse(data: bytes) -> Answer:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].startswith("HTTP/1.1 "), f"not an HTTP response: {data[:200]!r}"
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Answer(int(lines[0].split()[1]), headers, body)


def answer_to(sock: socket.socket, request: bytes, timeout: float = 10.0) -> Answer:
    """Send ``request`` and read the server's answer, which must end the connection."""
    sock.sendall(request)
    return parse(read_until_closed(sock, timeout))


def get(path: str, host: str, *extra: str) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", *extra, "Connection: close", "", ""]
    return "\r\n".join(lines).encode()


def health_from(server, source: str) -> int:
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(transport=transport, timeout=10) as client:
        return client.get(f"{server.http}/api/health").status_code


def create_from(server, source: str, **kwargs) -> httpx.Response:
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(transport=transport, timeout=10) as client:
        return client.post(f"{server.http}/api/sessions", headers=HOST_HEADERS, **kwargs)


def server_cpu_seconds(server) -> float:
    """CPU time the server process has used: unlike a clock, not inflated by a busy machine."""
    try:
        with open(f"/proc/{server.process.pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except FileNotFoundError:
        require(False, "/proc, to read the server's CPU time from (Linux)")
    user, system = int(fields[11]), int(fields[12])  # utime and stime, in clock ticks
    return (user + system) / os.sysconf("SC_CLK_TCK")


@contextmanager
def servers_open_file_limit(soft: int) -> Iterator[None]:
    """Servers started inside get this soft limit on open files (a desktop's default); the
    test itself may open twice as many."""
    resource = pytest.importorskip("resource")
    old_soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if old_soft < 2 * soft:
        if hard != resource.RLIM_INFINITY and hard < 2 * soft:
            require(False, f"a hard limit of {2 * soft} open files or more (it is {hard})")
        resource.setrlimit(resource.RLIMIT_NOFILE, (2 * soft, hard))
        old_soft = 2 * soft
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (old_soft, hard))


WEBSOCKET_KEY = base64.b64encode(os.urandom(16)).decode()


def websocket_handshake(session_id: str, host: str, origin: str) -> bytes:
    lines = [
        f"GET /ws/{session_id} HTTP/1.1",
        f"Host: {host}",
        f"Origin: {origin}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {WEBSOCKET_KEY}",
        "Sec-WebSocket-Version: 13",
        "",
        "",
    ]
    return "\r\n".join(lines).encode()


# --------------------------------------------------------------------------- request bodies

BODY_TOO_LARGE = (
    "The request body is larger than PairPad accepts: at most 16384 bytes "
    "(the max_request_body_bytes setting)."
)


def test_a_body_declared_over_the_limit_is_refused_413_before_it_is_sent(server):
    sock = connect_from(server)
    head = (
        "POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: 300000000\r\n\r\n"
    )

    answer = answer_to(sock, head.encode())  # not a byte of the 300 MB sent

    assert answer.status == 413
    assert answer.detail == BODY_TOO_LARGE
    sock.close()


def test_a_streamed_body_is_refused_413_once_it_passes_the_limit(server):
    sock = connect_from(server)
    body = json.dumps({"title": "t" * 20_000}).encode()
    chunks = [body[i : i + 1000] for i in range(0, len(body), 1000)]
    request = (
        b"POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks)
        + b"0\r\n\r\n"
    )

    answer = answer_to(sock, request)

    assert answer.status == 413
    assert answer.detail == BODY_TOO_LARGE
    sock.close()


# --------------------------------------------------------------------------- request heads


def test_an_overlong_url_is_refused_414_as_soon_as_it_passes_the_limit(start_server):
    server = start_server(max_request_head_bytes="4096")
    sock = connect_from(server)

    answer = answer_to(sock, b"GET /api/health?q=" + b"a" * 8000)  # no line end, ever

    assert answer.status == 414
    assert answer.detail == (
        "The request's URL is longer than PairPad accepts: at most 4096 bytes with the "
        "request line (the max_request_head_bytes setting)."
    )
    sock.close()


def test_overlarge_headers_are_refused_431_as_soon_as_they_pass_the_limit(start_server):
    server = start_server(max_request_head_bytes="4096")
    sock = connect_from(server)

    answer = answer_to(
        sock, b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 8000
    )

    assert answer.status == 431
    assert answer.detail == (
        "The request's headers are larger than PairPad accepts: at most 4096 bytes with the "
        "request line (the max_request_head_bytes setting)."
    )
    sock.close()


def test_a_head_just_within_the_limit_is_served(start_server):
    server = start_server(max_request_head_bytes="4096")
    request = get("/api/health", "127.0.0.1")
    padding = 4096 - len(request) - len("X-Pad: \r\n")
    request = get("/api/health", "127.0.0.1", "X-Pad: " + "p" * padding)
    assert len(request) == 4096

    assert answer_to(connect_from(server), request).status == 200


def test_a_40_mb_header_is_refused_without_being_parsed(server):
    attacker = connect_from(server, timeout=60)
    cpu_before = server_cpu_seconds(server)
    try:
        attacker.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ")
        attacker.sendall(b"a" * (40 * 1024 * 1024) + b"\r\n\r\n")
    except OSError:
        pass  # refused and closed while still sending: what we want
    answer = read_until_closed(attacker, timeout=60)
    cpu_used = server_cpu_seconds(server) - cpu_before

    assert not answer.startswith(b"HTTP/1.1 200"), "the header was parsed and served"
    # Parsing it took seconds of the event loop, during which every room froze.
    assert cpu_used < 0.25, f"the server spent {cpu_used:.2f}s of CPU on one request head"
    attacker.close()


# --------------------------------------------------------------------------- slow heads


def test_a_connection_that_sends_nothing_is_closed_after_the_head_timeout(start_server):
    server = start_server(request_head_timeout_seconds="0.5")
    sock = connect_from(server)
    started = time.monotonic()

    assert read_until_closed(sock, timeout=10) == b"", "closed without a word"
    assert time.monotonic() - started >= 0.4
    sock.close()


def test_a_dribbled_head_gets_408_after_the_head_timeout(start_server):
    server = start_server(request_head_timeout_seconds="0.5")
    sock = connect_from(server)
    sock.sendall(b"GET /api/health HTTP/1.1\r\n")
    received = b""
    deadline = time.monotonic() + 10
    sock.settimeout(0.05)
    # One byte of a header at a time, until the server answers (waiting for that answer is
    # the pause between bytes).
    while not received and time.monotonic() < deadline:
        try:
            sock.sendall(b"X")
            received = sock.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            break

    answer = parse(received + read_until_closed(sock))
    assert answer.status == 408
    assert answer.detail == (
        "The request's line and headers did not arrive within 0.5 seconds "
        "(the request_head_timeout_seconds setting)."
    )
    sock.close()


async def test_a_websocket_is_not_hit_by_the_head_timeout(start_server, room_on):
    room = room_on(start_server(request_head_timeout_seconds="0.5"))
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")
    idle = connect_from(room.server)  # connected after the sockets: times out after them

    assert read_until_closed(idle, timeout=10) == b""

    await alice.send("chat-message", text="still here")
    assert (await bob.expect("chat-message"))["text"] == "still here"
    idle.close()


# --------------------------------------------------------------------------- per address


def test_connections_past_the_per_address_limit_are_refused_503(start_server):
    server = start_server(limit_loopback="true", max_connections_per_address="3")
    held = [connect_from(server, "127.0.0.2") for _ in range(3)]

    refused = parse(read_until_closed(connect_from(server, "127.0.0.2")))

    assert refused.status == 503
    assert refused.detail == (
        "Too many open connections from 127.0.0.2: at most 3 (the "
        "max_connections_per_address setting); close some and try again."
    )
    assert health_from(server, "127.0.0.3") == 200, "other addresses are not affected"
    # One connection ends (the server closes it after answering): a new one gets in.
    assert answer_to(held[0], get("/api/health", "127.0.0.1")).status == 200
    assert (
        answer_to(connect_from(server, "127.0.0.2"), get("/api/health", "127.0.0.1")).status == 200
    )
    for sock in held:
        sock.close()


async def test_websockets_count_against_the_address_while_open(start_server, room_on):
    server = start_server(limit_loopback="true", max_connections_per_address="2")
    room = room_on(server)
    observer = await room.peer("Olivia")
    options = {"local_addr": ("127.0.0.2", 0)}
    try:
        tabs = [
            await Peer.connect(server.ws, room.session_id, f"id-tab{n}", f"Tab{n}", **options)
            for n in range(2)
        ]
    except OSError:
        require(False, "a system that can send from 127.0.0.2 (Linux)")
    for n, tab in enumerate(tabs):
        room._open_peers.append(tab)
        await tab.join()
        await observer.expect("participant-joined", userId=f"id-tab{n}")

    assert parse(read_until_closed(connect_from(server, "127.0.0.2"))).status == 503
    await tabs[0].close()
    await observer.expect("participant-left", userId="id-tab0")  # its socket has ended

    assert health_from(server, "127.0.0.2") == 200


def test_loopback_is_not_limited_unless_asked(start_server):
    server = start_server(max_connections_per_address="2")
    held = [connect_from(server) for _ in range(4)]

    assert health_from(server, "127.0.0.1") == 200
    for sock in held:
        sock.close()


def test_a_thousand_idle_connections_do_not_lock_out_a_newcomer(start_server):
    # A desktop's default of 1,024 open files: the server raises it, and one address gets
    # only max_connections_per_address of them.
    with servers_open_file_limit(1024):
        server = start_server(limit_loopback="true")
    idle = [connect_from(server, "127.0.0.1") for _ in range(1024)]

    assert health_from(server, "127.0.0.2") == 200
    for sock in idle:
        sock.close()


def test_the_open_file_limit_is_raised_to_the_hard_limit():
    resource = pytest.importorskip("resource")
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    require(
        hard == resource.RLIM_INFINITY or hard > 1024,
        f"a hard limit on open files above 1024 to raise to (it is {hard})",
    )
    script = (
        "import resource\n"
        "from server.http_limits import raise_open_file_limit\n"
        "soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)\n"
        "resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard))\n"
        "raise_open_file_limit()\n"
        "print(resource.getrlimit(resource.RLIMIT_NOFILE)[0])\n"
    )

    raised = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )

    expected = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
    assert int(raised.stdout) == expected


# --------------------------------------------------------------------------- creating sessions


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1"])
def test_a_page_on_another_origin_cannot_create_sessions(server, origin):
    response = httpx.post(f"{server.http}/api/sessions", headers={**HOST_HEADERS, "origin": origin})

    assert response.status_code == 403
    assert response.json() == {
        "detail": f"PairPad creates sessions only for its own pages, not for the origin "
        f"'{origin}'; start it with --allowed-origins '[\"{origin}\"]' "
        "(PAIRPAD_ALLOWED_ORIGINS) to allow it."
    }


def test_pairpads_own_page_and_allowed_origins_can_create_sessions(start_server):
    server = start_server(allowed_origins='["http://interview.example:9000"]')
    for origin in (f"http://127.0.0.1:{server.port}", "http://interview.example:9000"):
        response = httpx.post(
            f"{server.http}/api/sessions", headers={**HOST_HEADERS, "origin": origin}
        )
        assert response.status_code == 201, origin


@pytest.mark.parametrize("content_type", ["text/plain", None, "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_json_is_refused_415(server, content_type):
    headers = {"content-type": content_type} if content_type else {}

    response = httpx.post(
        f"{server.http}/api/sessions",
        content=b'{"title": "x"}',
        headers={**HOST_HEADERS, **headers},
    )

    assert response.status_code == 415
    assert response.json() == {
        "detail": "Send the new session's settings as JSON (Content-Type: application/json), "
        "or no body at all."
    }


def test_session_creation_is_limited_per_address_with_429_and_retry_after(start_server):
    server = start_server(limit_loopback="true", session_creations_per_minute="1")
    created = [create_from(server, "127.0.0.2").status_code for _ in range(5)]

    refused = create_from(server, "127.0.0.2")

    assert created == [201] * 5, "a burst of five"
    assert refused.status_code == 429
    retry_after = int(refused.headers["retry-after"])
    assert 1 <= retry_after <= 60
    assert refused.json() == {
        "detail": "Too many new sessions from 127.0.0.2: at most 1 a minute (the "
        f"session_creations_per_minute setting); try again in {retry_after} seconds."
    }
    assert create_from(server, "127.0.0.3").status_code == 201, "another address is not affected"


def test_invalid_requests_do_not_use_up_the_creation_rate(start_server):
    server = start_server(limit_loopback="true", session_creations_per_minute="1")
    for _ in range(10):
        assert create_from(server, "127.0.0.2", json={"language": "cobol"}).status_code == 422

    assert create_from(server, "127.0.0.2").status_code == 201


# --------------------------------------------------------------------------- the Host header


def refused_host(name: str) -> str:
    return (
        f"PairPad does not answer to the host '{name}'; start it with --allowed-hosts "
        f"'[\"{name}\"]' (PAIRPAD_ALLOWED_HOSTS) to allow it."
    )


@pytest.mark.parametrize("host", ["evil.example", "localhost.evil.example", "127.0.0.1.nip.io"])
def test_a_rebinding_host_name_is_refused_400(server, host):
    answer = answer_to(connect_from(server), get("/api/health", f"{host}:{server.port}"))

    assert answer.status == 400
    assert answer.detail == refused_host(host)


async def test_a_rebinding_host_is_refused_at_the_websocket_handshake(room):
    server = room.server
    # What a page on evil.example sends once evil.example resolves to this machine: its
    # Origin matches its Host, so the origin check alone lets it in.
    host = f"evil.example:{server.port}"
    handshake = websocket_handshake(room.session_id, host, f"http://{host}")

    answer = answer_to(connect_from(server), handshake)

    assert answer.status == 400
    assert answer.detail == refused_host("evil.example")


def test_the_same_handshake_under_this_machines_name_is_accepted(room):
    host = f"127.0.0.1:{room.server.port}"
    sock = connect_from(room.server)
    sock.sendall(websocket_handshake(room.session_id, host, f"http://{host}"))

    assert sock.recv(65536).startswith(b"HTTP/1.1 101 ")
    sock.close()


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "LOCALHOST.",
        "127.0.0.1",
        "127.1.2.3",
        "[::1]",
        socket.gethostname(),
        f"{socket.gethostname()}.local",
    ],
)
def test_names_of_this_machine_are_answered(server, host):
    answer = answer_to(connect_from(server), get("/api/health", f"{host}:{server.port}"))

    assert answer.status == 200


def test_a_request_without_a_host_is_answered(server):
    answer = answer_to(connect_from(server), b"GET /api/health HTTP/1.0\r\n\r\n")

    assert answer.status == 200


def test_the_allowed_hosts_setting_admits_a_name(start_server):
    server = start_server(allowed_hosts='["interview.lan"]')

    answer = answer_to(connect_from(server), get("/api/health", f"Interview.LAN:{server.port}"))

    assert answer.status == 200


# --------------------------------------------------------------------------- QR codes and caches


def answered_while_drawing(server, text: str) -> bool:
    """Ask for a QR code nobody asked for before, then at once for /api/health on another
    connection: True if the health answer came while the QR code was still being drawn."""
    drawing = connect_from(server, timeout=30)
    asking = connect_from(server, timeout=30)
    drawing.sendall(get(f"/api/qr.svg?text={text}", "127.0.0.1"))
    answer = answer_to(asking, get("/api/health", "127.0.0.1"), timeout=30)
    assert answer.status == 200
    drawing.setblocking(False)  # a socket with a timeout would wait for the answer first
    try:
        drawn = bool(drawing.recv(1, socket.MSG_PEEK))
    except BlockingIOError:
        drawn = False
    drawing.settimeout(30)
    assert parse(read_until_closed(drawing, timeout=30)).status == 200
    drawing.close()
    asking.close()
    return not drawn


def test_a_qr_code_is_drawn_while_other_requests_are_answered(server):
    # The longest text takes ~60 ms to draw; on the event loop every room waited for it.
    texts = [f"{n}-{time.time()}-" + "q" * 1000 for n in range(3)]

    answered = [answered_while_drawing(server, text) for text in texts]

    assert answered.count(True) >= 2, answered


def test_a_repeated_qr_code_is_drawn_once(server):
    text = f"http://192.168.1.23:{server.port}/s/{time.time()}-" + "r" * 900
    with httpx.Client(base_url=server.http, timeout=30) as client:
        first = client.get("/api/qr.svg", params={"text": text})
        cpu_before = server_cpu_seconds(server)
        again = [client.get("/api/qr.svg", params={"text": text}) for _ in range(20)]
        cpu_used = server_cpu_seconds(server) - cpu_before

    assert all(response.content == first.content for response in again)
    # Drawn each time, 20 of these took over a second of CPU.
    assert cpu_used < 0.25, f"{cpu_used:.2f}s of CPU for 20 copies of one QR code"


def test_a_sessions_state_and_code_are_never_cached(room):
    response = httpx.get(f"{room.server.http}/api/sessions/{room.session_id}")

    assert response.headers["cache-control"] == "no-store"
