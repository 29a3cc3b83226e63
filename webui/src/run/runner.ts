/** What the room's Run and Stop need from a language's runner. */

import type { RunRequest, Stream } from "./messages";
import type { RunOutcome } from "./workerPool";

export interface Runner {
  /** The runtime is loaded: a run starts at once. */
  readonly ready: boolean;
  /** Start loading in the background. */
  warm(): void;
  stop(): void;
  dispose(): void;
  run(request: RunRequest, onOutput: (stream: Stream, text: string) => void, timeoutMs: number): Promise<RunOutcome>;
}
