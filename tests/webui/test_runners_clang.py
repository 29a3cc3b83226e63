"""C and C++ compile and run in the browser (Clang/LLD in WebAssembly, the program on a WASI
shim): output, compile errors with line and column, stdin, <bits/stdc++.h>, exceptions caught
(the program's and the C++ library's) and an uncaught one ending the program as on Linux,
runaway loops stopped by Stop or the timeout with a warm spare taking over, output capped. One
compiler serves every test (a module-scoped page), because loading one takes 20–60 s on a busy
2-core machine."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.support.browser import LAN_HOST, RoomPage, open_page
from tests.support.runs import (
    give_stdin,
    newest_entry_when_done,
    run,
    seconds_to_output,
    stop_runaway,
    warm_with_spare,
)

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

HELLO_CPP = '#include <iostream>\nint main() { std::cout << "warm" << std::endl; }\n'


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def alice(browser, server) -> AsyncIterator[RoomPage]:
    """One page and its compiler for the module's tests (each test says its language)."""
    page = await open_page(
        browser, f"http://{LAN_HOST}:{server.port}", f"/s/{server.create_session()}?name=Alice"
    )
    await warm_with_spare(page, "cpp", HELLO_CPP, runtime="clang")
    yield page
    await page.context.close()
    assert page.stayed_local() == [], f"requests left {page.origin}: {page.stayed_local()}"
    assert page.errors == [], f"page errors: {page.errors}"


async def in_cpp(page: RoomPage) -> RoomPage:
    """The page with C++ chosen (another test may have left C)."""
    await page.testid("language-select").select_option("cpp")
    return page


async def test_cpp_with_bits_stdcpp_sorts_and_prints(alice):
    code = (
        "#include <bits/stdc++.h>\n"
        "using namespace std;\n"
        "int main() {\n"
        "  vector<int> v{3, 1, 2};\n"
        "  sort(v.begin(), v.end());\n"
        '  map<string, int> m{{"a", 1}};\n'
        "  for (int x : v) cout << x << ' ';\n"
        "  cout << m[\"a\"] << '\\n';\n"
        '  printf("%.2f", 2.5);\n'
        "}\n"
    )

    result = await run(alice, code, language="cpp")

    assert result["output"] == "1 2 3 1\n2.50"
    assert result["error"] == ""


async def test_c_compiles_and_runs(alice):
    code = r"""#include <stdio.h>
#include <math.h>
#include <setjmp.h>
jmp_buf back;
void deep(int n) { if (n == 3) longjmp(back, n); deep(n + 1); }
int main(void) {
  printf("%d %.1f\n", 6 * 7, sqrt(2.25));
  int depth = setjmp(back);
  if (depth == 0) deep(0);
  printf("back from %d\n", depth);
  return 0;
}
"""

    result = await run(alice, code, language="c")

    assert result["output"] == "42 1.5\nback from 3\n"
    assert result["error"] == ""


async def test_cpp_files_are_kept_in_memory_for_the_run(alice):
    code = r"""#include <bits/stdc++.h>
int main() {
  { std::ofstream out("scores.txt"); out << "ada 3\n"; }
  std::ifstream in("scores.txt");
  std::string name; int score;
  in >> name >> score;
  std::cout << name << ' ' << score * 2 << '\n';
}
"""

    result = await run(alice, code, language="cpp")

    assert result["output"] == "ada 6\n"


async def test_a_compile_error_names_its_line_and_column(alice):
    code = "#include <iostream>\nint main() {\n  int x = 1\n  std::cout << x;\n}\n"

    result = await run(alice, code, language="cpp")

    assert "main.cpp:3:12: error: expected ';' at end of declaration" in result["error"]
    assert "failed" in result["status"]


async def test_an_uncaught_throw_ends_the_program_saying_what_was_thrown(alice):
    code = (
        "#include <bits/stdc++.h>\n"
        'int check(int n) { if (n > 2) throw std::invalid_argument("too big"); return n; }\n'
        'int main() { std::cout << "before" << std::endl; check(7); }\n'
    )

    result = await run(alice, code, language="cpp")

    assert result["output"] == (
        "before\n"
        "terminate called after throwing an instance of 'std::invalid_argument'\n"
        "  what():  too big\n"
    )
    assert result["error"] == "Aborted."


