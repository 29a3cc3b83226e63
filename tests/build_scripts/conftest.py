"""The single executable, built once per test session with build_scripts/build.py."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.desktop.conftest import x_display  # noqa: F401  (re-exported fixture)
from tests.support.prerequisites import require
from tests.support.server import ROOT

EXECUTABLE = ROOT / "dist" / ("PairPad.exe" if sys.platform == "win32" else "pairpad")


@pytest.fixture(scope="session")
def executable() -> Path:
    require(importlib.util.find_spec("PyInstaller") is not None, "PyInstaller (make setup)")
    require(sys.platform.startswith("linux"), "Linux (the executable test runs on Linux)")
    started = time.monotonic()
    build = subprocess.run(
        [sys.executable, str(ROOT / "build_scripts" / "build.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert build.returncode == 0, f"the build failed:\n{build.stdout}\n{build.stderr}"
    print(
        f"\n{build.stdout.strip().splitlines()[-1]} (fixture: {time.monotonic() - started:.0f} s)"
    )
    assert EXECUTABLE.is_file()
    return EXECUTABLE
