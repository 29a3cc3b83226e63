/**
 * Runs code in a worker and survives anything the code does.
 *
 * One worker is current, a second one warms up in the background. Stop or a timeout
 * terminates the current worker (the only way to end `while True: pass` without
 * SharedArrayBuffer, which plain-http pages do not have) and the warm spare takes over, so
 * the next run starts at once. When a spare is taken, the next one starts at once: runs
 * pressed in quick succession each find a worker booting or booted. There is never more than
 * one spare (a Python worker holds about 100 MB).
 *
 * A pool with `bootImages` hands every new worker the memory image its first worker sent
 * back (Python: a runtime just after start-up, which boots in a tenth of the time).
 */

import type { BootRequest, RunRequest, Stream, WorkerMessage } from "./messages";
import type { Runner } from "./runner";

/** The error of a run someone stopped; every participant's copy of the result carries it. */
export const STOPPED_ERROR = "Stopped.";

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
  /** Delay before warming the spare, so it does not compete with the first load (a run that
   *  ends sooner starts it then). */
  spareDelayMs?: number;
  /** Workers expect a `boot` message first, and the first one sends back a `boot-image`. */
  bootImages?: boolean;
  /** Each worker's boot is a User Timing measure, `<name> boot` (for tests and benches). */
  name?: string;
}

class Slot {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  isReady = false;
  handler: ((message: WorkerMessage) => void) | null = null;

  constructor(
    spawn: () => Worker,
    onProgress: (text: string) => void,
    boot: { request: BootRequest; onImage: (image: Uint8Array) => void } | null,
    measureName: string,
  ) {
    const spawnedAt = performance.now();
    this.worker = spawn();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if (message.type === "ready") {
          this.isReady = true;
          const detail = { fromImage: Boolean(boot?.request.image), booted: message.booted };
          performance.measure(measureName, { start: spawnedAt, detail });
          resolve();
        } else if (message.type === "load-error") {
          reject(new Error(message.message));
        } else if (message.type === "progress") {
          if (!this.isReady) onProgress(message.text);
        } else if (message.type === "boot-image") {
          boot?.onImage(message.image);
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
    // Structured clone copies the image: every worker gets its own.
    if (boot) this.worker.postMessage(boot.request);
  }

  terminate(): void {
    this.handler = null;
    this.worker.terminate();
  }
}

export class WorkerPool implements Runner {
  private current: Slot | null = null;
  private spare: Slot | null = null;
  private spareTimer: ReturnType<typeof setTimeout> | null = null;
  private stopActive: (() => void) | null = null;
  private bootImage: Uint8Array | null = null;

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
      // Stopped before it began: still a stopped run, for the person and for the others.
      return { error: STOPPED_ERROR, truncated: false, durationMs: 0, end: "stopped" };
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
        else if (this.spareTimer !== null) this.startSpare();
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
      void stopped.then(() => finish("stopped", STOPPED_ERROR, truncated));
      startTimer();
      slot.worker.postMessage(request);
    });
  }

  private ensureCurrent(): Slot {
    if (this.current) return this.current;
    const spare = this.spare;
    const slot = spare ?? this.newSlot();
    this.current = slot;
    this.spare = null;
    if (spare) {
      this.options.onSpare?.(false);
      this.startSpare(); // the next quick run will want one too
    }
    if (!slot.isReady) this.options.onProgress?.("Starting…");
    void slot.ready.then(
      () => {
        if (this.current === slot) this.options.onProgress?.(null);
        // A first load (or a reload after a failure) gets the machine to itself for a moment.
        this.scheduleSpare();
      },
      (error: Error) => this.options.onProgress?.(error.message),
    );
    return slot;
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
      this.startSpare();
    }, this.options.spareDelayMs ?? 300);
  }

  private startSpare(): void {
    if (this.spare) return;
    if (this.spareTimer !== null) clearTimeout(this.spareTimer);
    this.spareTimer = null;
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
  }

  private newSlot(quiet = false): Slot {
    const boot = this.options.bootImages
      ? {
          request: { type: "boot", image: this.bootImage } as const,
          onImage: (image: Uint8Array) => (this.bootImage ??= image),
        }
      : null;
    return new Slot(
      this.spawn,
      (text) => {
        if (!quiet) this.options.onProgress?.(text);
      },
      boot,
      `${this.options.name ?? "worker"} boot`,
    );
  }
}