async def test_catch_takes_what_was_thrown_by_the_program_and_by_the_library(alice):
    code = r"""#include <bits/stdc++.h>
using namespace std;
struct Guard { ~Guard() { cout << "unwound "; } };
struct NotFound : runtime_error { using runtime_error::runtime_error; };
int find(int key) { Guard g; if (key < 0) throw NotFound("no " + to_string(key)); return key; }
int main() {
  try { find(-1); } catch (const exception& e) { cout << "caught " << e.what() << '\n'; }
  vector<int> v(3);
  try { v.at(5) = 1; } catch (const out_of_range& e) { cout << "at: " << e.what() << '\n'; }
  try { cout << stoi("abc"); } catch (const invalid_argument& e) { cout << e.what() << '\n'; }
  try { try { throw 42; } catch (int n) { cout << n << ' '; throw; } }
  catch (...) { cout << "rethrown\n"; }
}
"""

    result = await run(alice, code, language="cpp")

    assert (
        result["output"] == "unwound caught no -1\nat: vector\nstoi: no conversion\n42 rethrown\n"
    )
    assert result["error"] == ""


async def test_a_name_from_a_header_not_included_is_free_as_with_g_plus_plus(alice):
    # Programs compile with every standard header precompiled; <map> is not included here, so
    # `map` must be this program's own, as g++ compiles it.
    code = (
        "#include <iostream>\nusing namespace std;\nint map[3] = {1, 2, 3};\n"
        'int main() { cout << map[1] << "\\n"; }\n'
    )

    result = await run(alice, code, language="cpp")

    assert result["output"] == "2\n"
    assert result["error"] == ""


async def test_stdin_is_the_input_box(alice):
    await give_stdin(alice, "Ada\n3 4\n")
    code = (
        "#include <iostream>\n#include <string>\n"
        "int main() { std::string name; int a, b; std::cin >> name >> a >> b;\n"
        "  std::cout << \"hi \" << name << ' ' << a * b << '\\n'; }\n"
    )

    result = await run(alice, code, language="cpp")

    assert result["output"] == "hi Ada 12\n"


async def test_runaway_loop_is_stopped_and_the_warm_spare_answers_quickly(alice):
    runaway = "int main() { volatile int x = 0; for (;;) x++; }\n"

    stopped = await stop_runaway(await in_cpp(alice), runaway)

    assert stopped["error"] == "Stopped."
    # The spare's compiler is loaded and warm: what is left is compiling (seconds, not a minute).
    hello = '#include <cstdio>\nint main() { puts("2"); }\n'
    assert await seconds_to_output(alice, hello, "2\n") < 15.0


async def test_output_past_the_line_cap_is_cut_and_marked_truncated(alice):
    await (await in_cpp(alice)).set_code(
        '#include <cstdio>\nint main() { for (int i = 0; i < 1000000; i++) printf("%d\\n", i); }\n'
    )

    await alice.testid("run-button").click()
    result = await newest_entry_when_done(alice)

    assert result["truncated"] == "True"
    assert result["output"].startswith("0\n1\n2\n")
    assert result["output"].count("\n") <= 10_000


async def test_a_runaway_program_is_ended_by_the_timeout_which_excludes_compiling(
    start_server, open_room
):
    server = start_server(run_timeout_seconds="3")
    page = await open_room(server.create_session(), "Alice", host=LAN_HOST, on=server)
    # Compiling alone may take longer than 3 s on a busy machine: it does not count.
    await warm_with_spare(page, "cpp", HELLO_CPP, runtime="clang")

    result = await run(page, "int main() { volatile int x = 0; for (;;) x++; }\n")

    assert result["error"] == "Timed out after 3 s: stopped."
    assert (await run(page, HELLO_CPP))["output"] == "warm\n"
