"""PyInstaller's splash screen: shown by the one-file executable while it unpacks (seconds,
with Qt), closed by us once there is something better to look at."""

from __future__ import annotations

import contextlib
import sys


def close_splash() -> None:
    """Close the splash if this is a frozen build that shows one; otherwise do nothing."""
    if not getattr(sys, "frozen", False):
        return
    try:
        import pyi_splash  # type: ignore[import-untyped]  # exists only inside the build
    except ImportError:
        return
    with contextlib.suppress(Exception):  # already closed, or no display for it
        pyi_splash.close()
