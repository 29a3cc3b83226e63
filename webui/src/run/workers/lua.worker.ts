/**
 * Lua 5.4 (wasmoon: the reference interpreter compiled to WebAssembly) in a module worker,
 * with its WebAssembly served from our own origin. A worker runs one program in a fresh Lua
 * state and is then replaced by the warm spare (runners.ts), as a new `lua` process would be.
 */

/// <reference lib="webworker" />
import { LuaFactory } from "wasmoon";
import glueUrl from "wasmoon/dist/glue.wasm?url";

import type { RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";
import { trimLuaTraceback } from "./lua/luaErrors";
import RUN_MAIN from "./lua/run_main.lua?raw";

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);

post({ type: "progress", text: "Loading Lua…" });
const factory = new LuaFactory(glueUrl);
const loading = factory.getLuaModule().then(
  () => {
    post({ type: "ready" });
    return true;
  },
  (error: unknown) => {
    post({ type: "load-error", message: `Lua could not start: ${String(error)}` });
    return false;
  },
);

/** The WebAssembly C library reads standard input through a global `readline()`, a line at a time. */
function provideStdin(stdin: string): void {
  const lines = stdin.length ? stdin.replace(/\n$/, "").split("\n") : [];
  Object.assign(self, { readline: () => (lines.length ? (lines.shift() as string) : null) });
}

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  if (!(await loading)) return;
  const request = event.data;
  const batcher = new OutputBatcher(post);
  provideStdin(request.stdin);
  let error: string | null = null;
  try {
    const engine = await factory.createEngine({ injectObjects: false, enableProxy: false });
    engine.global.set("__pairpad_source", request.code);
    engine.global.set("__pairpad_stdout", (text: string) => batcher.write("stdout", text));
    engine.global.set("__pairpad_stderr", (text: string) => batcher.write("stderr", text));
    const failure: unknown = await engine.doString(RUN_MAIN);
    error = failure === null || failure === undefined ? null : trimLuaTraceback(String(failure));
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
};
