"""Lua 5.4 runs in the browser (wasmoon) as `lua main.lua` would: print and io.write, io.read
from the Input box, errors with their line and traceback, runaway loops stopped by Stop or the
session's timeout with a warm spare taking over, output capped."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST
from tests.support.runs import (
    give_stdin,
    run,
    run_on_warm_runtime,
    seconds_to_output,
    stop_runaway,
    warm_with_spare,
)

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_print_and_io_write_reach_the_output_even_without_a_last_newline(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = 'print(1 + 1, "two", nil, 2.5)\nio.write("no newline ", 3, " ", 1.0)'

    result = await run(alice, code, language="lua")

    assert result["output"] == "2\ttwo\tnil\t2.5\nno newline 3 1"
    assert result["error"] == ""
    assert "lua.worker" in " ".join(alice.requests)
    assert any(url.endswith(".wasm") and "/glue-" in url for url in alice.requests)


async def test_an_error_names_its_line_with_the_traceback_lua_prints(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = "local function check(n)\n  error('boom ' .. n)\nend\n\ncheck(7)\n"

    result = await run(alice, code, language="lua")

    assert result["error"] == (
        "main.lua:2: boom 7\n"
        "stack traceback:\n"
        "\t[C]: in function 'error'\n"
        "\tmain.lua:2: in local 'check'\n"
        "\tmain.lua:5: in main chunk"
    )
    assert "failed" in result["status"]


async def test_a_syntax_error_names_its_line(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await run(alice, "local x = 1\nx = = 2\n", language="lua")

    assert result["error"] == "main.lua:2: unexpected symbol near '='"


async def test_io_read_reads_the_input_box(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await give_stdin(alice, "Ada\n3 4\n")
    code = (
        "local name = io.read()\n"
        "local a, b = io.read('n', 'n')\n"
        "print('hi ' .. name, a * b)\n"
        "print(io.read())\n"
    )

    result = await run(alice, code, language="lua")

    assert result["output"] == "hi Ada\t12\n\n"


async def test_runaway_loop_is_stopped_and_the_warm_spare_answers_within_a_second(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await warm_with_spare(alice, "lua", "print('warm')")

    stopped = await stop_runaway(alice, "while true do end")

    assert stopped["error"] == "Stopped."
    assert await seconds_to_output(alice, "print(2)", "2\n") < 1.0


async def test_runaway_loop_is_ended_by_the_sessions_timeout(start_server, open_room):
    server = start_server(run_timeout_seconds="2")
    alice = await open_room(server.create_session(), "Alice", host=LAN_HOST, on=server)

    result = await run(alice, "while true do end", language="lua")

    assert result["error"] == "Timed out after 2 s: stopped."
    assert (await run(alice, "print('alive')"))["output"] == "alive\n"


async def test_a_million_prints_are_capped_and_marked_truncated(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    result = await run_on_warm_runtime(
        alice, "lua", "print('warm')", "for i = 0, 10^6 do print(i) end"
    )

    assert result["truncated"] == "True"
    assert result["output"].startswith("0\n1\n2\n")
    assert result["output"].count("\n") <= 10_000


async def test_os_exit_ends_the_program_and_says_a_failing_status(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await run(alice, "print('before')\nos.exit(3)\nprint('after')", language="lua")

    assert result["output"] == "before\n"
    assert result["error"] == "Exited with status 3."
