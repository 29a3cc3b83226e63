/**
 * What the sqlite3 shell adds to SQLite's core that sql.js lacks, as far as a function can
 * add it: `regexp(pattern, text)`, behind `text REGEXP pattern` (the shell builds in
 * ext/misc/regexp.c). A match anywhere in the text counts, as there; NULL in, NULL out. The
 * pattern is a JavaScript regular expression, a superset of that extension's syntax.
 * (The shell's generate_series is a virtual table, which sql.js cannot define: sqlSeries.ts
 * rewrites it into SQL before the script runs.)
 */

import type { Database } from "sql.js";

type SqlArgument = number | string | Uint8Array | null;

export function addShellFunctions(database: Database): void {
  const compiled = new Map<string, RegExp>();
  database.create_function("regexp", (pattern: SqlArgument, text: SqlArgument) => {
    if (pattern === null || text === null) return null;
    const source = String(pattern);
    let expression = compiled.get(source);
    if (!expression) {
      expression = new RegExp(source);
      compiled.set(source, expression);
    }
    return expression.test(String(text));
  });
}
