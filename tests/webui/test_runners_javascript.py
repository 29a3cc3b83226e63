"""JavaScript runs as `node main.mjs` would: until no timer is pending, ended by uncaught
errors and unhandled rejections, as a module, and printed as Node's console prints."""

from __future__ import annotations

import asyncio
from asyncio.subprocess import PIPE
from pathlib import Path

import pytest

from tests.support.browser import LAN_HOST
from tests.support.runs import run

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_a_run_ends_when_no_timer_is_left_not_before(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        'setTimeout(() => console.log("later"), 100);\n'
        "const tick = setInterval(() => {\n"
        '  console.log("tick");\n'
        "  if (++ticks === 3) clearInterval(tick);\n"
        "}, 20);\n"
        "let ticks = 0;\n"
        'Promise.resolve().then(() => console.log("microtask"));\n'
        'console.log("now");\n'
    )

    result = await run(alice, code, language="javascript")

    assert result["output"] == "now\nmicrotask\ntick\ntick\ntick\nlater\n"
    assert result["error"] == ""


async def test_an_interval_never_cleared_runs_until_the_timeout(start_server, open_room):
    server = start_server(run_timeout_seconds="2")
    alice = await open_room(server.create_session(), "Alice", host=LAN_HOST, on=server)

    result = await run(alice, "setInterval(() => console.log('tick'), 300);", "javascript")

    assert result["error"] == "Timed out after 2 s: stopped."
    assert result["output"].count("tick\n") >= 4


async def test_an_error_in_a_timer_callback_fails_the_run_with_its_stack(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        "function explode() {\n"
        '  throw new Error("boom");\n'
        "}\n"
        "setTimeout(explode, 10);\n"
        'setTimeout(() => console.log("never"), 200);\n'
    )

    result = await run(alice, code, language="javascript")

    assert result["error"] == "Error: boom\n    at explode (main.js:2:9)"
    assert "failed" in result["status"]
    assert result["output"] == ""


async def test_a_stack_the_program_prints_has_the_editors_lines_and_no_frame_of_ours(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        "function explode() {\n"
        '  throw new Error("boom");\n'
        "}\n"
        "try {\n"
        "  explode();\n"
        "} catch (error) {\n"
        "  console.log(error.stack);\n"
        "  console.log([error]);\n"
        "}\n"
    )

    result = await run(alice, code, language="javascript")

    # Node's own: these frames, then its module loader's (node:internal/...).
    frames = "Error: boom\n    at explode (main.js:2:9)\n    at main.js:5:3"
    assert result["output"] == f"{frames}\n[\n  {frames.replace(chr(10), chr(10) + '  ')}\n]\n"


async def test_an_unhandled_rejection_fails_the_run_as_in_node(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    error_run = await run(
        alice, 'async function load() {\n  throw new TypeError("bad");\n}\nload();\n', "javascript"
    )
    value_run = await run(alice, 'Promise.reject("nope");', "javascript")

    assert error_run["error"].startswith("TypeError: bad\n    at load (main.js:2:9)")
    assert "failed" in error_run["status"]
    assert value_run["error"].startswith("[UnhandledPromiseRejection: This error originated")
    assert "The promise rejected with the reason \"'nope'\"." in value_run["error"]


async def test_code_runs_as_a_module_with_top_level_await_and_exports(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        'import { inspect } from "node:util";\n'
        "export const twice = (n) => 2 * n;\n"
        "export default function main() {}\n"
        "const value = await new Promise((resolve) => setTimeout(() => resolve(21), 10));\n"
        "console.log(twice(value), typeof main, this, inspect('x'));\n"
    )

    result = await run(alice, code, language="javascript")

    assert result["output"] == "42 function undefined 'x'\n"
    assert result["error"] == ""


async def test_an_unavailable_import_says_why(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await run(alice, 'console.log("first");\nimport fs from "fs";\n', "javascript")

    assert result["output"] == ""  # imports come first, as in Node: nothing ran
    assert result["error"].startswith('Error: Cannot import "fs" (main.js:2): PairPad runs')


async def test_a_syntax_error_shows_the_line_and_column_as_node_does(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await run(alice, "const a = 1;\nlet b = a +;\n", language="javascript")

    assert (
        result["error"] == "main.js:2\nlet b = a +;\n           ^\n\nSyntaxError: Unexpected token"
    )
    assert "failed" in result["status"]


# Kept as a file: its lines are JavaScript, as long as the cases need.
CONSOLE_CASES = (Path(__file__).parent / "data" / "console_cases.mjs").read_text()


async def test_console_log_prints_exactly_what_node_prints(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    node = await asyncio.create_subprocess_exec(
        "node", "--input-type=module", "-e", CONSOLE_CASES, stdout=PIPE, stderr=PIPE
    )
    stdout, stderr = await node.communicate()
    assert node.returncode == 0, stderr.decode()

    result = await run(alice, CONSOLE_CASES, language="javascript")

    assert result["output"] == (stdout + stderr).decode()
    assert result["error"] == ""
