/**
 * SQL on SQLite compiled to WebAssembly (sql.js), in a module worker. Every run gets a fresh
 * in-memory database, so a run never depends on what an earlier one left behind. Statements
 * run one by one, so the results before an error are shown, then the error with its line, as
 * the sqlite3 shell with `-bail` would.
 */

/// <reference lib="webworker" />
import initSqlJs, { type Database, type Statement } from "sql.js";
import wasmUrl from "sql.js/dist/sql-wasm.wasm?url";

import type { RunRequest, WorkerMessage } from "../messages";
import { OutputBatcher } from "../outputBatcher";
import { formatTable, type SqlValue } from "../sqlFormat";
import { rewriteGenerateSeries } from "../sqlSeries";
import { addShellFunctions } from "../sqlShellFunctions";

const post = (message: WorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);

post({ type: "progress", text: "Loading SQLite…" });
// SQLite's own math functions, as the sqlite3 shell has them, instead of sql.js's legacy
// extension functions (which differ, and warn on the console). sql.js reads this option; its
// published types do not declare it yet.
const options = { locateFile: () => wasmUrl, useOldExtensionFunctions: false };
const loading = initSqlJs(options).then(
  (sql) => {
    post({ type: "ready" });
    return sql;
  },
  (error: unknown) => {
    post({ type: "load-error", message: `SQLite could not start: ${String(error)}` });
    return null;
  },
);

// Whitespace and comments before a statement: its line is where its first word is.
const LEADING = /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

function lineAt(code: string, offset: number): number {
  const start = offset + (LEADING.exec(code.slice(offset))?.[0].length ?? 0);
  return code.slice(0, start).split("\n").length;
}

// INTEGERs as bigints, so that a REAL (a JS number) can be printed as SQLite prints it.
// sql.js's get() takes this option; its published types do not declare it yet.
type GetWithConfig = (params: null, config: { useBigInt: boolean }) => SqlValue[];
const nextRow = (statement: Statement) =>
  (statement.get as unknown as GetWithConfig).call(statement, null, { useBigInt: true });

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs every statement, writing each result set; returns the first error, or null. */
function runScript(database: Database, code: string, write: (text: string) => void): string | null {
  const statements = database.iterateStatements(code);
  let tables = 0;
  const show = (table: string) => write(tables++ > 0 ? `\n${table}` : table);
  for (;;) {
    const line = lineAt(code, code.length - statements.getRemainingSQL().length);
    let next: ReturnType<typeof statements.next>;
    try {
      next = statements.next();
    } catch (error) {
      return `Parse error near line ${line}: ${messageOf(error)}`;
    }
    if (next.done) break;
    const statement = next.value;
    try {
      const columns = statement.getColumnNames();
      const rows: SqlValue[][] = [];
      while (statement.step()) rows.push(nextRow(statement));
      if (columns.length > 0) show(formatTable(columns, rows));
    } catch (error) {
      return `Runtime error near line ${line}: ${messageOf(error)}`;
    } finally {
      statement.free();
    }
  }
  if (tables === 0) write("(no rows returned)\n");
  return null;
}

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const sql = await loading;
  if (!sql) return;
  const batcher = new OutputBatcher(post);
  const database = new sql.Database();
  addShellFunctions(database);
  let error: string | null = null;
  try {
    const code = rewriteGenerateSeries(event.data.code);
    error = runScript(database, code, (text) => batcher.write("stdout", text));
  } finally {
    database.close();
  }
  batcher.flush();
  post({ type: "done", error, truncated: batcher.truncated });
};
