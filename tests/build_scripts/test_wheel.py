"""`pip install .` gives a working app: the wheel carries the built web UI (the build hook
runs npm), and its `pairpad` command serves it from a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import httpx
import pytest

from tests.desktop.launcher import DesktopProcess, app_environment, free_port
from tests.support.server import ROOT

pytestmark = pytest.mark.executable


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=900,
    )
    (built,) = out.glob("pairpad-*.whl")
    return built


def test_wheel_contains_the_built_ui_with_its_runtimes_and_no_tests(wheel):
    names = zipfile.ZipFile(wheel).namelist()

    assert "server/_ui/index.html" in names
    assert any(
        n.startswith("server/_ui/assets/pyodide-") and n.endswith(".asm.wasm") for n in names
    )
    assert any(n.startswith("server/_ui/assets/workers/python.worker-") for n in names)
    assert any(n.endswith(".wasm") and "sql-wasm" in n for n in names)
    assert not [n for n in names if n.startswith("tests/")]


def test_pairpad_from_a_fresh_environment_serves_the_ui(wheel, tmp_path):
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run(
        # The lock as constraints: the same versions as the checkout, from pip's cache.
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "-c",
            str(ROOT / "requirements.lock"),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=1200,
    )
    port = free_port()
    env = app_environment(tmp_path / "state")
    app = DesktopProcess(
        ["--no-window", "--host", "127.0.0.1", "--port", str(port)],
        env,
        command=[str(environment / "bin" / "pairpad")],
        cwd=tmp_path,  # away from the checkout: only the installed package can answer
    ).start()
    try:
        app.wait_running(60)
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
        assert page.status_code == 200
        assert '<div id="app">' in page.text
        script = page.text.split('src="')[1].split('"')[0]
        assert httpx.get(f"http://127.0.0.1:{port}{script}", timeout=10).status_code == 200
    finally:
        app.kill()
