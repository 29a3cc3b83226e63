/**
 * SQL on SQLite compiled to WebAssembly (sql.js), in a module worker. Every run gets a fresh
 * in-memory database, so a run never depends on what an earlier one left behind.
 */

/// <reference lib="webworker" />
import initSqlJs from "sql.js";
import wasmUrl from "sql.js/dist/sql-wasm.wasm?url";

import type { RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";
import { formatTable } from "../sqlFormat";

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);

post({ type: "progress", text: "Loading SQLite…" });
const loading = initSqlJs({ locateFile: () => wasmUrl }).then(
  (sql) => {
    post({ type: "ready" });
    return sql;
  },
  (error: unknown) => {
    post({ type: "load-error", message: `SQLite could not start: ${String(error)}` });
    return null;
  },
);

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const sql = await loading;
  if (!sql) return;
  const batcher = new OutputBatcher(post);
  const database = new sql.Database();
  let error: string | null = null;
  try {
    const results = database.exec(event.data.code);
    if (results.length === 0) batcher.write("stdout", "(no rows returned)\n");
    results.forEach((result, index) => {
      if (index > 0) batcher.write("stdout", "\n");
      batcher.write("stdout", formatTable(result.columns, result.values));
    });
  } catch (failure) {
    error = failure instanceof Error ? `Error: ${failure.message}` : String(failure);
  } finally {
    database.close();
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
};
