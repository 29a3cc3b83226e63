"""Tests that need a browser, a display or a build tool: skip locally, fail in CI.

In CI (``CI=true``) a missing prerequisite is a failure, never a skip, so a green run means
these tests ran. Locally they skip with a message saying what to install.
"""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(available: bool, what_to_install: str) -> None:
    if available:
        return
    if IN_CI:
        pytest.fail(f"missing prerequisite in CI: {what_to_install}")
    pytest.skip(f"needs {what_to_install}")
