/**
 * The page's side of the type-checking worker: started on first use, kept for the page's
 * life, one check at a time. A check that is stopped or runs past the run's timeout ends the
 * worker (a pathological type can keep the checker busy); the next check starts a new one.
 */

import type { CheckerMessage, CheckRequest } from "./ts/checkMessages";
import type { CheckResult } from "./ts/typeChecker";

export type CheckOutcome = ({ type: "checked" } & CheckResult) | { type: "load-error"; message: string };

export class TypeCheckerClient {
  private worker: Worker | null = null;
  private loaded: Promise<string | null> = Promise.resolve(null);
  private pending = new Map<number, (outcome: CheckOutcome) => void>();
  private nextId = 1;
  isReady = false;

  constructor(
    private readonly spawn: () => Worker,
    private readonly onProgress: (text: string | null) => void,
  ) {}

  warm(): void {
    if (this.worker) return;
    const worker = this.spawn();
    this.worker = worker;
    const started = performance.now();
    this.onProgress("Loading TypeScript…");
    this.loaded = new Promise((resolve) => {
      worker.onmessage = (event: MessageEvent<CheckerMessage>) => {
        const message = event.data;
        if (message.type === "ready") {
          this.isReady = true;
          performance.measure("typescript load", { start: started, detail: { warmUpMs: message.warmUpMs } });
          this.onProgress(null);
          resolve(null);
        } else if (message.type === "load-error") {
          this.onProgress(message.message);
          resolve(message.message);
        } else {
          performance.measure("typescript check", { start: performance.now() - message.checkMs });
          this.pending.get(message.id)?.({ type: "checked", report: message.report, errorCount: message.errorCount });
          this.pending.delete(message.id);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        resolve(event.message || "TypeScript could not start");
      };
    });
  }

  async check(code: string): Promise<CheckOutcome> {
    this.warm();
    const worker = this.worker as Worker;
    const loadError = await this.loaded;
    if (loadError !== null) {
      this.reset();
      return { type: "load-error", message: loadError };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ type: "check", id, code } satisfies CheckRequest);
    });
  }

  /** Ends the worker and any check in flight (their promises never settle: callers race them). */
  reset(): void {
    this.worker?.terminate();
    this.worker = null;
    this.isReady = false;
    this.pending.clear();
  }
}
