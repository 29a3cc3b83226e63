/**
 * SQL on PostgreSQL (PGlite: PostgreSQL compiled to WebAssembly), in a module worker. The
 * worker downloads the server, creates its database (seconds), and waits. After each run the
 * database is reset to how it was created (freshDatabase.ts), so every run starts from an
 * empty database without waiting; Stop or the timeout switch to the pool's warm spare.
 * Results print as the SQLite runner prints them; an error as psql shows it.
 */

/// <reference lib="webworker" />
import { PGlite } from "@electric-sql/pglite";
import initdbWasmUrl from "@electric-sql/pglite/initdb.wasm?url";
import dataUrl from "@electric-sql/pglite/pglite.data?url";
import pgliteWasmUrl from "@electric-sql/pglite/pglite.wasm?url";

import type { RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";
import { resetDatabase } from "../postgres/freshDatabase";
import { describeServerError } from "../postgres/pgErrors";
import { type BackendMessage, queryMessage, readResults } from "../postgres/simpleQuery";
import { formatTable } from "../sqlFormat";
import { DownloadProgress, blobWithProgress, compileWithProgress } from "../wasmDownload";

declare const __PGLITE_BYTES__: number;

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);

async function startPostgres(): Promise<PGlite> {
  post({ type: "progress", text: "Loading PostgreSQL…" });
  const progress = new DownloadProgress(__PGLITE_BYTES__, (text) => post({ type: "progress", text }), "Loading PostgreSQL…");
  // Handed in rather than fetched by PGlite, so that the download shows its progress.
  const [wasmModule, initdbWasmModule, fsBundle] = await Promise.all([
    compileWithProgress(pgliteWasmUrl, progress.part()),
    compileWithProgress(initdbWasmUrl, progress.part()),
    blobWithProgress(dataUrl, progress.part()),
  ]);
  post({ type: "progress", text: "Starting PostgreSQL…" });
  return PGlite.create({ wasmModule, initdbWasmModule, fsBundle });
}

const loading = startPostgres().then(
  (database) => {
    post({ type: "ready" });
    return database;
  },
  (error: unknown) => {
    post({ type: "load-error", message: `PostgreSQL could not start: ${String(error)}` });
    return null;
  },
);

/** Writes each result set as a table; returns the error, or null. */
async function runScript(database: PGlite, script: string, write: (text: string) => void): Promise<string | null> {
  const answer = await database.execProtocol(queryMessage(script), { throwOnError: false });
  const { tables, error } = readResults(answer.messages as BackendMessage[]);
  tables.forEach((table, index) => {
    const text = formatTable(table.columns, table.rows, table.numeric);
    write(index > 0 ? `\n${text}` : text);
  });
  if (tables.length === 0 && !error) write("(no rows returned)\n");
  return error ? describeServerError(script, error.message, error.position) : null;
}

// The reset after a run, which the next run waits for.
let resetting: Promise<void> = Promise.resolve();

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const database = await loading;
  if (!database) return;
  await resetting;
  const batcher = new OutputBatcher(post);
  let error: string | null = null;
  try {
    error = await runScript(database, event.data.code, (text) => batcher.write("stdout", text));
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
  resetting = resetDatabase(database).catch((failure: unknown) => {
    // The next run would see this one's tables: say why, where a developer looks.
    console.error("PostgreSQL could not be reset after a run:", failure);
  });
};
