"""Build PairPad's single executable: the web UI first, then PyInstaller with pairpad.spec.

    python build_scripts/build.py        (or: make dist)

Prints where the result is and how big it is.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hatch_build import ensure_ui_built  # noqa: E402  (needs ROOT on sys.path)

SPEC = ROOT / "build_scripts" / "pairpad.spec"
ARTEFACT = {"win32": "PairPad.exe", "darwin": "PairPad.app"}.get(sys.platform, "pairpad")


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return path.stat().st_size


def main() -> int:
    started = time.monotonic()
    ensure_ui_built(ROOT / "webui")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(SPEC),
            "--noconfirm",
            "--clean",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            "--log-level",
            "WARN",
        ],
        cwd=ROOT,
        check=True,
    )
    artefact = ROOT / "dist" / ARTEFACT
    print(
        f"built {artefact.relative_to(ROOT)}: {size_of(artefact) / 1e6:.0f} MB "
        f"in {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
