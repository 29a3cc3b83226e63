"""SQL on PostgreSQL runs in the browser (PGlite): a fresh database per run, tables printed as
the SQLite runner prints them, results before an error kept, the error as psql shows it with
its line and column, runaway queries stopped by Stop or the timeout, output capped."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST
from tests.support.runs import (
    run,
    run_on_warm_runtime,
    seconds_to_output,
    stop_runaway,
    warm_with_spare,
)

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

RUNAWAY = (
    "WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever)\n"
    "SELECT count(*) FROM forever;"
)


async def test_a_select_prints_the_same_table_as_sqlite(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        "CREATE TABLE people (id serial PRIMARY KEY, name text, salary numeric);\n"
        "INSERT INTO people (name, salary) VALUES ('Ada', 50000.0), ('Bo', NULL);\n"
        "SELECT id, name, salary FROM people ORDER BY id;\n"
        "SELECT 1 AS x WHERE false;\n"
    )

    result = await run(alice, code, language="postgres")

    assert result["output"] == (
        "id | name | salary\n"
        "---+------+--------\n"
        " 1 | Ada  | 50000.0\n"
        " 2 | Bo   |    NULL\n"
        "(2 rows)\n"
        "\n"
        "x\n"
        "-\n"
        "(0 rows)\n"
    )
    assert result["error"] == ""
    assert any(url.endswith(".wasm") and "/pglite-" in url for url in alice.requests)


async def test_each_run_gets_a_fresh_database(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    # Left behind: a table, a schema, a setting, and a transaction still open.
    left = "CREATE TABLE t (id int);\nCREATE SCHEMA extra;\nSET search_path = extra;\nBEGIN;"
    await run(alice, left, language="postgres")

    result = await run(
        alice, "CREATE SCHEMA extra;\nCREATE TABLE public.t (id int);\nSELECT count(*) AS n FROM t;"
    )

    assert result["output"] == "n\n-\n0\n(1 row)\n"


async def test_results_before_an_error_stay_and_the_error_points_at_line_and_column(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = "SELECT 1 AS one;\n-- the next one fails\nSELECT *\n  FROM missing;\nSELECT 2;\n"

    result = await run(alice, code, language="postgres")

    assert result["output"] == "one\n---\n  1\n(1 row)\n"
    assert result["error"] == (
        'ERROR:  relation "missing" does not exist\nLINE 4:   FROM missing;\n               ^'
    )
    assert "failed" in result["status"]


async def test_runaway_query_is_stopped_and_the_warm_spare_answers_within_a_second(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await warm_with_spare(alice, "postgres", "SELECT 1;")

    stopped = await stop_runaway(alice, RUNAWAY)

    assert stopped["error"] == "Stopped."
    assert await seconds_to_output(alice, "SELECT 2 AS two;", "two\n---\n  2\n(1 row)\n") < 1.0


async def test_runaway_query_is_ended_by_the_sessions_timeout(start_server, open_room):
    server = start_server(run_timeout_seconds="2")
    alice = await open_room(server.create_session(), "Alice", host=LAN_HOST, on=server)
    await warm_with_spare(alice, "postgres", "SELECT 1;")

    result = await run(alice, RUNAWAY)

    assert result["error"] == "Timed out after 2 s: stopped."
    assert (await run(alice, "SELECT 'alive' AS s;"))["output"] == "s\n-----\nalive\n(1 row)\n"


async def test_a_huge_result_is_capped_and_marked_truncated(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    result = await run_on_warm_runtime(
        alice, "postgres", "SELECT 1;", "SELECT n FROM generate_series(1, 200000) AS n;"
    )

    assert result["truncated"] == "True"
    assert result["output"].startswith("n\n------\n     1\n     2\n")
    assert result["output"].count("\n") <= 10_000
