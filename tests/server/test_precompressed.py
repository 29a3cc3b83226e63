"""The built UI is sent as its build-time gzip copies to browsers that accept gzip, as is to
clients that do not, and decompressed where only the copy exists (the executable)."""

from __future__ import annotations

import gzip
import shutil

import httpx
import pytest

from server.precompressed import accepts_gzip
from tests.support.browser import BUILT_UI
from tests.support.prerequisites import require
from tests.support.server import ServerProcess

UI_DIR = BUILT_UI.parent
GZIP = {"accept-encoding": "gzip, deflate"}  # what Chromium sends to a plain-http origin
IDENTITY = {"accept-encoding": "identity"}


@pytest.fixture(autouse=True)
def built_ui():
    require(BUILT_UI.exists(), "the built web UI (make setup)")


def built(pattern: str) -> str:
    matches = sorted(UI_DIR.glob(pattern))
    assert matches, f"nothing in the build matches {pattern}"
    return matches[0].relative_to(UI_DIR).as_posix()


# Pyodide's python_stdlib.zip is left out: it is compressed already, and gzip saves < 10 %.
LARGE_FILES = [
    "assets/pyodide-*/pyodide.asm.wasm",
    "assets/pyodide-*/pyodide.asm.mjs",
    "assets/index-*.js",
    "assets/workers/python.worker-*.js",
]


@pytest.mark.parametrize("pattern", LARGE_FILES)
def test_the_build_holds_a_smaller_gzip_copy_of_each_large_file(pattern):
    original = UI_DIR / built(pattern)
    copy = original.with_name(original.name + ".gz")

    assert copy.is_file()
    assert gzip.decompress(copy.read_bytes()) == original.read_bytes()
    assert copy.stat().st_size < 0.9 * original.stat().st_size


@pytest.mark.parametrize(
    ("pattern", "content_type"),
    [
        ("assets/pyodide-*/pyodide.asm.wasm", "application/wasm"),
        ("assets/index-*.js", "text/javascript"),
    ],
)
def test_a_browser_gets_the_gzip_copy_with_the_files_own_type(server, pattern, content_type):
    name = built(pattern)
    with httpx.stream("GET", f"{server.http}/{name}", headers=GZIP) as response:
        sent = b"".join(response.iter_raw())

    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["content-type"].split(";")[0] == content_type
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert sent == (UI_DIR / f"{name}.gz").read_bytes()
    assert gzip.decompress(sent) == (UI_DIR / name).read_bytes()


@pytest.mark.parametrize("accept", ["identity", "gzip;q=0, deflate", ""])
def test_a_client_that_refuses_gzip_gets_the_file_as_built(server, accept):
    name = built("assets/index-*.js")
    with httpx.stream("GET", f"{server.http}/{name}", headers={"accept-encoding": accept}) as r:
        sent = b"".join(r.iter_raw())

    assert "content-encoding" not in r.headers
    assert r.headers["vary"] == "Accept-Encoding"
    assert sent == (UI_DIR / name).read_bytes()


@pytest.fixture
def compressed_only_ui(tmp_path):
    """A UI folder as the executable carries it: only the gzip copy of what has one."""
    ui = tmp_path / "ui"
    shutil.copytree(
        UI_DIR, ui, ignore=lambda folder, names: [name for name in names if f"{name}.gz" in names]
    )
    process = ServerProcess(settings={"ui_dir": str(ui)}).start()
    yield ui, process
    process.stop()


def test_without_the_original_a_client_refusing_gzip_gets_it_decompressed(compressed_only_ui):
    ui, server = compressed_only_ui
    name = built("assets/pyodide-*/pyodide.asm.wasm")
    assert not (ui / name).exists()

    plain = httpx.get(f"{server.http}/{name}", headers=IDENTITY)
    compressed = httpx.get(f"{server.http}/{name}", headers=GZIP)

    assert plain.status_code == 200
    assert "content-encoding" not in plain.headers
    assert plain.headers["content-type"] == "application/wasm"
    assert plain.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert plain.content == (UI_DIR / name).read_bytes()
    assert compressed.headers["content-encoding"] == "gzip"
    assert compressed.content == plain.content  # httpx decodes the gzip


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        ("gzip, deflate", True),
        ("deflate, gzip;q=0.5", True),
        ("*", True),
        ("GZIP", True),
        ("identity", False),
        ("gzip;q=0", False),
        ("gzip; q=0.000", False),
        ("br", False),
        ("x-gzip-ish", False),
    ],
)
def test_accept_encoding_is_read_as_http_defines_it(header, accepted):
    scope = {"headers": [(b"accept-encoding", header.encode())]}

    assert accepts_gzip(scope) is accepted
