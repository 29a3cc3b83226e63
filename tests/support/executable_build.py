"""The single executable's build, started in the background as soon as the test session
knows it will launch it (tests/conftest.py), so its minutes overlap the rest of the suite
instead of adding to it. It runs at the lowest CPU priority: a test that measures its own
timing keeps the cores, and the build takes what they leave idle (browser tests mostly wait).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support.server import ROOT

EXECUTABLE = ROOT / "dist" / ("PairPad.exe" if sys.platform == "win32" else "pairpad")


class BackgroundBuild:
    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._log = Path(tempfile.mkstemp(prefix="pairpad-build-", suffix=".log")[1])
        self._started = 0.0

    def start(self) -> None:
        if self._process is not None:
            return
        self._started = time.monotonic()
        with self._log.open("wb") as log:
            self._process = subprocess.Popen(
                [sys.executable, str(ROOT / "build_scripts" / "build.py")],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_lowest_priority if hasattr(os, "nice") else None,
            )

    def wait(self, timeout: float) -> Path:
        """The built executable; raises AssertionError with the build's output if it failed."""
        self.start()  # not started by the collection hook: e.g. a single test re-run by id
        assert self._process is not None
        returncode = self._process.wait(timeout)
        output = self._log.read_text(errors="replace")
        assert returncode == 0, f"the build failed:\n{output}"
        elapsed = time.monotonic() - self._started
        print(f"\n{output.strip().splitlines()[-1]} (started {elapsed:.0f} s before it was needed)")
        assert EXECUTABLE.is_file()
        return EXECUTABLE

    def stop(self) -> None:
        """End of the session: a build nobody waited for (tests deselected) is not left running."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()


def _lowest_priority() -> None:
    os.nice(19)


BUILD = BackgroundBuild()
