/**
 * C and C++ compiled in the browser by Clang/LLD (YoWASP's build of LLVM for WebAssembly,
 * 105 MB unpacked), and the program run on a WASI preview-1 shim, in one module worker. The
 * compiler is downloaded only when C or C++ is first picked, and the worker is kept between
 * runs (a compiler that has run once compiles faster); Stop or the timeout end it and the
 * pool's warm spare takes over (runners.ts).
 */

/// <reference lib="webworker" />
import { commands, runLLVM } from "@yowasp/clang";

import BITS_STDCPP from "../clang/bits_stdcpp.h?raw";
import bitsPchUrl from "../clang/generated/stdc++.h.pch?url";
import {
  BITS_PCH,
  PROGRAM,
  THROW_RUNTIME,
  compileCommand,
  sourceName,
  throwRuntimeCommand,
  usesBitsHeader,
} from "../clang/compileCommand";
import { runProgram } from "../clang/runProgram";
import UNCAUGHT_THROW from "../clang/uncaught_throw.cpp?raw";
import type { RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";
import { megabytes } from "../wasmDownload";

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);

type Tree = { [name: string]: Tree | string | Uint8Array };
type Compiled = { program: Uint8Array | null; diagnostics: string };

/** Runs the compiler; a failed compile is diagnostics and no program, not an exception. */
async function compile(args: string[], files: Tree, output: string): Promise<Compiled> {
  const decoder = new TextDecoder();
  let diagnostics = "";
  const stderr = (bytes: Uint8Array | null) => {
    if (bytes) diagnostics += decoder.decode(bytes, { stream: true });
  };
  const options = { stdout: stderr, stderr };
  try {
    const driver = args[0] === "clang" ? commands.clang : commands["clang++"];
    const produced = (await driver(args.slice(1), files, options)) as Tree | undefined;
    const program = produced?.[output];
    return { program: program instanceof Uint8Array ? program : null, diagnostics };
  } catch (error) {
    if (error instanceof Error && "code" in error) return { program: null, diagnostics };
    throw error;
  }
}

/** Downloads the compiler, saying how many MB have arrived (uncompressed, as YoWASP counts). */
async function download(): Promise<void> {
  const fetchProgress = ({ doneLength, totalLength }: { doneLength: number; totalLength: number }) =>
    post({ type: "progress", text: `Loading the C/C++ compiler… ${megabytes(doneLength)} of ${megabytes(totalLength)} MB` });
  await runLLVM(["clang", "--version"], {}, { stdout: null, stderr: null, fetchProgress });
}

/** Downloads the compiler and compiles the throw runtime with it, which also warms it up. */
async function prepare(): Promise<Uint8Array> {
  post({ type: "progress", text: "Loading the C/C++ compiler…" });
  await download();
  post({ type: "progress", text: "Starting the C/C++ compiler…" });
  const { program, diagnostics } = await compile(throwRuntimeCommand(), { "uncaught_throw.cpp": UNCAUGHT_THROW }, THROW_RUNTIME);
  if (!program) throw new Error(diagnostics || "the throw runtime did not compile");
  return program;
}

const headers = (): Tree => ({ include: { bits: { "stdc++.h": BITS_STDCPP } } });

const loading = prepare().then(
  (throwRuntime) => {
    post({ type: "ready" });
    return throwRuntime;
  },
  (error: unknown) => {
    post({ type: "load-error", message: `The C/C++ compiler could not start: ${String(error)}` });
    return null;
  },
);

/**
 * <bits/stdc++.h> precompiled at build time (scripts/precompile-bits.mjs), downloaded by the
 * first program that includes it: parsing every standard header takes 10–30 s per compile
 * here, reading them precompiled about one. Null if it cannot be had (programs then compile
 * without it).
 */
let precompiledBits: Promise<Uint8Array | null> | null = null;

function bitsPch(): Promise<Uint8Array | null> {
  precompiledBits ??= fetch(bitsPchUrl).then(
    async (response) => (response.ok ? new Uint8Array(await response.arrayBuffer()) : null),
    () => null,
  );
  return precompiledBits;
}

async function compileAndRun(request: RunRequest, throwRuntime: Uint8Array, batcher: OutputBatcher): Promise<string | null> {
  const files: Tree = { [sourceName(request.language)]: request.code, [THROW_RUNTIME]: throwRuntime, ...headers() };
  const pch = request.language === "cpp" && usesBitsHeader(request.code) ? await bitsPch() : null;
  if (pch) files[BITS_PCH] = pch;
  const { program, diagnostics } = await compile(compileCommand(request.language, { precompiledBits: pch !== null }), files, PROGRAM);
  if (!program) return diagnostics.trimEnd() || "The compiler failed without a message.";
  if (diagnostics) batcher.write("stderr", diagnostics); // warnings
  post({ type: "running" });
  return runProgram(program, request.stdin, (stream, text) => batcher.write(stream, text));
}

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const throwRuntime = await loading;
  if (!throwRuntime) return;
  const batcher = new OutputBatcher(post);
  post({ type: "compiling" });
  let error: string | null = null;
  try {
    error = await compileAndRun(event.data, throwRuntime, batcher);
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
};
