"""Records each corpus program's output under the native interpreter, next to the program.

    python -m tests.corpus.record [--python python3.13] [--only python/some-id ...]

- Python: ``python main.py`` (the CPython named by --python; PairPad runs Pyodide's Python,
  so the closest CPython there is should record: see the manifest's ``native`` versions).
- JavaScript: ``node main.js`` as an ES module (package.json ``"type": "module"``), as the
  runner treats the code (`node main.mjs`).
- TypeScript: ``tsc --strict --target es2022 --module es2022 --lib es2022`` (typescript-js,
  the compiler the runner loads) with Node's own types (@types/node), then ``node main.js``;
  when tsc reports an error the program does not run and tsc's report is the output.
- SQL: ``sqlite3 -bail -batch -header -nullvalue NULL :memory:`` with the program on stdin.

Each program runs in a fresh temporary folder with its manifest stdin. Written next to it:
``<name>.stdout`` and, when not empty, ``<name>.stderr``, with the temporary folder's path
replaced by the runner's (``/home/user`` for Python, nothing for Node's ``file://`` URLs).
The exit status goes into manifest.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent
ROOT = CORPUS.parents[1]
MANIFEST = CORPUS / "manifest.json"
NODE_MODULES = ROOT / "webui" / "node_modules"
TSC = NODE_MODULES / "typescript-js" / "bin" / "tsc"
TSC_OPTIONS = [
    "--strict",
    "--target",
    "es2022",
    "--module",
    "es2022",
    "--moduleResolution",
    "bundler",
    "--moduleDetection",
    "force",
    "--lib",
    "es2022",
    "--types",
    "node",
    "--typeRoots",
    str(NODE_MODULES / "@types"),
    "--skipLibCheck",
    "--pretty",
    "false",
]
SQLITE = ["sqlite3", "-bail", "-batch", "-header", "-nullvalue", "NULL", ":memory:"]
TIMEOUT_SECONDS = 30
PYTHON_HOME = "/home/user"  # where the runner saves main.py (workers/python/run_main.py)


class Outcome:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit = exit_code
        self.stdout = stdout
        self.stderr = stderr


def run(command: list[str], folder: Path, stdin: str) -> Outcome:
    done = subprocess.run(
        command,
        cwd=folder,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def native_python(python: str) -> Callable[[str, str, Path], Outcome]:
    def record(code: str, stdin: str, folder: Path) -> Outcome:
        (folder / "main.py").write_text(code)
        outcome = run([python, "main.py"], folder, stdin)
        outcome.stdout = outcome.stdout.replace(str(folder), PYTHON_HOME)
        outcome.stderr = outcome.stderr.replace(str(folder), PYTHON_HOME)
        return outcome

    return record


def as_node_module(folder: Path) -> None:
    (folder / "package.json").write_text('{"type": "module"}\n')


def without_folder(outcome: Outcome, folder: Path) -> Outcome:
    for prefix in (f"file://{folder}/", f"{folder}/"):
        outcome.stdout = outcome.stdout.replace(prefix, "")
        outcome.stderr = outcome.stderr.replace(prefix, "")
    return outcome


def native_javascript(code: str, stdin: str, folder: Path) -> Outcome:
    as_node_module(folder)
    (folder / "main.js").write_text(code)
    return without_folder(run(["node", "main.js"], folder, stdin), folder)


def native_typescript(code: str, stdin: str, folder: Path) -> Outcome:
    as_node_module(folder)
    (folder / "main.ts").write_text(code)
    checked = run(["node", str(TSC), *TSC_OPTIONS, "main.ts"], folder, "")
    if checked.exit != 0:
        return without_folder(checked, folder)
    return without_folder(run(["node", "main.js"], folder, stdin), folder)


def native_sql(code: str, stdin: str, folder: Path) -> Outcome:
    return run(SQLITE, folder, code)


def versions(python: str) -> dict[str, str]:
    def first_line(command: list[str]) -> str:
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        return (done.stdout or done.stderr).strip().splitlines()[0]

    return {
        "python": first_line([python, "--version"]),
        "node": first_line(["node", "--version"]),
        "typescript": first_line(["node", str(TSC), "--version"]),
        "typesNode": json.loads((NODE_MODULES / "@types/node/package.json").read_text())["version"],
        "sqlite3": first_line(["sqlite3", "--version"]).split()[0],
    }


def record(program: dict[str, Any], recorder: Callable[[str, str, Path], Outcome]) -> None:
    path = CORPUS / program["program"]
    with tempfile.TemporaryDirectory(prefix="pairpad-corpus-") as name:
        outcome = recorder(path.read_text(), program["stdin"], Path(name).resolve())
    stem = path.with_suffix("")
    stdout, stderr = stem.with_suffix(".stdout"), stem.with_suffix(".stderr")
    stdout.write_text(outcome.stdout)
    if outcome.stderr:
        stderr.write_text(outcome.stderr)
    elif stderr.exists():
        stderr.unlink()
    program["native"] = {
        "exit": outcome.exit,
        "stdout": str(stdout.relative_to(CORPUS)),
        "stderr": str(stderr.relative_to(CORPUS)) if outcome.stderr else None,
    }


def default_python() -> str:
    """The newest CPython on PATH, as its real executable (a pyenv shim costs 0.3 s a start)."""
    for name in ("python3.14", "python3.13", "python3"):
        if found := shutil.which(name):
            done = subprocess.run(
                [found, "-c", "import sys; print(sys.executable)"],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode == 0:
                return done.stdout.strip()
    raise SystemExit("no python3 on PATH")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=default_python(), help="the CPython to record with")
    parser.add_argument("--only", nargs="*", default=[], help="program ids")
    args = parser.parse_args()
    recorders: dict[str, Callable[[str, str, Path], Outcome]] = {
        "python": native_python(args.python),
        "javascript": native_javascript,
        "typescript": native_typescript,
        "sql": native_sql,
    }
    manifest = json.loads(MANIFEST.read_text())
    manifest["native"] = versions(args.python)
    for program in manifest["programs"]:
        if args.only and program["id"] not in args.only:
            continue
        record(program, recorders[program["language"]])
        print(f"{program['id']}: exit {program['native']['exit']}", flush=True)
    MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
