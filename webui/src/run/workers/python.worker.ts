/**
 * Python in a module worker, with Pyodide served from our own origin (no CDN: PairPad works
 * with the network cable out). A runaway loop blocks only this worker; the page terminates it
 * and switches to a warm spare. A worker runs one program and is then replaced by the warm
 * spare (runners.ts), so every run starts as a new `python` process would.
 *
 * Booting Pyodide takes about 2 s, mostly CPython initialising itself. So the first worker
 * of a page sends back a memory image of its runtime taken just after start-up, before any
 * participant code ran, and every later worker boots from that image in about 0.2 s: the
 * same state a fresh start reaches, reached faster.
 */

/// <reference lib="webworker" />
import type { PyodideInterface } from "pyodide";

import type { BootRequest, RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";
import RUN_MAIN from "./python/run_main.py?raw";

declare const __PYODIDE_BASE__: string;

const post = (message: WorkerMessage, transfer: Transferable[] = []) =>
  (self as DedicatedWorkerGlobalScope).postMessage(message, transfer);

let pyodide: PyodideInterface | null = null;
let runMain: ((source: string) => string | undefined) | null = null;
let batcher: OutputBatcher | null = null;
const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };

async function load(image: Uint8Array | null): Promise<PyodideInterface> {
  post({ type: "progress", text: "Loading Python…" });
  const url = `${__PYODIDE_BASE__}pyodide.mjs`;
  const { loadPyodide } = (await import(/* @vite-ignore */ url)) as typeof import("pyodide");
  const instance = (image && (await bootFromImage(loadPyodide, image))) || (await bootAndImage(loadPyodide));
  for (const stream of ["stdout", "stderr"] as const) {
    const writer = {
      write(buffer: Uint8Array): number {
        batcher?.write(stream, decoders[stream].decode(buffer, { stream: true }));
        return buffer.length;
      },
    };
    if (stream === "stdout") instance.setStdout(writer);
    else instance.setStderr(writer);
  }
  runMain = loadRunner(instance);
  return instance;
}

// `_loadSnapshot`, `_makeSnapshot` and `makeMemorySnapshot` are Pyodide's own (underscored)
// memory-snapshot options, as in Pyodide 314.0.7 (pinned exactly in package.json). Should a
// later Pyodide change them, booting from the image fails and the worker boots from scratch.
type LoadPyodide = typeof import("pyodide").loadPyodide;

async function bootFromImage(loadPyodide: LoadPyodide, image: Uint8Array): Promise<PyodideInterface | null> {
  try {
    return await loadPyodide({ indexURL: __PYODIDE_BASE__, _loadSnapshot: image });
  } catch {
    return null;
  }
}

/**
 * Boots from scratch, imports the standard library modules that programs use most, and sends
 * the page an image of the runtime as it is now, before any participant code ran.
 */
async function bootAndImage(loadPyodide: LoadPyodide): Promise<PyodideInterface> {
  const instance = await loadPyodide({ indexURL: __PYODIDE_BASE__, _makeSnapshot: true });
  preloadModules(instance);
  try {
    const image = instance.makeMemorySnapshot();
    post({ type: "boot-image", image }, [image.buffer]);
  } catch {
    // No image: later workers boot from scratch too, only slower.
  }
  return instance;
}

/**
 * Every run starts in a fresh runtime, where importing doctest alone took 1.3 s (it pulls in
 * pdb, inspect, difflib, unittest and 200 modules more, each read from the standard library's
 * zip and unmarshalled), against 0.1 s for CPython. Imported once here, they are in the image
 * every later runtime boots from: the same modules, untouched, and an import costs nothing.
 * A program sees them in sys.modules, as it sees the ones CPython imports at start-up.
 */
const PRELOADED_MODULES = [
  "doctest", "unittest", "collections", "itertools", "functools", "heapq", "bisect", "math",
  "re", "string", "dataclasses", "typing", "enum", "json", "decimal", "fractions", "statistics",
  "copy", "operator", "datetime", "textwrap", "pprint", "array", "random", "time", "traceback",
];

function preloadModules(instance: PyodideInterface): void {
  try {
    instance.runPython(`import ${PRELOADED_MODULES.join(", ")}`);
  } catch {
    // A module that fails to import is imported (and reported) by the program that needs it.
  }
}

/** The runner's `run(source)`, defined in a namespace of its own, away from `__main__`. */
function loadRunner(instance: PyodideInterface): (source: string) => string | undefined {
  const namespace = instance.globals.get("dict")();
  instance.runPython(RUN_MAIN, { globals: namespace });
  return namespace.get("run");
}

// When a file cannot be fetched (the host stopped PairPad mid-load), Pyodide rejects
// loadPyodide, which we report, and also leaves an internal promise unhandled: keep that one
// quiet while loading instead of surfacing it as an uncaught error.
let loaded = false;
self.addEventListener("unhandledrejection", (event) => {
  if (!loaded) event.preventDefault();
});

function whenBooted(image: Uint8Array | null): Promise<void> {
  return load(image).then(
    (instance) => {
      pyodide = instance;
      loaded = true;
      post({ type: "ready" });
    },
    (error: unknown) => post({ type: "load-error", message: `Python could not start: ${String(error)}` }),
  );
}

let loading: Promise<void> | null = null;

self.onmessage = async (event: MessageEvent<BootRequest | RunRequest>) => {
  if (event.data.type === "boot") {
    loading ??= whenBooted(event.data.image);
    return;
  }
  await loading;
  if (!pyodide || !runMain) return;
  const request = event.data;
  batcher = new OutputBatcher(post);
  let stdinUsed = false;
  pyodide.setStdin({
    stdin: () => {
      // An empty box is end of input at once: input() raises EOFError, as CPython does when
      // stdin is empty (returning "" would read as one empty line instead).
      if (stdinUsed || !request.stdin) return null;
      stdinUsed = true;
      return request.stdin;
    },
    autoEOF: true,
  });
  let error: string | null = null;
  try {
    error = runMain(request.code) ?? null;
  } catch (failure) {
    error = String(failure);
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
  batcher = null;
};
