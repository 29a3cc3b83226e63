/**
 * Ruby 3.4 (ruby.wasm: CRuby and its standard library compiled to WebAssembly for WASI) in a
 * module worker, with a WASI preview-1 shim in place of an operating system. The runtime is
 * 31 MB, so the worker loads it, starts a Ruby VM and waits: that warm VM is what Run uses,
 * and the pool keeps a second one ready (runners.ts). A worker runs one program, as a new
 * `ruby` process would, and is then replaced.
 */

/// <reference lib="webworker" />
import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from "@bjorn3/browser_wasi_shim";
import rubyWasmUrl from "@ruby/3.4-wasm-wasi/dist/ruby+stdlib.wasm?url";
import { RubyVM } from "@ruby/wasm-wasi";

import type { RunRequest, Stream, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";
import { DownloadProgress, compileWithProgress } from "../wasmDownload";
import RUN_MAIN from "./ruby/run_main.rb?raw";

declare const __RUBY_WASM_BYTES__: number;

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);
const encoder = new TextEncoder();

// The files the program sees; their contents are set when a run arrives.
const stdinFile = new File(new Uint8Array());
const programFile = new File(new Uint8Array());
let batcher: OutputBatcher | null = null;

function outputTo(stream: Stream): ConsoleStdout {
  const decoder = new TextDecoder();
  return new ConsoleStdout((bytes) => batcher?.write(stream, decoder.decode(bytes, { stream: true })));
}

async function startRuby(): Promise<RubyVM> {
  post({ type: "progress", text: "Loading Ruby…" });
  const progress = new DownloadProgress(__RUBY_WASM_BYTES__, (text) => post({ type: "progress", text }), "Loading Ruby…");
  const module = await compileWithProgress(rubyWasmUrl, progress.part());
  post({ type: "progress", text: "Starting Ruby…" });
  const fds = [
    new OpenFile(stdinFile),
    outputTo("stdout"),
    outputTo("stderr"),
    new PreopenDirectory("/", new Map([["main.rb", programFile]])),
  ];
  const wasi = new WASI([], [], fds, { debug: false });
  // syntax_suggest would explain a syntax error by starting a thread, which WASI has not.
  const args = ["ruby.wasm", "-EUTF-8", "--disable-syntax_suggest", "-e_=0"];
  const { vm } = await RubyVM.instantiateModule({ module, wasip1: wasi, args });
  vm.eval(RUN_MAIN);
  warmUp(vm);
  return vm;
}

/**
 * The browser compiles a WebAssembly function when it is first called: one run of a small
 * program, its output dropped, compiles what every run uses before the first one arrives.
 */
function warmUp(vm: RubyVM): void {
  programFile.data = encoder.encode('puts [2, 1].sort.map { |n| "#{n}" }.join(" ")\n$stdin.gets');
  vm.eval('__pairpad_run("/main.rb")');
}

const loading = startRuby().then(
  (vm) => {
    post({ type: "ready" });
    return vm;
  },
  (error: unknown) => {
    post({ type: "load-error", message: `Ruby could not start: ${String(error)}` });
    return null;
  },
);

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const vm = await loading;
  if (!vm) return;
  const request = event.data;
  stdinFile.data = encoder.encode(request.stdin);
  programFile.data = encoder.encode(request.code);
  batcher = new OutputBatcher(post);
  let error: string | null = null;
  try {
    error = vm.eval('__pairpad_run("/main.rb")').toString() || null;
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
  batcher = null;
};
