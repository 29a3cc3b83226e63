import initSqlJs, { type Database } from "sql.js";
import { beforeAll, describe, expect, it } from "vitest";

import { rewriteGenerateSeries } from "../src/run/sqlSeries";

let database: Database;

beforeAll(async () => {
  const sql = await initSqlJs();
  database = new sql.Database();
});

// The rows of the last statement, as the rewritten script gives them.
function rows(code: string): unknown[][] {
  const results = database.exec(rewriteGenerateSeries(code));
  return results.length ? results[results.length - 1].values : [];
}

const column = (code: string) => rows(code).map((row) => row[0]);

describe("generate_series, as the sqlite3 shell has it", () => {
  it("counts from start to stop, in a column named value", () => {
    const result = database.exec(rewriteGenerateSeries("SELECT * FROM generate_series(1, 5);"));
    expect(result[0].columns).toEqual(["value"]);
    expect(column("SELECT value FROM generate_series(1, 5)")).toEqual([1, 2, 3, 4, 5]);
  });

  it("takes a step, counts down with a negative one, and counts a step of 0 as 1", () => {
    expect(column("SELECT value FROM generate_series(0, 10, 5)")).toEqual([0, 5, 10]);
    expect(column("SELECT value FROM generate_series(1, 7, -3)")).toEqual([7, 4, 1]);
    expect(column("SELECT value FROM generate_series(1, 3, 0)")).toEqual([1, 2, 3]);
  });

  it("gives no rows for an empty range or a NULL argument", () => {
    expect(column("SELECT value FROM generate_series(5, 1)")).toEqual([]);
    expect(column("SELECT value FROM generate_series(1, NULL)")).toEqual([]);
    expect(column("SELECT value FROM generate_series(1, 3, NULL)")).toEqual([]);
  });

  it("runs to 4294967295 without a stop, lazily under a LIMIT", () => {
    expect(column("SELECT value FROM generate_series(4294967294) LIMIT 5")).toEqual([
      4294967294, 4294967295,
    ]);
    expect(column("SELECT value FROM generate_series(1) LIMIT 3")).toEqual([1, 2, 3]);
  });

  it("is found in any case and spacing, in joins, CTEs and subqueries, with or without a name", () => {
    expect(column("select VALUE from GENERATE_SERIES (1,\n 2)")).toEqual([1, 2]);
    expect(column("SELECT generate_series.value FROM generate_series(1, 2)")).toEqual([1, 2]);
    expect(column("SELECT g.value FROM generate_series(3, 4) AS g")).toEqual([3, 4]);
    expect(column("SELECT s.value FROM generate_series(5, 6) s WHERE s.value > 5")).toEqual([6]);
    expect(
      rows("SELECT a.value, b.value FROM generate_series(1, 2) a JOIN generate_series(1, 2) b ON a.value < b.value"),
    ).toEqual([[1, 2]]);
    expect(
      column("WITH t AS (SELECT value * 2 AS v FROM generate_series(1, 3)) SELECT v FROM t"),
    ).toEqual([2, 4, 6]);
    expect(column("SELECT (SELECT sum(value) FROM generate_series(1, 4))")).toEqual([10]);
  });

  it("evaluates its arguments as expressions, parentheses and commas included", () => {
    expect(column("SELECT value FROM generate_series(max(1, 2), (3 + 1) * 1)")).toEqual([2, 3, 4]);
  });

  it("leaves strings, comments and other uses of the name alone", () => {
    const code = "SELECT 'FROM generate_series(1, 2)' -- FROM generate_series(1, 2)\n;";
    expect(rewriteGenerateSeries(code)).toBe(code);
    const quoted = `SELECT "generate_series" FROM t;`;
    expect(rewriteGenerateSeries(quoted)).toBe(quoted);
  });

  it("keeps every line where it was, so errors name the line that was written", () => {
    const code = "SELECT value\nFROM generate_series(\n  1, -- from\n  3\n)\nWHERE oops;\nSELECT 2;";
    const rewritten = rewriteGenerateSeries(code);
    expect(rewritten.split("\n")).toHaveLength(code.split("\n").length);
    expect(rewritten.split("\n")[5]).toBe("WHERE oops;");
    expect(rewritten.split("\n")[6]).toBe("SELECT 2;");
    expect(() => database.exec(rewritten)).toThrow(/no such column: oops/);
  });
});
