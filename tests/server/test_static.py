"""The built web UI as the server serves it: types, caching, and nothing outside it."""

from __future__ import annotations

import http.client

import httpx
import pytest

from tests.support.browser import BUILT_UI
from tests.support.prerequisites import require

UI_DIR = BUILT_UI.parent


@pytest.fixture(autouse=True)
def built_ui():
    require(BUILT_UI.exists(), "the built web UI (make setup)")


def first(pattern: str) -> str:
    matches = sorted(UI_DIR.glob(pattern))
    assert matches, f"nothing in the build matches {pattern}"
    return "/" + matches[0].relative_to(UI_DIR).as_posix()


@pytest.mark.parametrize(
    ("pattern", "content_type"),
    [
        ("assets/pyodide-*/pyodide.asm.wasm", "application/wasm"),
        ("assets/pyodide-*/pyodide.mjs", "text/javascript"),
        ("assets/pyodide-*/pyodide.asm.mjs", "text/javascript"),
        ("assets/sql-wasm-*.wasm", "application/wasm"),
        ("assets/index-*.js", "text/javascript"),
        ("assets/index-*.css", "text/css"),
        ("assets/workers/python.worker-*.js", "text/javascript"),
    ],
)
def test_runtime_files_have_the_types_browsers_require(server, pattern, content_type):
    response = httpx.get(server.http + first(pattern))

    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == content_type


def test_hashed_assets_are_cached_for_a_year_and_pages_are_revalidated(server):
    asset = httpx.get(server.http + first("assets/index-*.js"))
    page = httpx.get(f"{server.http}/s/anything")

    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert page.headers["cache-control"] == "no-cache"
    assert '<div id="app">' in page.text


def test_runner_workers_may_evaluate_code_and_the_javascript_one_may_not_connect(server):
    javascript = httpx.get(server.http + first("assets/workers/js.worker-*.js"))
    python = httpx.get(server.http + first("assets/workers/python.worker-*.js"))
    page = httpx.get(f"{server.http}/")

    assert "'unsafe-eval'" in javascript.headers["content-security-policy"]
    assert "connect-src 'none'" in javascript.headers["content-security-policy"]
    assert "connect-src 'self'" in python.headers["content-security-policy"]
    assert "'unsafe-eval'" not in page.headers["content-security-policy"].replace(
        "'wasm-unsafe-eval'", ""
    )


@pytest.mark.parametrize(
    "path",
    [
        "/../pyproject.toml",
        "/..%2fpyproject.toml",
        "/%2e%2e/pyproject.toml",
        "/assets/..%2f..%2fpyproject.toml",
        "/assets/%2e%2e%2f%2e%2e%2fserver%2fsettings.py",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/assets/..%5c..%5cpyproject.toml",
    ],
)
def test_static_routes_never_serve_a_file_outside_the_built_ui(server, path):
    # http.client sends the path byte for byte (httpx would normalise the dot segments).
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode(errors="replace")
    connection.close()

    assert response.status in (400, 404)
    assert "[project]" not in body
    assert "root:" not in body


def test_a_replay_is_the_single_page_app_and_carries_no_record(server):
    page = httpx.get(f"{server.http}/replay/anything")

    assert page.status_code == 200
    assert '<div id="app">' in page.text
    assert page.headers["cache-control"] == "no-cache"
