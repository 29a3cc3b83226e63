"""The corpus's reading of the SQL runner's tables as the sqlite3 shell's list mode."""

from __future__ import annotations

from tests.support.corpus import sql_as_shell_lists


def test_tables_become_header_and_rows_joined_by_bars_and_empty_results_vanish():
    output = (
        "name | n\n-----+---\nAda  |  1\nbob  | 12\n(2 rows)\n"
        "\nx\n-\n(0 rows)\n"
        "\nnote\n----------\né 😀 x | y\n(1 row)\n"
    )

    assert sql_as_shell_lists(output) == "name|n\nAda|1\nbob|12\nnote\né 😀 x | y\n"


def test_a_script_without_results_prints_nothing():
    assert sql_as_shell_lists("(no rows returned)\n") == ""
