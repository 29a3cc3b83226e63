"""The corpus (tests/corpus/: real programs from public repositories, with their native
outputs) run in Chromium through the Run button prints exactly what the native interpreter
printed: CPython, Node, tsc + Node, the sqlite3 shell.

One page runs them all, language by language, each on the warm runtime the previous run left
(a Python or JavaScript run gets a fresh worker, as every run does). Programs excluded in the
manifest (with the reason) are not run; tests/corpus/README.md lists them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser

from tests.support.browser import LAN_HOST, RoomPage, open_page
from tests.support.corpus import (
    Program,
    RunResult,
    choose_language,
    programs,
    run_program,
    set_program,
    sql_as_shell_lists,
    without_node_internal_frames,
)
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

PROGRAMS = programs()


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def corpus_page(browser: Browser, server: ServerProcess) -> AsyncIterator[RoomPage]:
    page = await open_page(
        browser, f"http://{LAN_HOST}:{server.port}", f"/s/{server.create_session()}?name=Corpus"
    )
    yield page
    await page.context.close()
    assert page.stayed_local() == []
    assert page.errors == []


def expected_output(program: Program) -> str:
    if program.language in ("javascript", "typescript"):
        return without_node_internal_frames(program.stdout)
    return program.stdout


def shown_output(program: Program, result: RunResult) -> str:
    if program.language == "sql":
        return sql_as_shell_lists(result.stdout)
    return result.stdout


def check_failure(program: Program, result: RunResult) -> None:
    """A program that failed natively fails in the browser, with the native error."""
    assert result.status.startswith("failed"), result
    if program.language == "python":
        assert program.stderr.endswith(result.error + "\n")
    elif program.language == "sql":
        assert result.error == program.stderr.splitlines()[0]
    elif program.language == "typescript" and "error TS" in program.stdout:
        assert "(tsc --strict): the program was not run." in result.error
    else:
        assert result.error.splitlines()[0] in program.stderr


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.id for p in PROGRAMS])
async def test_program_prints_what_the_native_interpreter_prints(
    corpus_page: RoomPage, program: Program
):
    await choose_language(corpus_page.page, program.language)
    await set_program(corpus_page.page, program)

    result = await run_program(corpus_page.page, program)

    assert shown_output(program, result) == expected_output(program)
    if program.exit == 0:
        assert result.status.startswith("finished"), result
        assert (result.stderr, result.error) == (program.stderr, "")
    else:
        check_failure(program, result)
