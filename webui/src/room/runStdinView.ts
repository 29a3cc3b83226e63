/**
 * The standard input a run was given, shown in its output entry on every screen: open when it
 * is a few short lines, folded to one line ("stdin: 120 lines") when it would push the output
 * out of view. What is shown is what the runner shared (cut at the room's `maxStdinChars`).
 */

import { h } from "../util/dom";

/** Up to this many lines and characters, the input is shown open; more, it starts folded. */
export const STDIN_OPEN_MAX_LINES = 3;
export const STDIN_OPEN_MAX_CHARS = 160;

export function lineCount(text: string): number {
  if (!text) return 0;
  const lines = text.split("\n").length;
  return text.endsWith("\n") ? lines - 1 : lines;
}

export function stdinView(stdin: string): HTMLDetailsElement {
  const lines = lineCount(stdin);
  const short = lines <= STDIN_OPEN_MAX_LINES && stdin.length <= STDIN_OPEN_MAX_CHARS;
  return h(
    "details",
    { class: "run-stdin", "data-testid": "run-stdin", open: short },
    h("summary", { text: `stdin: ${lines} ${lines === 1 ? "line" : "lines"}` }),
    h("pre", { "data-testid": "run-stdin-text", text: stdin }),
  );
}
