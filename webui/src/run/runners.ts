/**
 * One worker pool per runtime. Adding a language is a worker file plus a line here (and its
 * editor mode in editor/languages.ts, and its id in server/languages.py).
 */

import type { Runner } from "./runner";
import { TypeCheckedRunner } from "./typeCheckedRunner";
import { TypeCheckerClient } from "./typeCheckerClient";
import { WorkerPool } from "./workerPool";

type Runtime = "python" | "javascript" | "sql" | "lua" | "ruby" | "postgres" | "clang";

const RUNTIME_OF: Record<string, Runtime> = {
  python: "python",
  javascript: "javascript",
  typescript: "javascript",
  sql: "sql",
  lua: "lua",
  ruby: "ruby",
  postgres: "postgres",
  c: "clang",
  cpp: "clang",
};

// `new Worker(new URL(...), {type: "module"})` must stay literal: Vite bundles each worker
// from it. Module workers: Pyodide refuses classic ones.
const SPAWN: Record<Runtime, () => Worker> = {
  python: () => new Worker(new URL("./workers/python.worker.ts", import.meta.url), { type: "module", name: "python" }),
  javascript: () => new Worker(new URL("./workers/js.worker.ts", import.meta.url), { type: "module", name: "javascript" }),
  sql: () => new Worker(new URL("./workers/sql.worker.ts", import.meta.url), { type: "module", name: "sql" }),
  lua: () => new Worker(new URL("./workers/lua.worker.ts", import.meta.url), { type: "module", name: "lua" }),
  ruby: () => new Worker(new URL("./workers/ruby.worker.ts", import.meta.url), { type: "module", name: "ruby" }),
  postgres: () => new Worker(new URL("./workers/postgres.worker.ts", import.meta.url), { type: "module", name: "postgres" }),
  clang: () => new Worker(new URL("./workers/clang.worker.ts", import.meta.url), { type: "module", name: "clang" }),
};
const spawnTypeChecker = () =>
  new Worker(new URL("./workers/typecheck.worker.ts", import.meta.url), { type: "module", name: "typecheck" });

// Each JavaScript and Python run gets a fresh worker, as a new `node` or `python` process
// would: nothing one run changes (globals, pending timers, imported modules) leaks into the
// next; Lua and Ruby runs the same way. The warm spare takes over at once, so this costs no
// waiting unless runs follow each other faster than a spare starts. SQLite gives each run a
// fresh database itself; PostgreSQL resets its database after each run (creating one takes
// seconds). The C/C++ compiler is kept: each run is a new program in a new WebAssembly instance.
const REUSE: Record<Runtime, boolean> = { python: false, javascript: false, sql: true, lua: false, ruby: false, postgres: true, clang: true };

type ProgressListener = (runtime: string, text: string | null) => void;
type SpareListener = (runtime: string, ready: boolean) => void;

export class Runners {
  private readonly pools = new Map<Runtime, WorkerPool>();
  private typescript: TypeCheckedRunner | null = null;
  // What each runtime said last, for a listener that comes later (listen()).
  private readonly lastProgress = new Map<string, string | null>();
  private readonly lastSpare = new Map<string, boolean>();

  constructor(
    private progressListener: ProgressListener = () => undefined,
    private spareListener: SpareListener = () => undefined,
  ) {}

  /**
   * Who hears of loading and spares from now on; they are told at once where each runtime
   * stands. The room starts a runtime before the page that shows its status is built.
   */
  listen(onProgress: ProgressListener, onSpare: SpareListener): void {
    this.progressListener = onProgress;
    this.spareListener = onSpare;
    for (const [runtime, text] of this.lastProgress) onProgress(runtime, text);
    for (const [runtime, ready] of this.lastSpare) onSpare(runtime, ready);
  }

  private readonly onProgress = (runtime: string, text: string | null) => {
    this.lastProgress.set(runtime, text);
    this.progressListener(runtime, text);
  };

  private readonly onSpare = (runtime: string, ready: boolean) => {
    this.lastSpare.set(runtime, ready);
    this.spareListener(runtime, ready);
  };

  static runnable(language: string): boolean {
    return language in RUNTIME_OF;
  }

  /** Whether a language's programs read standard input (SQL and PostgreSQL do not). */
  static readsStdin(language: string): boolean {
    return Runners.runnable(language) && language !== "sql" && language !== "postgres";
  }

  /** The runtime whose status a language shows: TypeScript's is its checker, C's the C/C++
   *  compiler, the others their own. */
  static runtimeOf(language: string): string {
    return language === "typescript" ? "typescript" : (RUNTIME_OF[language] ?? language);
  }

  /** TypeScript is JavaScript's pool behind the type checker; the others are their pool. */
  pool(language: string): Runner {
    if (language !== "typescript") return this.workerPool(language);
    this.typescript ??= new TypeCheckedRunner(
      this.workerPool("javascript"),
      new TypeCheckerClient(spawnTypeChecker, (text) => this.onProgress("typescript", text)),
    );
    return this.typescript;
  }

  private workerPool(language: string): WorkerPool {
    const runtime = RUNTIME_OF[language];
    if (!runtime) throw new Error(`no runner for ${language}`);
    let pool = this.pools.get(runtime);
    if (!pool) {
      pool = new WorkerPool(SPAWN[runtime], {
        reuse: REUSE[runtime],
        onProgress: (text) => this.onProgress(runtime, text),
        onSpare: (ready) => this.onSpare(runtime, ready),
        bootImages: runtime === "python",
        // The compiler's first compile runs on code the browser has not optimized yet, and a
        // spare loading beside it on a 2-core laptop makes it slower still: the C/C++ spare
        // waits for the first run (or 20 s).
        spareDelayMs: runtime === "clang" ? 20_000 : undefined,
        name: runtime,
      });
      this.pools.set(runtime, pool);
    }
    return pool;
  }

  dispose(): void {
    for (const pool of this.pools.values()) pool.dispose();
    this.pools.clear();
    this.typescript?.dispose();
    this.typescript = null;
  }
}
