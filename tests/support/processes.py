"""Ending the subprocesses tests start (servers, the app, Xvfb), politely first."""

from __future__ import annotations

import subprocess


def stop_process(process: subprocess.Popen[str] | subprocess.Popen[bytes] | None) -> None:
    """SIGTERM, then SIGKILL if it has not ended within 10 s; nothing if it already ended."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)
