/**
 * Run, in the replay: the code as it was at the replay's instant, in its language then, run
 * in this browser by the room's own runners (room/runController.ts). Nothing is sent to
 * anyone: a replay re-runs for the viewer alone.
 */

import { DEFAULT_LANGUAGES, DEFAULT_LIMITS } from "../room/serverDefaults";
import { OutputView } from "../room/outputView";
import { RunController } from "../room/runController";
import { h } from "../util/dom";

export interface RerunSource {
  code(): string;
  language(): string;
}

const ME = { userId: "replay", username: "You", color: "#4363d8" };

export class RerunPanel {
  readonly element: HTMLElement;
  private readonly output = new OutputView();
  private readonly runs: RunController;

  constructor(source: RerunSource) {
    const run = h("button", { type: "button", class: "primary", "data-testid": "run-button", text: "▶ Run this code" });
    const stop = h("button", { type: "button", "data-testid": "stop-button", text: "Stop" });
    const status = h("span", { class: "runtime-status", "data-testid": "runtime-status" });
    const stdin = h("textarea", { rows: 3, "aria-label": "Input (stdin)", "data-testid": "stdin" });
    this.element = h(
      "section",
      { class: "panel replay-run" },
      h("h2", { text: "Run it as it was" }),
      h("div", { class: "run-row" }, run, stop, this.output.clearButton),
      status,
      h("details", { class: "stdin" }, h("summary", { text: "Input (stdin)" }), stdin),
      this.output.element,
    );
    const languageName = (id: string) => DEFAULT_LANGUAGES.find((language) => language.id === id)?.name ?? id;
    this.runs = new RunController(
      {
        language: () => source.language(),
        languageName,
        code: () => source.code(),
        stdin: () => stdin.value,
        me: () => ME,
        colorOf: () => ME.color,
        timeoutMs: () => DEFAULT_LIMITS.runTimeoutMs,
        maxSharedOutputChars: () => DEFAULT_LIMITS.maxOutputChars,
        maxSharedStdinChars: () => DEFAULT_LIMITS.maxStdinChars,
        send: () => false, // a replay's runs are the viewer's alone
      },
      this.output,
      { run, stop, status },
    );
    // A replay is mostly watched: the runtime loads when Run is in reach, not with the page.
    const prepare = () => this.runs.prepare(source.language());
    run.addEventListener("pointerenter", prepare, { once: true });
    run.addEventListener("focus", prepare, { once: true });
  }
}
