"""TypeScript runs as `tsc --strict && node main.js`: the real compiler (TypeScript 5.9, loaded
from PairPad's own origin the first time TypeScript is used) checks the code first, reports
errors in tsc's words and lines, and a program with type errors does not run."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST, RoomPage
from tests.support.runs import LOAD_TIMEOUT_MS, run

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

ISSUE_REPRODUCTION = (
    'function add(a: number, b: number) { return a + b }; console.log(add("1", 2))\n'
)
# What tsc 5.9.3 prints for it (`--strict --target es2022 --lib es2022 --pretty false`).
ISSUE_REPORT = (
    "main.ts(1,70): error TS2345: Argument of type 'string' is not assignable to parameter"
    " of type 'number'.\n"
)
MEASURES = """(name) => performance.getEntriesByName(name).map((m) => m.duration)"""


def hundred_line_program(variant: int) -> str:
    """100 lines of typical interview TypeScript: interfaces, generics, classes, closures."""
    lines = [
        "interface Item { id: number; name: string; tags: string[] }",
        "class Inventory<T extends Item> {",
        "  private items = new Map<number, T>();",
        "  add(item: T): this { this.items.set(item.id, item); return this; }",
        "  find(pred: (item: T) => boolean): T | undefined {",
        "    for (const item of this.items.values()) if (pred(item)) return item;",
        "    return undefined;",
        "  }",
        "}",
    ]
    for n in range(44):
        lines.append(f"const f{n} = (xs: number[]): number => xs.reduce((a, b) => a + b, {n});")
        lines.append(f"const s{n}: string = `${{f{n}([{n}, {variant}])}}`;")
    lines.append("const inv = new Inventory<Item>().add({ id: 1, name: 'a', tags: [] });")
    lines.append("// the last line")
    lines.append("console.log(inv.find((i) => i.id === 1)?.name, s43);")
    assert len(lines) == 100
    return "\n".join(lines) + "\n"


async def typescript(page: RoomPage, code: str) -> dict[str, str]:
    return await run(page, code, language="typescript")


async def test_a_type_error_is_reported_as_tsc_reports_it_and_the_program_does_not_run(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await typescript(alice, ISSUE_REPRODUCTION)

    assert result["output"] == ISSUE_REPORT  # no "12": the program did not run
    assert result["error"] == "1 type error (tsc --strict): the program was not run."
    assert "failed" in result["status"]


async def test_errors_on_later_lines_carry_their_line_and_column(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = "let total = 0;\n\nfunction twice(x) {\n  return x * 2;\n}\ntotal = 'many';\n"

    result = await typescript(alice, code)

    assert result["output"] == (
        "main.ts(3,16): error TS7006: Parameter 'x' implicitly has an 'any' type.\n"
        "main.ts(6,1): error TS2322: Type 'string' is not assignable to type 'number'.\n"
    )
    assert result["error"] == "2 type errors (tsc --strict): the program was not run."


async def test_a_clean_program_runs_with_top_level_await_and_timers(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        "interface Point { x: number; y: number }\n"
        "const later = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));\n"
        "await later(5);\n"
        "const points: Point[] = [{ x: 3, y: 4 }];\n"
        "console.log(points.map((p) => Math.hypot(p.x, p.y)), [1, 2, 3].at(-1));\n"
        "export {};\n"
    )

    result = await typescript(alice, code)

    assert (result["output"], result["error"]) == ("[ 5 ] 3\n", "")


async def test_the_compiler_loads_from_our_origin_only_once_typescript_is_used(
    open_room, session_id
):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await run(alice, "console.log(1)", language="javascript")
    assert not [url for url in alice.requests if "typeChecker" in url]

    await typescript(alice, "console.log(1 as number)")

    compiler = [url for url in alice.requests if "typeChecker" in url]
    assert len(compiler) == 1
    assert compiler[0].startswith(alice.origin)


async def test_checking_a_hundred_line_program_again_takes_under_300_ms(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await typescript(alice, hundred_line_program(0))

    for variant in (1, 2, 3):
        result = await typescript(alice, hundred_line_program(variant))
        assert (result["output"], result["error"]) == (f"a {43 + 43 + variant}\n", "")

    checks = await alice.page.evaluate(MEASURES, "typescript check")
    assert len(checks) == 4
    assert max(checks[1:]) < 300, checks


async def test_typescript_shows_its_loading_and_then_ready(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await alice.testid("language-select").select_option("typescript")

    status = alice.page.locator("[data-testid=runtime-status][data-runtime=typescript]")
    await status.and_(alice.page.locator("[data-state=ready]")).wait_for(timeout=LOAD_TIMEOUT_MS)
    assert await status.inner_text() == "TypeScript ready"
