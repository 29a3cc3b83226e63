import { describe, expect, it } from "vitest";

import { describeServerError } from "../src/run/postgres/pgErrors";
import { queryMessage, readResults } from "../src/run/postgres/simpleQuery";

describe("PostgreSQL errors", () => {
  it("say the script's line and point a caret at the column, as psql does", () => {
    const script = "SELECT 1;\nSELECT *\n  FROM missing;\n";
    const position = script.indexOf("missing") + 1;

    expect(describeServerError(script, 'relation "missing" does not exist', position)).toBe(
      'ERROR:  relation "missing" does not exist\nLINE 3:   FROM missing;\n               ^',
    );
  });

  it("count characters as PostgreSQL does, not UTF-16 units", () => {
    const script = "SELECT '😀', x;";
    expect(describeServerError(script, 'column "x" does not exist', 13)).toBe(
      "ERROR:  column \"x\" does not exist\nLINE 1: SELECT '😀', x;\n                    ^",
    );
  });

  it("without a position: the message alone", () => {
    expect(describeServerError("SELECT 1/0;", "division by zero", null)).toBe("ERROR:  division by zero");
  });
});

describe("simple query protocol", () => {
  it("frames the script as one Query message", () => {
    expect([...queryMessage("SELECT 1")]).toEqual([81, 0, 0, 0, 13, ...new TextEncoder().encode("SELECT 1"), 0]);
  });

  it("reads each result set, with numeric columns marked, and the first error", () => {
    const read = readResults([
      { name: "commandComplete" },
      { name: "rowDescription", fields: [{ name: "id", dataTypeID: 23 }, { name: "name", dataTypeID: 25 }] },
      { name: "dataRow", fields: ["1", null] },
      { name: "error", message: "boom", position: "12" },
    ]);

    expect(read.tables).toEqual([{ columns: ["id", "name"], numeric: [true, false], rows: [["1", null]] }]);
    expect(read.error).toEqual({ message: "boom", position: 12 });
  });
});
