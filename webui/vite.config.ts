/**
 * Builds the web UI into dist/, which the server serves. Everything the browser needs ends up
 * there (the editor, Yjs, the runners, Pyodide, SQLite's WebAssembly): nothing is loaded
 * from a CDN at run time.
 */

import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
const pyodideDir = dirname(require.resolve("pyodide/package.json"));
const pyodideVersion = (JSON.parse(readFileSync(join(pyodideDir, "package.json"), "utf8")) as { version: string }).version;
// Under assets/ (cached as immutable by the server), with the version in the path.
const pyodideBase = `/assets/pyodide-${pyodideVersion}/`;
// The runtime Pyodide loads at start-up. Only the core ships in npm; user code gets the
// standard library, and no package is ever fetched from a CDN.
const pyodideFiles = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];
// Python's boot image, made at build time by scripts/python-boot-image.mjs (prebuild); absent
// in a checkout that has not been built, and then the worker boots Python from scratch.
const bootImage = join(dirname(fileURLToPath(import.meta.url)), "src/run/workers/python/generated/boot-image.bin");
const BOOT_IMAGE_NAME = "boot-image.bin";

function pyodideRuntime(): Plugin {
  return {
    name: "pairpad-pyodide-runtime",
    configureServer(server) {
      server.middlewares.use(pyodideBase, (request, response, next) => {
        const name = (request.url ?? "").replace(/^\//, "").split("?")[0];
        if (!pyodideFiles.includes(name)) return next();
        const type = name.endsWith(".wasm") ? "application/wasm" : name.endsWith(".zip") ? "application/zip" : name.endsWith(".json") ? "application/json" : "text/javascript";
        response.setHeader("content-type", type);
        createReadStream(join(pyodideDir, name)).pipe(response);
      });
    },
    writeBundle(options) {
      const target = join(options.dir ?? "dist", pyodideBase);
      mkdirSync(target, { recursive: true });
      for (const name of pyodideFiles) {
        const source = join(pyodideDir, name);
        if (!existsSync(source)) throw new Error(`pyodide ${pyodideVersion} has no ${name}`);
        copyFileSync(source, join(target, name));
      }
      if (existsSync(bootImage)) copyFileSync(bootImage, join(target, BOOT_IMAGE_NAME));
    },
  };
}

// @replit/codemirror-emacs 6.1.0 registers its key bindings and commands in top-level calls
// marked /*@__PURE__*/ (dist/index.js), which the bundler drops as unused: every Emacs key
// would then do nothing. Without the marks the calls stay.
function keepEmacsBindings(): Plugin {
  return {
    name: "pairpad-keep-emacs-bindings",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("@replit/codemirror-emacs")) return null;
      return code.replaceAll("/*@__PURE__*/EmacsHandler.", "EmacsHandler.");
    },
  };
}

// Download progress needs a runtime's size before its gzipped copy arrives (wasmDownload.ts).
const bytesOf = (...files: string[]) => files.reduce((sum, file) => sum + statSync(require.resolve(file)).size, 0);
const rubyWasmBytes = bytesOf("@ruby/3.4-wasm-wasi/dist/ruby+stdlib.wasm");
// What Python's first load reads (the JavaScript module Pyodide imports is not counted: it
// arrives through import(), which the worker cannot watch).
const pythonBytes = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"].reduce((sum, file) => sum + statSync(join(pyodideDir, file)).size, 0);
const bootImageBytes = existsSync(bootImage) ? statSync(bootImage).size : 0;
const pgliteBytes = bytesOf("@electric-sql/pglite/pglite.wasm", "@electric-sql/pglite/initdb.wasm", "@electric-sql/pglite/pglite.data");

export default defineConfig({
  define: {
    __PYODIDE_BASE__: JSON.stringify(pyodideBase),
    __PYTHON_BYTES__: String(pythonBytes),
    __PYTHON_BOOT_IMAGE__: JSON.stringify(bootImageBytes ? `${pyodideBase}${BOOT_IMAGE_NAME}` : ""),
    __PYTHON_BOOT_IMAGE_BYTES__: String(bootImageBytes),
    __RUBY_WASM_BYTES__: String(rubyWasmBytes),
    __PGLITE_BYTES__: String(pgliteBytes),
  },
  plugins: [pyodideRuntime(), keepEmacsBindings()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    // A runtime's small WebAssembly parts stay files: the workers' policy lets them fetch only
    // from our own origin, not data: URLs (server/http_headers.py).
    assetsInlineLimit: (file: string) => (file.endsWith(".wasm") ? false : undefined),
  },
  worker: {
    format: "es",
    // Workers live under assets/workers/: the server gives that folder the one policy that
    // allows evaluating a participant's JavaScript (server/http_headers.py).
    rollupOptions: { output: { entryFileNames: "assets/workers/[name]-[hash].js", chunkFileNames: "assets/workers/[name]-[hash].js" } },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8000", "/ws": { target: "ws://127.0.0.1:8000", ws: true } },
  },
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.ts"],
  },
});
