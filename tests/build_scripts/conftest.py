"""The single executable, built once per test session with build_scripts/build.py, in the
background from the start of the session (tests/support/executable_build.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.desktop.conftest import x_display  # noqa: F401  (re-exported fixture)
from tests.support.executable_build import BUILD
from tests.support.prerequisites import require


@pytest.fixture(scope="session")
def executable() -> Path:
    require(importlib.util.find_spec("PyInstaller") is not None, "PyInstaller (make setup)")
    require(sys.platform.startswith("linux"), "Linux (the executable test runs on Linux)")
    return BUILD.wait(timeout=1800)
