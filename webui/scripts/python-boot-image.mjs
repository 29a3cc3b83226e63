/**
 * The Python runtime's boot image: Pyodide started once, at build time (in Node), and its memory
 * taken just after start-up, before any code of anyone's ran (Pyodide's own memory-snapshot
 * options, as python.worker.ts uses them for later workers). A browser that boots from it skips
 * CPython's start-up, seconds of CPU on a laptop, for ~6 MB more to download (gzipped); the
 * worker falls back to booting from scratch when it is missing or refused. The standard modules
 * the runner itself imports (run_main.py's `import` lines) are imported before the image is
 * taken: every run imports them before the participant's code anyway; so are the modules
 * programs use most (python/preload.py).
 *
 * Written to src/run/workers/python/generated/ (the Vite config copies it into dist/ and tells
 * the worker its size). Skipped when the file there was made by this Pyodide and this script.
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outputDir = join(here, "..", "src", "run", "workers", "python", "generated");
const imagePath = join(outputDir, "boot-image.bin");
const keyPath = join(outputDir, "boot-image.bin.key");
const pyodideDir = join(here, "..", "node_modules", "pyodide");

const runMain = readFileSync(join(here, "..", "src", "run", "workers", "python", "run_main.py"), "utf8");
const runnerImports = runMain.split("\n").filter((line) => /^import [\w.]+$/.test(line));
// The modules programs use most, imported before the image is taken (see the file's comment).
const preload = readFileSync(join(here, "..", "src", "run", "workers", "python", "preload.py"), "utf8");
const pyodideVersion = JSON.parse(readFileSync(join(pyodideDir, "package.json"), "utf8")).version;
const key = createHash("sha256")
  .update(JSON.stringify([pyodideVersion, statSync(join(pyodideDir, "pyodide.asm.wasm")).size, readFileSync(fileURLToPath(import.meta.url), "utf8"), runnerImports, preload]))
  .digest("hex");

if (existsSync(imagePath) && existsSync(keyPath) && readFileSync(keyPath, "utf8") === key) process.exit(0);

const started = performance.now();
const { loadPyodide } = await import("pyodide");
// As the worker boots (python.worker.ts): only indexURL, Pyodide's defaults for the rest.
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, _makeSnapshot: true });
pyodide.runPython(runnerImports.join("\n"));
pyodide.runPython(preload);
const image = pyodide.makeMemorySnapshot();
mkdirSync(outputDir, { recursive: true });
writeFileSync(imagePath, image);
writeFileSync(keyPath, key);
console.log(`made Python's boot image (${(image.length / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
