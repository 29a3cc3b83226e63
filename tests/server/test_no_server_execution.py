"""Code runs in browsers, never on the interviewer's machine."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVER_DIR = Path(__file__).resolve().parents[2] / "server"


@pytest.mark.parametrize(
    ("language", "template"),
    [
        ("python", "import pathlib; pathlib.Path({path!r}).write_text('ran')"),
        ("python", "__import__('os').system('touch {path}')"),
        ("javascript", "require('fs').writeFileSync({path!r}, 'ran')"),
        ("sql", "ATTACH DATABASE '{path}' AS pwned; CREATE TABLE pwned.t(x);"),
    ],
)
async def test_execute_code_is_relayed_verbatim_and_never_run(room, tmp_path, language, template):
    marker = tmp_path / "executed"
    code = template.format(path=str(marker))
    alice = await room.peer("Alice")
    bob = await room.peer("Bob")

    await alice.send("execute-code", language=language, code=code)
    await alice.send("code-change", changes=code)
    seen = await alice.barrier(bob)

    forwarded = [m["payload"]["code"] for m in seen[bob] if m["type"] == "execute-code"]
    assert forwarded == [code]
    assert not marker.exists()


def _calls(tree: ast.AST) -> tuple[set[str], set[str]]:
    """Names called bare (``eval(...)``) and as attributes (``os.system(...)``)."""
    bare, attributes = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                bare.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                attributes.add(node.func.attr)
    return bare, attributes


def test_server_code_has_no_way_to_evaluate_or_spawn():
    builtins = {"eval", "exec", "compile", "__import__"}
    spawners = {
        "system",
        "popen",
        "Popen",
        "run_path",
        "execv",
        "execve",
        "spawnv",
        "create_subprocess_exec",
        "create_subprocess_shell",
    }
    for source in SERVER_DIR.rglob("*.py"):
        tree = ast.parse(source.read_text(), filename=str(source))
        bare, attributes = _calls(tree)
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            (node.module or "").split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
        }
        assert not (bare & builtins), f"{source.name} calls {bare & builtins}"
        assert not (attributes & spawners), f"{source.name} calls {attributes & spawners}"
        assert not ({"subprocess", "runpy", "code", "pty"} & imported), source.name
