import { describe, expect, it } from "vitest";

import { OutputEntry, OutputView, runOutcome } from "../src/room/outputView";
import { STDIN_OPEN_MAX_LINES, lineCount } from "../src/room/runStdinView";
import { STOPPED_ERROR } from "../src/run/workerPool";

const header = (runId: string) => ({ runId, who: "Ada", color: "#123456", language: "Python", mine: true });

describe("a run's outcome", () => {
  it("is finished without an error, stopped when someone pressed Stop, failed otherwise", () => {
    expect(runOutcome(null)).toBe("finished");
    expect(runOutcome(STOPPED_ERROR)).toBe("stopped");
    expect(runOutcome("Traceback (most recent call last): ...")).toBe("failed");
    expect(runOutcome("Timed out after 10 s: stopped.")).toBe("failed");
  });

  it("labels a stopped run 'stopped', not 'failed'", () => {
    const view = new OutputView();
    const entry = view.start(header("r1"));
    entry.finish({ error: STOPPED_ERROR, truncated: false, durationMs: 1500 });
    const status = entry.element.querySelector("[data-testid=run-status]")?.textContent;
    expect(status).toBe("stopped after 1.50 s");
    expect(entry.element.classList.contains("stopped")).toBe(true);
    expect(entry.element.classList.contains("failed")).toBe(false);
  });
});

describe("Clear", () => {
  it("empties this view, and later runs show again", () => {
    const view = new OutputView();
    view.start(header("r1"));
    view.start(header("r2"));
    view.clearButton.click();
    expect(view.element.children).toHaveLength(0);
    expect(view.get("r1")).toBeUndefined();
    view.start(header("r3"));
    expect(view.element.children).toHaveLength(1);
  });
});

describe("the order of runs", () => {
  it("is a console's: the oldest first, the newest last", () => {
    const view = new OutputView();
    view.start(header("r1"));
    view.start(header("r2"));
    view.start({ ...header("r3"), mine: false });
    const ids = [...view.element.querySelectorAll<HTMLElement>("[data-testid=run-entry]")].map((e) => e.dataset.runId);
    expect(ids).toEqual(["r1", "r2", "r3"]);
  });
});

describe("the stdin a run used", () => {
  it("shows between the header and the output: a few short lines open, many folded", () => {
    const view = new OutputView();
    const short = view.start(header("r1"));
    short.showStdin("3\n1 2 3\n");
    const long = view.start(header("r2"));
    long.showStdin("1\n".repeat(STDIN_OPEN_MAX_LINES + 1));
    const none = view.start(header("r3"));
    none.showStdin("");

    const stdinOf = (entry: OutputEntry) => entry.element.querySelector<HTMLDetailsElement>("[data-testid=run-stdin]");
    expect(stdinOf(short)?.open).toBe(true);
    expect(stdinOf(short)?.textContent).toBe("stdin: 2 lines3\n1 2 3\n");
    expect(stdinOf(short)?.nextElementSibling?.getAttribute("data-testid")).toBe("run-output");
    expect(stdinOf(long)?.open).toBe(false);
    expect(stdinOf(long)?.querySelector("summary")?.textContent).toBe(`stdin: ${STDIN_OPEN_MAX_LINES + 1} lines`);
    expect(stdinOf(none)).toBeNull();
  });

  it("counts lines as a reader would", () => {
    expect([lineCount(""), lineCount("a"), lineCount("a\n"), lineCount("a\nb")]).toEqual([0, 1, 1, 2]);
  });
});
