/**
 * JavaScript and TypeScript in a module worker, run as `node main.mjs` would run them: as a
 * module (top-level `await`, `export` ignored), with Node's console formatting, until no timer
 * is pending, and ended by an uncaught error or an unhandled rejection as Node ends. stdin is
 * `readline()` / `input()`. TypeScript is stripped of its types with sucrase first. This worker
 * is served with a policy that allows evaluating code (server/http_headers.py); the page itself
 * never does. It runs one program and is then discarded (runners.ts).
 */

/// <reference lib="webworker" />
import * as util from "node-inspect-extracted";
import { transform } from "sucrase";

import { EventLoop } from "../js/eventLoop";
import { ProgramSyntaxError, moduleToFunctionBody } from "../js/moduleProgram";
import { makeNodeConsole } from "../js/nodeConsole";
import {
  UNSETTLED_TOP_LEVEL_AWAIT,
  describeCompileError,
  describeUncaught,
  describeUnhandledRejection,
  installNodeStacks,
} from "../js/nodeErrors";
import type { RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

function compile(request: RunRequest, fileName: string): (modules: object) => Promise<unknown> {
  let source = request.code;
  if (request.language === "typescript") source = stripTypes(source);
  const body = `"use strict";\n${moduleToFunctionBody(source, fileName)}\n//# sourceURL=${fileName}`;
  return new AsyncFunction("__modules", body);
}

function stripTypes(code: string): string {
  try {
    return transform(code, { transforms: ["typescript"], disableESTransforms: true }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    if (!loc) throw error;
    const message = (error as Error).message.replace(/^Error transforming [^:]*: /, "").replace(/ \(\d+:\d+\)$/, "");
    throw new ProgramSyntaxError(message, loc.line, Math.max(0, loc.column - 1));
  }
}

function installStdin(stdin: string): void {
  const lines = stdin.length ? stdin.replace(/\n$/, "").split("\n") : [];
  const readline = () => (lines.length ? (lines.shift() as string) : null);
  Object.assign(self, { readline, input: readline, prompt: readline });
}

post({ type: "ready" });

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  const fileName = request.language === "typescript" ? "main.ts" : "main.js";
  const batcher = new OutputBatcher(post);
  let ended = false;
  const end = (error: string | null) => {
    if (ended) return;
    ended = true;
    batcher.flush();
    post({ type: "done", error, truncated: batcher.truncated });
  };
  installNodeStacks(fileName);
  const loop = new EventLoop((error) => end(describeUncaught(error)));
  loop.install();
  self.addEventListener("unhandledrejection", (rejection) => {
    rejection.preventDefault();
    end(describeUnhandledRejection(rejection.reason));
  });
  self.addEventListener("error", (failure) => {
    failure.preventDefault();
    end(describeUncaught(failure.error ?? failure.message));
  });
  Object.assign(self, { console: makeNodeConsole((stream, text) => ended || batcher.write(stream, text)) });
  installStdin(request.stdin);

  let program: (modules: object) => Promise<unknown>;
  try {
    program = compile(request, fileName);
  } catch (error) {
    end(describeCompileError(error, request.code, fileName));
    return;
  }
  let settled = false;
  program.call(undefined, { util, "node:util": util }).then(
    () => (settled = true),
    (error: unknown) => end(describeUncaught(error)),
  );
  await loop.whenIdle();
  end(settled ? null : UNSETTLED_TOP_LEVEL_AWAIT);
};
