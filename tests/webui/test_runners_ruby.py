"""Ruby 3.4 runs in the browser (ruby.wasm on a WASI shim) as `ruby main.rb` would: puts and
print as they are written, gets from the Input box, errors with their line (and, for syntax
errors, the column), runaway loops stopped by Stop or the session's timeout with a warm spare
taking over, output capped."""

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


async def test_puts_print_and_p_reach_the_output_even_without_a_last_newline(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = 'puts 1 + 1\np [3, 1, 2].sort, nil\nrequire "set"\nputs Set[1].size\nprint "end"'

    result = await run(alice, code, language="ruby")

    assert result["output"] == "2\n[1, 2, 3]\nnil\n1\nend"
    assert result["error"] == ""
    assert any(url.endswith(".wasm") and "/ruby_stdlib-" in url for url in alice.requests)


async def test_an_error_names_its_line_as_ruby_prints_it(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = 'def check(n)\n  raise ArgumentError, "boom #{n}"\nend\n\ncheck(7)\n'

    result = await run(alice, code, language="ruby")

    assert result["error"] == (
        "main.rb:2:in 'Object#check': boom 7 (ArgumentError)\n\tfrom main.rb:5:in '<main>'"
    )
    assert "failed" in result["status"]


async def test_a_syntax_error_names_its_line_and_points_at_the_column(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await run(alice, "x = 1\nx = = 2\n", language="ruby")

    assert result["error"].startswith(
        "main.rb:2: syntax errors found (SyntaxError)\n"
        "  1 | x = 1\n"
        "> 2 | x = = 2\n"
        "    |   ^ expected an expression after `=`\n"
    )


async def test_gets_reads_the_input_box(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await give_stdin(alice, "Ada\n3 4\n")
    code = 'name = gets.chomp\na, b = gets.split.map(&:to_i)\nputs "hi #{name} #{a * b}"\np gets\n'

    result = await run(alice, code, language="ruby")

    assert result["output"] == "hi Ada 12\nnil\n"


async def test_runaway_loop_is_stopped_and_the_warm_spare_answers_within_a_second(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await warm_with_spare(alice, "ruby", "puts 'warm'")

    stopped = await stop_runaway(alice, "loop {}")

    assert stopped["error"] == "Stopped."
    assert await seconds_to_output(alice, "puts 2", "2\n") < 1.0


async def test_runaway_loop_is_ended_by_the_sessions_timeout(start_server, open_room):
    server = start_server(run_timeout_seconds="2")
    alice = await open_room(server.create_session(), "Alice", host=LAN_HOST, on=server)
    await warm_with_spare(alice, "ruby", "puts 'warm'")

    result = await run(alice, "loop {}")

    assert result["error"] == "Timed out after 2 s: stopped."
    assert (await run(alice, "puts 'alive'"))["output"] == "alive\n"


async def test_output_past_the_line_cap_is_cut_and_marked_truncated(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    # Twice the 10,000-line cap: Ruby prints ~10,000 lines a second here, a million would
    # only be ended by the timeout.
    result = await run_on_warm_runtime(alice, "ruby", "puts 'warm'", "20_000.times { |i| puts i }")

    assert result["truncated"] == "True"
    assert result["output"].startswith("0\n1\n2\n")
    assert result["output"].count("\n") <= 10_000


async def test_exit_with_a_status_ends_the_program_and_says_so(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await run(alice, "puts 'before'\nexit 3\nputs 'after'", language="ruby")

    assert result["output"] == "before\n"
    assert result["error"] == "Exited with status 3."
