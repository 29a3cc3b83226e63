/**
 * Python in a module worker, with Pyodide served from our own origin (no CDN: PairPad works
 * with the network cable out). A runaway loop blocks only this worker; the page terminates it
 * and switches to a warm spare.
 */

/// <reference lib="webworker" />
import type { PyodideInterface } from "pyodide";

import type { RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";

declare const __PYODIDE_BASE__: string;

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);

// Runs the participant's code in a fresh namespace and returns the traceback text (or None),
// showing only their own frames: "<main>" is their code, everything above it is ours.
const RUNNER = `
import sys, traceback

def _pairpad_run(source):
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    try:
        exec(compile(source, "<main>", "exec"), namespace)
    except SystemExit as stop:
        if stop.code not in (None, 0):
            return f"SystemExit: {stop.code}"
    except BaseException as error:
        tb = error.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != "<main>":
            tb = tb.tb_next
        text = "".join(traceback.format_exception(type(error), error, tb))
        if isinstance(error, ModuleNotFoundError):
            text += "(Only the Python standard library is available: PairPad runs offline.)\\n"
        return text
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return None
`;

let pyodide: PyodideInterface | null = null;
let batcher: OutputBatcher | null = null;
const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };

async function load(): Promise<PyodideInterface> {
  post({ type: "progress", text: "Loading Python…" });
  const url = `${__PYODIDE_BASE__}pyodide.mjs`;
  const { loadPyodide } = (await import(/* @vite-ignore */ url)) as typeof import("pyodide");
  const instance = await loadPyodide({ indexURL: __PYODIDE_BASE__ });
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
  instance.runPython(RUNNER);
  return instance;
}

// When a file cannot be fetched (the host stopped PairPad mid-load), Pyodide rejects
// loadPyodide, which we report, and also leaves an internal promise unhandled: keep that one
// quiet while loading instead of surfacing it as an uncaught error.
let loaded = false;
self.addEventListener("unhandledrejection", (event) => {
  if (!loaded) event.preventDefault();
});

const loading = load().then(
  (instance) => {
    pyodide = instance;
    loaded = true;
    post({ type: "ready" });
  },
  (error: unknown) => post({ type: "load-error", message: `Python could not start: ${String(error)}` }),
);

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  await loading;
  if (!pyodide) return;
  const request = event.data;
  batcher = new OutputBatcher(post);
  let stdinUsed = false;
  pyodide.setStdin({
    stdin: () => {
      if (stdinUsed) return null;
      stdinUsed = true;
      return request.stdin;
    },
    autoEOF: true,
  });
  const run = pyodide.globals.get("_pairpad_run") as (source: string) => string | undefined;
  let error: string | null = null;
  try {
    error = run(request.code) ?? null;
  } catch (failure) {
    error = String(failure);
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
  batcher = null;
};
