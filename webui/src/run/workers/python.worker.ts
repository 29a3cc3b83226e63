/**
 * Python in a module worker, with Pyodide served from our own origin (no CDN: PairPad works
 * with the network cable out). A runaway loop blocks only this worker; the page terminates it
 * and switches to a warm spare. A worker runs one program and is then replaced by the warm
 * spare (runners.ts), so every run starts as a new `python` process would.
 *
 * Booting Pyodide takes seconds, mostly CPython initialising itself. So workers boot from a
 * memory image of the runtime taken just after start-up, before any participant code ran, in
 * a fraction of that: the same state a fresh start reaches, reached faster. The first worker
 * of a page boots from the image made at build time (scripts/python-boot-image.mjs), which
 * downloads alongside Pyodide's files, and hands it to the page for later workers; without one
 * (a development server) it boots from scratch and makes the image itself.
 */

/// <reference lib="webworker" />
import type { PyodideInterface } from "pyodide";

import type { BootRequest, BootSource, RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";
import { bytesWithProgress, countFetches, DownloadProgress } from "../wasmDownload";
import PRELOAD from "./python/preload.py?raw";
import RUN_MAIN from "./python/run_main.py?raw";

declare const __PYODIDE_BASE__: string;
/** What Pyodide fetches to start (wasm, standard library, lock file), uncompressed. */
declare const __PYTHON_BYTES__: number;
/** The build's boot image ("" when there is none) and its size. */
declare const __PYTHON_BOOT_IMAGE__: string;
declare const __PYTHON_BOOT_IMAGE_BYTES__: number;

const post = (message: WorkerMessage, transfer: Transferable[] = []) =>
  (self as DedicatedWorkerGlobalScope).postMessage(message, transfer);

let pyodide: PyodideInterface | null = null;
let runMain: ((source: string) => string | undefined) | null = null;
let batcher: OutputBatcher | null = null;
let booted: BootSource = "scratch";
const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };

async function load(image: Uint8Array | null): Promise<PyodideInterface> {
  post({ type: "progress", text: "Loading Python…" });
  // A worker handed an image by the page finds every file in the HTTP cache: nothing to show.
  const progress = image
    ? null
    : new DownloadProgress(__PYTHON_BYTES__ + __PYTHON_BOOT_IMAGE_BYTES__, (text) => post({ type: "progress", text }), "Loading Python…");
  // Asked for first, before fetch is watched: it counts itself.
  const served = image || !progress || !__PYTHON_BOOT_IMAGE__ ? null : bytesWithProgress(__PYTHON_BOOT_IMAGE__, progress.part());
  served?.catch(() => undefined); // a missing image is a fallback below, not an error
  const stopCounting = progress ? countFetches(__PYODIDE_BASE__, () => progress.part()) : () => undefined;
  let instance: PyodideInterface;
  try {
    const url = `${__PYODIDE_BASE__}pyodide.mjs`;
    const { loadPyodide } = (await import(/* @vite-ignore */ url)) as typeof import("pyodide");
    const fromPage = image && (await bootFromImage(loadPyodide, image));
    const fromBuild = !fromPage && served && (await bootFromServedImage(loadPyodide, served));
    booted = fromPage ? "page image" : fromBuild ? "build image" : "scratch";
    instance = fromPage || fromBuild || (await bootAndImage(loadPyodide));
  } finally {
    stopCounting();
  }
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

/** `image` may still be downloading: Pyodide fetches its own files meanwhile. */
async function bootFromImage(loadPyodide: LoadPyodide, image: Uint8Array | Promise<Uint8Array>): Promise<PyodideInterface | null> {
  try {
    return await loadPyodide({ indexURL: __PYODIDE_BASE__, _loadSnapshot: image });
  } catch {
    return null;
  }
}

/** Boots from the build's image, and hands it on to the page for later workers. */
async function bootFromServedImage(loadPyodide: LoadPyodide, served: Promise<Uint8Array>): Promise<PyodideInterface | null> {
  const instance = await bootFromImage(loadPyodide, served);
  if (!instance) return null;
  // Pyodide copied the image into its memory: the bytes can move to the page.
  const image = await served;
  post({ type: "boot-image", image }, [image.buffer]);
  return instance;
}

/**
 * Boots from scratch, imports the modules programs use most (python/preload.py), and sends the
 * page an image of the runtime as it is now, before any participant code ran.
 */
async function bootAndImage(loadPyodide: LoadPyodide): Promise<PyodideInterface> {
  const instance = await loadPyodide({ indexURL: __PYODIDE_BASE__, _makeSnapshot: true });
  try {
    instance.runPython(PRELOAD);
  } catch {
    // A module that fails to import is imported (and reported) by the program that needs it.
  }
  try {
    const image = instance.makeMemorySnapshot();
    post({ type: "boot-image", image }, [image.buffer]);
  } catch {
    // No image: later workers boot from scratch too, only slower.
  }
  return instance;
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
      post({ type: "ready", booted });
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
