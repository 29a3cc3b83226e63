/**
 * Runs code in a worker and survives anything the code does.
 *
 * One worker is current, a second one warms up in the background. Stop or a timeout
 * terminates the current worker (the only way to end `while True: pass` without
 * SharedArrayBuffer, which plain-http pages do not have) and the warm spare takes over, so
 * the next run starts at once.
 */

import type { RunRequest, Stream, WorkerMessage } from "./messages";

export type RunEnd = "done" | "timeout" | "stopped" | "load-error";

export interface RunOutcome {
  error: string | null;
  truncated: boolean;
  durationMs: number;
  end: RunEnd;
}

export interface PoolOptions {
  /** Keep using a worker after a normal run (Python: its start-up is expensive). */
  reuse: boolean;
  onProgress?: (text: string | null) => void;
  /** Whether a warm spare is standing by (Stop then recovers at once). */
  onSpare?: (ready: boolean) => void;
  /** Delay before warming the spare, so it does not compete with the first load. */
  spareDelayMs?: number;
}

class Slot {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  isReady = false;
  handler: ((message: WorkerMessage) => void) | null = null;

  constructor(spawn: () => Worker, onProgress: (text: string) => void) {
    this.worker = spawn();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if (message.type === "ready") {
          this.isReady = true;
          resolve();
        } else if (message.type === "load-error") {
          reject(new Error(message.message));
        } else if (message.type === "progress") {
          if (!this.isReady) onProgress(message.text);
        } else {
          this.handler?.(message);
        }
      };
      this.worker.onerror = (event) => {
        event.preventDefault();
        const text = event.message || "the runtime crashed";
        if (!this.isReady) reject(new Error(text));
        this.handler?.({ type: "done", error: text, truncated: false });
      };
    });
    this.ready.catch(() => undefined); // observed by whoever awaits it
  }

  terminate(): void {
    this.handler = null;
    this.worker.terminate();
  }
}

export class WorkerPool {
  private current: Slot | null = null;
  private spare: Slot | null = null;
  private spareTimer: ReturnType<typeof setTimeout> | null = null;
  private stopActive: (() => void) | null = null;

  constructor(
    private readonly spawn: () => Worker,
    private readonly options: PoolOptions,
  ) {}

  get running(): boolean {
    return this.stopActive !== null;
  }

  get ready(): boolean {
    return this.current?.isReady ?? false;
  }

  /** Start loading now (the room opens with Python loading in the background). */
  warm(): void {
    this.ensureCurrent();
  }

  stop(): void {
    this.stopActive?.();
  }

  dispose(): void {
    this.stop();
    if (this.spareTimer !== null) clearTimeout(this.spareTimer);
    this.current?.terminate();
    this.spare?.terminate();
    this.current = this.spare = null;
  }

  async run(
    request: RunRequest,
    onOutput: (stream: Stream, text: string) => void,
    timeoutMs: number,
  ): Promise<RunOutcome> {
    const slot = this.ensureCurrent();
    const stopped = new Promise<"stopped">((resolve) => {
      this.stopActive = () => resolve("stopped");
    });
    // Stop also works while the runtime is still loading.
    const loaded = await Promise.race([slot.ready.then(() => "ready" as const, (e: Error) => e), stopped]);
    if (loaded === "stopped") {
      this.stopActive = null;
      return { error: null, truncated: false, durationMs: 0, end: "stopped" };
    }
    if (loaded instanceof Error) {
      this.stopActive = null;
      this.replace(slot);
      return { error: loaded.message, truncated: false, durationMs: 0, end: "load-error" };
    }
    this.options.onProgress?.(null);
    const started = performance.now();
    return new Promise<RunOutcome>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      let settled = false;
      const finish = (end: RunEnd, error: string | null, truncated: boolean) => {
        if (settled) return;
        settled = true;
        if (timer !== null) clearTimeout(timer);
        slot.handler = null;
        this.stopActive = null;
        if (end !== "done" || !this.options.reuse) this.replace(slot);
        resolve({ error, truncated, durationMs: performance.now() - started, end });
      };
      let truncated = false;
      const stopTimer = () => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
      };
      const startTimer = () => {
        stopTimer();
        timer = setTimeout(
          () => finish("timeout", `Timed out after ${Math.round(timeoutMs / 1000)} s: stopped.`, truncated),
          timeoutMs,
        );
      };
      slot.handler = (message) => {
        if (message.type === "output") onOutput(message.stream, message.text);
        else if (message.type === "truncated") truncated = true;
        // A compiler is not a runaway program: only the compiled program's time is limited.
        else if (message.type === "compiling") stopTimer();
        else if (message.type === "running") startTimer();
        else if (message.type === "done") finish("done", message.error, message.truncated || truncated);
      };
      void stopped.then(() => finish("stopped", "Stopped.", truncated));
      startTimer();
      slot.worker.postMessage(request);
    });
  }

  private ensureCurrent(): Slot {
    if (!this.current) {
      this.current = this.spare ?? this.newSlot();
      if (this.spare) this.options.onSpare?.(false);
      this.spare = null;
      if (!this.current.isReady) this.options.onProgress?.("Starting…");
      const slot = this.current;
      void slot.ready.then(
        () => {
          if (this.current === slot) this.options.onProgress?.(null);
          this.scheduleSpare();
        },
        (error: Error) => this.options.onProgress?.(error.message),
      );
    }
    return this.current;
  }

  private replace(slot: Slot): void {
    slot.terminate();
    if (this.current === slot) this.current = null;
    this.ensureCurrent();
  }

  private scheduleSpare(): void {
    if (this.spare || this.spareTimer !== null) return;
    this.spareTimer = setTimeout(() => {
      this.spareTimer = null;
      if (this.spare) return;
      const spare = this.newSlot(true);
      this.spare = spare;
      void spare.ready.then(
        () => {
          if (this.spare === spare) this.options.onSpare?.(true);
        },
        () => {
          if (this.spare === spare) this.spare = null; // try again after the next run
        },
      );
    }, this.options.spareDelayMs ?? 300);
  }

  private newSlot(quiet = false): Slot {
    return new Slot(this.spawn, (text) => {
      if (!quiet) this.options.onProgress?.(text);
    });
  }
}
