"""The corpus of real programs (tests/corpus/): the manifest, each program's native result,
and running a program in a room's page through the Run button, as a participant would."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.async_api import Page

from tests.support.runs import NEWEST_ENTRY

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MANIFEST = CORPUS / "manifest.json"
LANGUAGES = ("python", "javascript", "typescript", "sql")
# The runtime whose warm spare runs a language's next program (the page's data-*-spare).
SPARE_OF = {"python": "python", "javascript": "javascript", "typescript": "javascript"}
RUN_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Program:
    id: str
    language: str
    code: str
    stdin: str
    exit: int
    stdout: str
    stderr: str
    exclude: str | None


def manifest() -> dict[str, Any]:
    return dict(json.loads(MANIFEST.read_text()))


def programs(*, with_excluded: bool = False) -> list[Program]:
    """Every recorded program, grouped by language (a language change per group)."""
    found = []
    for entry in manifest()["programs"]:
        native = entry["native"]
        program = Program(
            id=entry["id"],
            language=entry["language"],
            code=(CORPUS / entry["program"]).read_text(),
            stdin=entry["stdin"],
            exit=native["exit"],
            stdout=(CORPUS / native["stdout"]).read_text(),
            stderr=(CORPUS / native["stderr"]).read_text() if native["stderr"] else "",
            exclude=entry.get("exclude"),
        )
        if with_excluded or not program.exclude:
            found.append(program)
    return sorted(found, key=lambda p: LANGUAGES.index(p.language))


@dataclass(frozen=True)
class RunResult:
    status: str
    stdout: str
    stderr: str
    error: str
    ms_to_first_output: float | None
    ms_to_done: float


NEWEST_RUN_ID = f"() => {NEWEST_ENTRY}?.dataset.runId ?? null"
# Resolves when the newest entry is a run other than `before` and has finished; the click's
# time is taken just before the click (performance.now), the rest by a MutationObserver.
CLICK_AND_WAIT = (
    """(before) => new Promise((resolve) => {
  const t0 = performance.now();
  let firstOutput = null;
  const check = () => {
    const entry = """
    + NEWEST_ENTRY
    + """;
    if (!entry || entry.dataset.runId === before) return;
    if (firstOutput === null && entry.querySelector('[data-stream]')?.textContent) {
      firstOutput = performance.now() - t0;
    }
    const status = entry.querySelector('[data-testid=run-status]').textContent;
    if (!/^(finished|failed|stopped)/.test(status)) return;
    observer.disconnect();
    const text = (stream) => [...entry.querySelectorAll(`[data-stream=${stream}]`)]
      .map((span) => span.textContent).join('');
    resolve({
      status,
      stdout: text('stdout'),
      stderr: text('stderr'),
      error: entry.querySelector('[data-testid=run-error]')?.textContent ?? '',
      msToFirstOutput: firstOutput,
      msToDone: performance.now() - t0,
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  document.querySelector('[data-testid=run-button]').click();
})"""
)


async def choose_language(page: Page, language: str) -> None:
    select = page.get_by_test_id("language-select")
    if await select.input_value() != language:
        await select.select_option(language)
        await page.wait_for_function(
            "(language) => document.querySelector('[data-testid=language-select]').value"
            " === language",
            arg=language,
        )


# A real paste event, as from the system clipboard, over the whole text: the editor takes it
# in one transaction (typing 27 KB through the keyboard's insertText took 18 s).
PASTE_OVER_ALL = """(text) => {
  const content = document.querySelector(".cm-content");
  const data = new DataTransfer();
  data.setData("text/plain", text);
  content.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                     cancelable: true}));
}"""


async def set_program(page: Page, program: Program) -> None:
    """The code in the editor (pasted over what was there) and the stdin box filled."""
    await page.locator(".cm-content").click()
    await page.keyboard.press("ControlOrMeta+a")
    await page.evaluate(PASTE_OVER_ALL, program.code)
    await page.evaluate("() => { document.querySelector('details.stdin').open = true; }")
    await page.get_by_test_id("stdin-input").fill(program.stdin)


async def wait_for_spare(page: Page, language: str) -> None:
    """The next run starts on a warm runtime, as after a participant's pause."""
    if runtime := SPARE_OF.get(language):
        await page.wait_for_selector(
            f"[data-testid=runtime-status][data-{runtime}-spare=ready]", timeout=RUN_TIMEOUT_MS
        )


async def run_program(page: Page, program: Program) -> RunResult:
    """Press Run on the program already in the editor; returns its entry once finished."""
    before = await page.evaluate(NEWEST_RUN_ID)
    result = await page.evaluate(CLICK_AND_WAIT, before)
    return RunResult(
        status=result["status"],
        stdout=result["stdout"],
        stderr=result["stderr"],
        error=result["error"],
        ms_to_first_output=result["msToFirstOutput"],
        ms_to_done=result["msToDone"],
    )


SEPARATOR = re.compile(r"^-+(?:-\+-+)*$")
ROW_COUNT = re.compile(r"^\((\d+) rows?\)$")


def sql_as_shell_lists(output: str) -> str:
    """The runner's result tables as the sqlite3 shell prints them with ``-header`` in list
    mode: a header and rows of cells joined by ``|``, nothing for an empty result. Cells are
    cut at the widths of the table's ``---+---`` line (in UTF-16 units, as the runner pads
    them) and stripped of the padding, so a value's own leading or trailing spaces are not
    compared."""
    if output == "(no rows returned)\n":
        return ""
    lines = output.split("\n")
    shell: list[str] = []
    index = 0
    while index < len(lines):
        if index + 1 < len(lines) and SEPARATOR.match(lines[index + 1]):
            widths = [len(dashes) for dashes in lines[index + 1].split("-+-")]
            end = index + 2
            while not (counted := ROW_COUNT.match(lines[end])):
                end += 1
            count = int(counted.group(1))
            rows = lines[index + 2 : end]
            if len(rows) != count:
                raise ValueError(f"a cell spans lines in the table at line {index + 1}")
            if count:
                shell += [_cells(line, widths) for line in [lines[index], *rows]]
            index = end + 1
        else:
            index += 1
    return "".join(f"{line}\n" for line in shell)


def _cells(line: str, widths: list[int]) -> str:
    units = line.encode("utf-16-le")
    cells, start = [], 0
    for width in widths:
        cells.append(units[start * 2 : (start + width) * 2].decode("utf-16-le").strip())
        start += width + 3
    return "|".join(cells)


# A stack frame of Node's own code (`    at ModuleJob.run (node:internal/modules/...)`): Node
# runs a script from inside its module loader, a browser's worker has no such frames.
NODE_INTERNAL_FRAME = re.compile(r"^ +at (?:async )?[^\n]*\(node:internal/[^\n]*\)\n", re.M)


def without_node_internal_frames(output: str) -> str:
    """Native Node output as a browser can print it: the same, less Node's own stack frames
    (the program's frames are kept and compared)."""
    return NODE_INTERNAL_FRAME.sub("", output)
