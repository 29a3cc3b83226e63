/** What the page and a runner worker say to each other. */

export type Stream = "stdout" | "stderr";

export interface RunRequest {
  type: "run";
  language: string;
  code: string;
  stdin: string;
}

/**
 * The first message to a worker of a pool that boots from an image (Python): the memory of a
 * runtime that has just started, or null for the first worker, which starts from scratch and
 * sends back such an image.
 */
/** A memory image the page handed over, the build's image, or CPython's own start-up. */
export type BootSource = "page image" | "build image" | "scratch";

export interface BootRequest {
  type: "boot";
  image: Uint8Array | null;
}

export type WorkerMessage =
  | { type: "progress"; text: string }
  | { type: "boot-image"; image: Uint8Array }
  /** `booted`: how a runtime with boot images started (python.worker.ts), for tests and benches. */
  | { type: "ready"; booted?: BootSource }
  | { type: "load-error"; message: string }
  | { type: "output"; stream: Stream; text: string }
  /** Compiling: the run's time limit, meant for runaway programs, waits until "running". */
  | { type: "compiling" }
  | { type: "running" }
  | { type: "truncated" }
  | { type: "done"; error: string | null; truncated: boolean };

/** What is kept of one run's output (the tab must survive `print` in a loop). */
export const OUTPUT_LIMITS = { maxChars: 1_000_000, maxLines: 10_000 } as const;
