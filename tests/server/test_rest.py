"""The REST calls pinned in docs/protocol.md, and the HTTP hardening every response carries."""

from __future__ import annotations

import base64

import httpx
import pytest

from server import __version__
from server.creation_limit import MAX_TRACKED_ADDRESSES, SESSION_CREATION_BURST, CreationLimiter
from server.languages import LANGUAGE_IDS
from server.settings import Settings
from tests.support.server import HOST_HEADERS


def test_create_session_returns_201_with_id_and_links(server):
    response = httpx.post(
        f"{server.http}/api/sessions", json={"title": "Backend loop"}, headers=HOST_HEADERS
    )

    assert response.status_code == 201
    body = response.json()
    session_id = body["sessionId"]
    assert body["joinUrl"] == f"/s/{session_id}"
    assert body["wsUrl"] == f"/ws/{session_id}"
    assert body["title"] == "Backend loop"
    assert body["language"] == "python"
    assert body["participants"] == []


def test_create_session_without_a_body_works(server):
    response = httpx.post(f"{server.http}/api/sessions", headers=HOST_HEADERS)

    assert response.status_code == 201


def test_create_session_accepts_json_with_a_charset(server):
    response = httpx.post(
        f"{server.http}/api/sessions",
        content=b'{"title": "Charset"}',
        headers={**HOST_HEADERS, "content-type": "application/json; charset=utf-8"},
    )

    assert response.status_code == 201
    assert response.json()["title"] == "Charset"


def test_a_new_sessions_id_and_a_sessions_code_are_never_cached(server):
    created = httpx.post(f"{server.http}/api/sessions", headers=HOST_HEADERS)
    fetched = httpx.get(f"{server.http}/api/sessions/{created.json()['sessionId']}")

    assert created.headers["cache-control"] == "no-store"
    assert fetched.headers["cache-control"] == "no-store"


def test_session_ids_carry_at_least_128_random_bits_and_are_url_safe(server):
    ids = {server.create_session() for _ in range(50)}

    assert len(ids) == 50
    for session_id in ids:
        raw = base64.urlsafe_b64decode(session_id + "=" * (-len(session_id) % 4))
        assert len(raw) * 8 >= 128
        assert all(c.isalnum() or c in "-_" for c in session_id)


def test_get_session_reports_language_participants_and_code(room):
    state = room.state()

    assert state["sessionId"] == room.session_id
    assert state["language"] == "python"
    assert state["participants"] == []
    assert state["code"] == ""


async def test_get_session_lists_joined_participants(room):
    await room.peer("Alice")

    assert room.state()["participants"] == [
        {"userId": "id-alice", "username": "Alice", "color": "#e6194b", "role": "candidate"}
    ]


def test_unknown_session_is_404(server):
    response = httpx.get(f"{server.http}/api/sessions/not-a-session")

    assert response.status_code == 404
    assert response.json() == {"detail": "Session not found"}


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"title": "t" * 201}, "`title` is too long (at most 200 characters)"),
        ({"language": "cobol"}, f"`language` must be one of {', '.join(sorted(LANGUAGE_IDS))}"),
    ],
)
def test_create_session_refuses_bad_fields_with_422(server, body, detail):
    response = httpx.post(f"{server.http}/api/sessions", json=body, headers=HOST_HEADERS)

    assert response.status_code == 422
    assert response.json() == {"detail": detail}


def test_create_session_refuses_malformed_json_with_422(server):
    response = httpx.post(
        f"{server.http}/api/sessions",
        content=b"{not json",
        headers={**HOST_HEADERS, "content-type": "application/json"},
    )

    assert response.status_code == 422


def test_too_many_sessions_is_503_with_a_reason(start_server):
    server = start_server(max_rooms="2")
    server.create_session()
    server.create_session()

    response = httpx.post(f"{server.http}/api/sessions", headers=HOST_HEADERS)

    assert response.status_code == 503
    assert response.json() == {"detail": "Too many sessions (2); try later"}


def test_health_reports_ok_and_version(server):
    body = httpx.get(f"{server.http}/api/health").json()

    assert body["status"] == "ok"
    assert body["version"] == __version__


def test_languages_lists_the_runnable_languages(server):
    ids = [language["id"] for language in httpx.get(f"{server.http}/api/languages").json()]

    assert ids == [
        "python",
        "javascript",
        "typescript",
        "sql",
        "lua",
        "ruby",
        "postgres",
        "c",
        "cpp",
    ]


def test_network_on_loopback_says_nobody_else_can_join(server):
    body = httpx.get(f"{server.http}/api/network").json()

    assert body == {
        "bindHost": "127.0.0.1",
        "port": server.port,
        "lanReachable": False,
        "addresses": [f"http://127.0.0.1:{server.port}"],
        "localUrl": f"http://127.0.0.1:{server.port}",
    }


@pytest.mark.parametrize("path", ["/", "/api/health", "/s/some-session"])
def test_responses_carry_the_security_headers(server, path):
    headers = httpx.get(f"{server.http}{path}").headers

    policy = headers["content-security-policy"]
    assert policy.startswith("default-src 'self'")
    assert "'wasm-unsafe-eval'" in policy
    assert "'unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", "")
    assert f"connect-src 'self' ws://127.0.0.1:{server.port}" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_interactive_api_docs_are_off_because_they_load_from_a_cdn(server):
    assert httpx.get(f"{server.http}/docs").status_code == 404
    assert httpx.get(f"{server.http}/redoc").status_code == 404


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_session_creations_per_address_remember_a_bounded_number_of_addresses():
    clock = FakeClock()
    limiter = CreationLimiter(Settings(session_creations_per_minute=60), clock)

    for n in range(3 * MAX_TRACKED_ADDRESSES):
        assert limiter.retry_after(f"10.{n >> 16}.{(n >> 8) & 255}.{n & 255}") is None

    assert len(limiter._buckets) <= MAX_TRACKED_ADDRESSES


def test_addresses_with_nothing_to_remember_are_forgotten_first():
    clock = FakeClock()
    limiter = CreationLimiter(Settings(session_creations_per_minute=60), clock)
    for _ in range(SESSION_CREATION_BURST):
        assert limiter.retry_after("192.168.1.66") is None
    assert limiter.retry_after("192.168.1.66") is not None, "the flooder is at its limit"
    for n in range(MAX_TRACKED_ADDRESSES - 1):  # one creation each: the table is full
        limiter.retry_after(f"10.0.{n >> 8}.{n & 255}")
    clock.now += 1.5  # every other address has refilled by now; the flooder has not

    limiter.retry_after("10.1.0.0")  # one address too many: forget

    assert set(limiter._buckets) == {"192.168.1.66", "10.1.0.0"}, "the flooder is remembered"


def test_loopback_creations_are_not_limited_unless_asked():
    limiter = CreationLimiter(Settings(session_creations_per_minute=1), FakeClock())
    assert all(limiter.retry_after("127.0.0.1") is None for _ in range(50))

    limited = CreationLimiter(Settings(session_creations_per_minute=1, limit_loopback=True))
    results = [limited.retry_after("127.0.0.1") for _ in range(SESSION_CREATION_BURST + 1)]
    assert results[-1] is not None
