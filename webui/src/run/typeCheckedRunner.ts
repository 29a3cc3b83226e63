/**
 * TypeScript as `tsc && node main.js`: the code is type-checked first, and runs (in the
 * JavaScript pool, types stripped) only when the checker finds no error; otherwise the
 * output is tsc's report and the run fails saying the program was not run.
 */

import type { RunRequest, Stream } from "./messages";
import type { Runner } from "./runner";
import type { CheckOutcome, TypeCheckerClient } from "./typeCheckerClient";
import type { RunOutcome } from "./workerPool";

type Verdict = CheckOutcome | { type: "stopped" } | { type: "timeout" };

export class TypeCheckedRunner implements Runner {
  private stopCheck: (() => void) | null = null;

  constructor(
    private readonly javascript: Runner,
    private readonly checker: TypeCheckerClient,
  ) {}

  get ready(): boolean {
    return this.javascript.ready && this.checker.isReady;
  }

  warm(): void {
    this.javascript.warm();
    this.checker.warm();
  }

  stop(): void {
    if (this.stopCheck) this.stopCheck();
    else this.javascript.stop();
  }

  dispose(): void {
    this.checker.reset();
  }

  async run(request: RunRequest, onOutput: (stream: Stream, text: string) => void, timeoutMs: number): Promise<RunOutcome> {
    const started = performance.now();
    const verdict = await this.checkWithin(request.code, timeoutMs);
    const failed = (error: string, end: RunOutcome["end"] = "done"): RunOutcome => ({
      error,
      truncated: false,
      durationMs: performance.now() - started,
      end,
    });
    if (verdict.type === "stopped") return failed("Stopped.", "stopped");
    if (verdict.type === "timeout") return failed(`Timed out after ${Math.round(timeoutMs / 1000)} s while type-checking: stopped.`, "timeout");
    if (verdict.type === "load-error") return failed(verdict.message, "load-error");
    if (verdict.errorCount > 0) {
      onOutput("stdout", verdict.report);
      const errors = verdict.errorCount === 1 ? "1 type error" : `${verdict.errorCount} type errors`;
      return failed(`${errors} (tsc --strict): the program was not run.`);
    }
    if (verdict.report) onOutput("stdout", verdict.report); // warnings or suggestions: tsc prints them too
    const remaining = Math.max(1, timeoutMs - (performance.now() - started));
    return this.javascript.run(request, onOutput, remaining);
  }

  private checkWithin(code: string, timeoutMs: number): Promise<Verdict> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const interrupted = new Promise<Verdict>((resolve) => {
      this.stopCheck = () => resolve({ type: "stopped" });
      timer = setTimeout(() => resolve({ type: "timeout" }), timeoutMs);
    });
    return Promise.race<Verdict>([this.checker.check(code), interrupted]).then((verdict) => {
      clearTimeout(timer);
      this.stopCheck = null;
      if (verdict.type === "stopped" || verdict.type === "timeout") this.checker.reset();
      return verdict;
    });
  }
}
