"""The corpus's comparisons: the SQL runner's tables as the sqlite3 shell's list mode, and
Node's output without Node's own stack frames."""

from __future__ import annotations

from tests.support.corpus import sql_as_shell_lists, without_node_internal_frames


def test_tables_become_header_and_rows_joined_by_bars_and_empty_results_vanish():
    output = (
        "name | n\n-----+---\nAda  |  1\nbob  | 12\n(2 rows)\n"
        "\nx\n-\n(0 rows)\n"
        "\nnote\n----------\né 😀 x | y\n(1 row)\n"
    )

    assert sql_as_shell_lists(output) == "name|n\nAda|1\nbob|12\nnote\né 😀 x | y\n"


def test_a_script_without_results_prints_nothing():
    assert sql_as_shell_lists("(no rows returned)\n") == ""


def test_only_nodes_own_frames_leave_a_native_stack():
    native = (
        "Error: boom\n"
        "    at main.js:2:9\n"
        "    at inner (main.js:1:20)\n"
        "    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)\n"
        "    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)\n"
        "done, at node:internal/ in text stays\n"
    )

    assert without_node_internal_frames(native) == (
        "Error: boom\n    at main.js:2:9\n    at inner (main.js:1:20)\n"
        "done, at node:internal/ in text stays\n"
    )
