"""Hatch build hook: a wheel carries the built web UI, so `pip install .` gives a working app.

The UI is built with npm from webui/ (npm ci, then vite build) unless an up-to-date build is
already there, and lands inside the wheel as ``server/_ui``, where server/assets.py looks.
Editable installs skip this: a checkout serves webui/dist directly.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

UI_SOURCES = ("src", "public", "index.html", "package.json", "package-lock.json", "vite.config.ts")


class WebUIBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "webui"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        dist = ensure_ui_built(Path(self.root) / "webui")
        build_data["force_include"][str(dist)] = "server/_ui"


def ensure_ui_built(webui: Path) -> Path:
    """Build the web UI unless webui/dist is newer than every source; returns webui/dist.
    Also used by build_scripts/build.py for the executable."""
    dist = webui / "dist"
    if _stale(webui, dist):
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("building PairPad's web UI needs Node.js 20+ (npm) on PATH")
        if not (webui / "node_modules").is_dir():
            subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=webui, check=True)
        subprocess.run([npm, "run", "build"], cwd=webui, check=True)
    return dist


def _stale(webui: Path, dist: Path) -> bool:
    index = dist / "index.html"
    if not index.is_file():
        return True
    built = index.stat().st_mtime
    for name in UI_SOURCES:
        source = webui / name
        files = source.rglob("*") if source.is_dir() else [source]
        if any(f.is_file() and f.stat().st_mtime > built for f in files):
            return True
    return False
