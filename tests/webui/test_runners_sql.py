"""SQL keeps what ran before an error and says on which line it failed; numbers print as
SQLite prints them; an empty result still has its header."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST
from tests.support.runs import run

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_results_before_an_error_stay_and_the_error_names_its_line(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        "CREATE TABLE t (id INTEGER PRIMARY KEY);\n"
        "INSERT INTO t VALUES (1);\n"
        "SELECT id FROM t;\n"
        "-- the next one fails\n"
        "SELECT *\n  FROM missing;\n"
        "SELECT 2;\n"
    )

    result = await run(alice, code, language="sql")

    assert result["output"] == "id\n--\n 1\n(1 row)\n"
    assert result["error"] == "Parse error near line 5: no such table: missing"
    assert "failed" in result["status"]


async def test_a_runtime_error_keeps_the_earlier_results(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        "CREATE TABLE t (id INTEGER PRIMARY KEY);\n"
        "INSERT INTO t VALUES (1);\n"
        "SELECT count(*) AS n FROM t;\n"
        "INSERT INTO t VALUES (1);\n"
    )

    result = await run(alice, code, language="sql")

    assert result["output"] == "n\n-\n1\n(1 row)\n"
    assert result["error"] == "Runtime error near line 4: UNIQUE constraint failed: t.id"


async def test_reals_print_as_sqlite_prints_them(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await run(
        alice, "SELECT 50000.0 AS salary, 0.1 + 0.2 AS sum, 7 AS whole, 7 / 2 AS q;", "sql"
    )

    assert result["output"] == (
        "salary  | sum                 | whole | q\n"
        "--------+---------------------+-------+--\n"
        "50000.0 | 0.30000000000000004 |     7 | 3\n"
        "(1 row)\n"
    )


async def test_an_empty_result_still_shows_its_columns(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await run(
        alice, "CREATE TABLE people (id INTEGER, name TEXT);\nSELECT id, name FROM people;", "sql"
    )

    assert result["output"] == "id | name\n---+-----\n(0 rows)\n"
