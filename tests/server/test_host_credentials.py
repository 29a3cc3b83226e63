"""Host credentials: only the interviewer creates sessions; scripts send the host token as a
bearer token, browsers carry it as a cookie left by the host link."""

from __future__ import annotations

import re
import subprocess
import sys

import httpx
import pytest

from server.host_auth import HOST_COOKIE
from tests.support.server import HOST_HEADERS, HOST_TOKEN, ROOT, ServerProcess


def test_creating_a_session_without_host_credentials_is_refused_401(server):
    response = httpx.post(f"{server.http}/api/sessions", json={"title": "x"})

    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["detail"]
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("authorization", ["Bearer wrong-token-000000", "Basic abc", "Bearer"])
def test_a_wrong_token_or_scheme_is_refused_401(server, authorization):
    response = httpx.post(f"{server.http}/api/sessions", headers={"authorization": authorization})

    assert response.status_code == 401
    assert set(response.json()) == {"detail"}


def test_the_host_gets_the_join_link_and_a_separate_interviewer_link(server):
    response = httpx.post(f"{server.http}/api/sessions", headers=HOST_HEADERS)

    assert response.status_code == 201
    body = response.json()
    session_id = body["sessionId"]
    assert body["joinUrl"] == f"/s/{session_id}"
    key = re.fullmatch(rf"/s/{session_id}\?key=([\w-]+)", body["interviewerUrl"])
    assert key is not None
    assert len(key[1]) >= 22
    fetched = httpx.get(f"{server.http}/api/sessions/{session_id}").json()
    assert "interviewerUrl" not in fetched
    assert key[1] not in str(fetched)


def test_the_host_link_sets_an_httponly_strict_cookie_and_redirects_home_without_the_token(
    server,
):
    response = httpx.get(f"{server.http}/host", params={"token": HOST_TOKEN})

    assert response.status_code == 303
    assert response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{HOST_COOKIE}={HOST_TOKEN};")
    attributes = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "samesite=strict", "path=/"} <= attributes
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("query", ["?token=not-the-token-123456", "?token=", ""])
def test_a_wrong_host_link_is_a_clear_401_page_and_sets_no_cookie(server, query):
    response = httpx.get(f"{server.http}/host{query}")

    assert response.status_code == 401
    assert "set-cookie" not in response.headers
    assert "text/html" in response.headers["content-type"]
    assert "not the interviewer's link" in response.text


def test_the_host_cookie_creates_sessions_and_whoami_tells_the_page(server):
    with httpx.Client(base_url=server.http) as browser_like:
        assert browser_like.get("/api/whoami").json() == {"host": False}
        browser_like.get("/host", params={"token": HOST_TOKEN})  # keeps the cookie

        assert browser_like.get("/api/whoami").json() == {"host": True}
        assert browser_like.post("/api/sessions").status_code == 201


def test_whoami_with_a_bearer_token_is_the_host(server):
    assert httpx.get(f"{server.http}/api/whoami", headers=HOST_HEADERS).json() == {"host": True}


def test_without_a_configured_token_each_start_makes_a_random_one_and_prints_its_link():
    tokens = []
    for _ in range(2):
        process = subprocess.Popen(
            [sys.executable, "-m", "server", "--port", "0"],
            cwd=ROOT,
            env={"PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            assert process.stdout is not None
            for line in process.stdout:
                match = re.match(
                    r"Interviewer console: (http://127\.0\.0\.1:\d+)/host\?token=(\S+)$", line
                )
                if match:
                    break
            else:
                raise AssertionError("no Interviewer console line")
            base, token = match[1], match[2]
            assert len(token) >= 22  # at least 128 bits of base64url
            headers = {"authorization": f"Bearer {token}"}
            assert httpx.post(f"{base}/api/sessions", headers=headers).status_code == 201
            tokens.append(token)
        finally:
            process.terminate()
            process.wait(10)
    assert tokens[0] != tokens[1]


def test_the_access_log_never_keeps_the_host_token(start_server):
    server: ServerProcess = start_server()
    httpx.get(server.host_link)
    httpx.get(f"{server.http}/host?token=wrong")
    httpx.get(f"{server.http}/api/health")  # a request logged after them

    server.wait_for_log(r"GET /api/health")
    # The console line shows it on purpose, like Jupyter's token URL; no logged line does.
    logged = [line for line in server.output if not line.startswith("Interviewer console: ")]
    assert not [line for line in logged if HOST_TOKEN in line]
    assert "/host?token=[redacted]" in server.log()
