/**
 * JavaScript and TypeScript in a module worker: no DOM, console captured, stdin as
 * `readline()` / `input()`. TypeScript is stripped of types with sucrase first (no type check,
 * like ts-node --transpile-only). This worker is served with a policy that allows evaluating
 * code (server/http_headers.py); the page itself never does.
 */

/// <reference lib="webworker" />
import { transform } from "sucrase";

import { formatArgs } from "../inspect";
import type { RunRequest, Stream, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

// The participant's code starts on line 3 of the function the engine builds around it.
const LINE_OFFSET = 2;

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `Uncaught ${formatArgs([error])}`;
  const where = /<anonymous>:(\d+):(\d+)/.exec(error.stack ?? "");
  const line = where ? ` (line ${Number(where[1]) - LINE_OFFSET}, column ${where[2]})` : "";
  return `${error.name}: ${error.message}${line}`;
}

function makeConsole(batcher: OutputBatcher) {
  const out = (stream: Stream) => (...args: unknown[]) => batcher.write(stream, `${formatArgs(args)}\n`);
  return {
    log: out("stdout"),
    info: out("stdout"),
    debug: out("stdout"),
    table: out("stdout"),
    dir: out("stdout"),
    warn: out("stderr"),
    error: out("stderr"),
    trace: out("stderr"),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) out("stderr")("Assertion failed:", ...args);
    },
  };
}

post({ type: "ready" });

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  const batcher = new OutputBatcher(post);
  const lines = request.stdin.length ? request.stdin.replace(/\n$/, "").split("\n") : [];
  const readline = () => (lines.length ? (lines.shift() as string) : null);
  let error: string | null = null;
  try {
    let source = request.code;
    if (request.language === "typescript") {
      source = transform(source, { transforms: ["typescript"], disableESTransforms: true }).code;
    }
    const program = new AsyncFunction("console", "readline", "input", "prompt", source);
    await program(makeConsole(batcher), readline, readline, readline);
    // Let callbacks the program scheduled for "right away" print before we call it done.
    await new Promise((resolve) => setTimeout(resolve, 0));
  } catch (failure) {
    error = describeError(failure);
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
};
