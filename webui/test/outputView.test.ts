import { describe, expect, it } from "vitest";

import { OutputView, runOutcome } from "../src/room/outputView";
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
