/**
 * C and C++ compiled in the browser by Clang/LLD (YoWASP's build of LLVM for WebAssembly,
 * 105 MB unpacked), and the program run on a WASI preview-1 shim, in one module worker. The
 * compiler is downloaded only when C or C++ is first picked, and the worker is kept between
 * runs (the compiler's code gets faster as the browser optimizes it, and the browser keeps that
 * code for the next visit: codeCache.ts); Stop or the timeout end it and the pool's warm spare
 * takes over (runners.ts).
 */

/// <reference lib="webworker" />
// First: it must see `fetch` before @yowasp/clang keeps it.
import "../clang/codeCache";
import { runLLVM, type Tree } from "@yowasp/clang";

import BITS_STDCPP from "../clang/bits_stdcpp.h?raw";
import bitsPchUrl from "../clang/generated/stdc++.h.pch?url";
import { BITS_PCH, EXCEPTION_OBJECTS, PROGRAM, compileCommand, sourceName, usesBitsHeader } from "../clang/compileCommand";
import exceptionRuntimeUrl from "../clang/generated/exception_runtime.o?url";
import libraryThrowsUrl from "../clang/generated/library_throws.o?url";
import { runProgram } from "../clang/runProgram";
import { type Compiled, Toolchain } from "../clang/toolchain";
import type { RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";
import { megabytes } from "../wasmDownload";

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);

const toolchain = new Toolchain();

const binary = (outputs: Tree, name: string): Uint8Array | null => {
  const file = outputs[name];
  return file instanceof Uint8Array ? file : null;
};

/** Downloads the compiler, saying how many MB have arrived (uncompressed, as YoWASP counts). */
async function download(): Promise<void> {
  const fetchProgress = ({ doneLength, totalLength }: { doneLength: number; totalLength: number }) =>
    post({ type: "progress", text: `Loading the C/C++ compiler… ${megabytes(doneLength)} of ${megabytes(totalLength)} MB` });
  await runLLVM(["clang", "--version"], {}, { stdout: null, stderr: null, fetchProgress });
}

/** A file built with the compiler at build time (scripts/precompile-cpp.mjs), or null. */
async function fetchBinary(url: string): Promise<Uint8Array | null> {
  try {
    const response = await fetch(url);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** The exception runtime's objects, compiled at build time. */
async function exceptionRuntime(): Promise<Tree> {
  const urls = [exceptionRuntimeUrl, libraryThrowsUrl];
  const objects = await Promise.all(urls.map(fetchBinary));
  const runtime: Tree = {};
  EXCEPTION_OBJECTS.forEach((name, index) => {
    const object = objects[index];
    if (!object) throw new Error(`${name} could not be downloaded`);
    runtime[name] = object;
  });
  return runtime;
}

async function prepare(): Promise<Tree> {
  post({ type: "progress", text: "Loading the C/C++ compiler…" });
  const [runtime] = await Promise.all([exceptionRuntime(), download()]);
  return runtime;
}

const headers = (): Tree => ({ include: { bits: { "stdc++.h": BITS_STDCPP } } });

const loading = prepare().then(
  (runtime) => {
    post({ type: "ready" });
    return runtime;
  },
  (error: unknown) => {
    post({ type: "load-error", message: `The C/C++ compiler could not start: ${String(error)}` });
    return null;
  },
);

/**
 * <bits/stdc++.h> precompiled at build time (scripts/precompile-cpp.mjs), downloaded by the
 * first C++ compile (15.5 MB): parsing the standard headers a program includes takes seconds per
 * compile here (<iostream> alone about two), reading them precompiled a fraction of that.
 * Null if it cannot be had (programs then compile without it).
 */
let precompiledBits: Promise<Uint8Array | null> | null = null;

function bitsPch(): Promise<Uint8Array | null> {
  precompiledBits ??= fetchBinary(bitsPchUrl);
  return precompiledBits;
}

/**
 * Every C++ program is compiled as if it began with `#include <bits/stdc++.h>`, from the
 * precompiled header: what it includes itself is then already there. One that does not
 * compile that way (a global named like something in a header it did not include, such as
 * `map` beside `using namespace std;`) is compiled again exactly as written, and that is what
 * it gets.
 */
async function compileProgram(request: RunRequest, runtime: Tree): Promise<Compiled> {
  const files: Tree = { [sourceName(request.language)]: request.code, ...runtime, ...headers() };
  const pch = request.language === "cpp" ? await bitsPch() : null;
  if (pch) {
    const compiled = await toolchain.compile(compileCommand(request.language, { precompiledBits: true }), { ...files, [BITS_PCH]: pch });
    if (binary(compiled.outputs, PROGRAM) || usesBitsHeader(request.code)) return compiled;
  }
  return toolchain.compile(compileCommand(request.language), files);
}

async function compileAndRun(request: RunRequest, runtime: Tree, batcher: OutputBatcher): Promise<string | null> {
  const { outputs, diagnostics } = await compileProgram(request, runtime);
  const program = binary(outputs, PROGRAM);
  if (!program) return diagnostics.trimEnd() || "The compiler failed without a message.";
  if (diagnostics) batcher.write("stderr", diagnostics); // warnings
  post({ type: "running" });
  return runProgram(program, request.stdin, (stream, text) => batcher.write(stream, text));
}

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const runtime = await loading;
  if (!runtime) return;
  const batcher = new OutputBatcher(post);
  post({ type: "compiling" });
  let error: string | null = null;
  try {
    error = await compileAndRun(event.data, runtime, batcher);
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
};
