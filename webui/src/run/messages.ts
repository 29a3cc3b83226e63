/** What the page and a runner worker say to each other. */

export type Stream = "stdout" | "stderr";

export interface RunRequest {
  type: "run";
  language: string;
  code: string;
  stdin: string;
}

export type WorkerMessage =
  | { type: "progress"; text: string }
  | { type: "ready" }
  | { type: "load-error"; message: string }
  | { type: "output"; stream: Stream; text: string }
  /** Compiling: the run's time limit, meant for runaway programs, waits until "running". */
  | { type: "compiling" }
  | { type: "running" }
  | { type: "truncated" }
  | { type: "done"; error: string | null; truncated: boolean };

/** What is kept of one run's output (the tab must survive `print` in a loop). */
export const OUTPUT_LIMITS = { maxChars: 1_000_000, maxLines: 10_000 } as const;
