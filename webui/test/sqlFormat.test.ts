import { describe, expect, it } from "vitest";

import { formatReal, formatTable } from "../src/run/sqlFormat";

describe("formatTable", () => {
  it("aligns columns under a dashed separator; numbers (INTEGERs arrive as bigints) right-aligned, text left-aligned", () => {
    expect(formatTable(["id", "name"], [[1n, "Ann"], [10n, "Bartholomew"], [200n, "Cy"]])).toBe(
      ["id  | name", "----+------------", "  1 | Ann", " 10 | Bartholomew", "200 | Cy", "(3 rows)", ""].join("\n"),
    );
  });

  it("makes each column as wide as its longest header or cell", () => {
    const out = formatTable(["a_long_header", "b"], [[1n, "wide value"]]);
    expect(out).toBe(
      ["a_long_header | b", "--------------+-----------", "            1 | wide value", "(1 row)", ""].join("\n"),
    );
  });

  it("prints NULL for null, and a column of numbers and NULLs stays right-aligned", () => {
    expect(formatTable(["n", "s"], [[null, null], [12345n, "x"]])).toBe(
      ["n     | s", "------+-----", " NULL | NULL", "12345 | x", "(2 rows)", ""].join("\n"),
    );
  });

  it("prints blobs as x'..' hex literals, two lowercase digits per byte", () => {
    const out = formatTable(["b"], [[new Uint8Array([0, 1, 15, 16, 171, 255])], [new Uint8Array([])]]);
    expect(out).toBe(["b", "---------------", "x'00010f10abff'", "x''", "(2 rows)", ""].join("\n"));
  });

  it("prints INTEGERs (bigints) and REALs (numbers) as SQLite does, right-aligned", () => {
    expect(formatTable(["v"], [[9007199254740993n], [1.5], [-2]])).toBe(
      ["v", "----------------", "9007199254740993", "             1.5", "            -2.0", "(3 rows)", ""].join(
        "\n",
      ),
    );
  });

  it.each([
    [50000, "50000.0"],
    [0.1 + 0.2, "0.30000000000000004"],
    [1e20, "1.0e+20"],
    [1.5e-7, "1.5e-07"],
    [0.0001, "0.0001"],
    [123456789012345.6, "123456789012345.6"],
    [-0.5, "-0.5"],
  ])("prints the REAL %d as %s", (value, text) => {
    expect(formatReal(value)).toBe(text);
  });

  it("a column mixing text and numbers is left-aligned", () => {
    expect(formatTable(["v"], [["abc"], [7n]])).toBe(["v", "---", "abc", "7", "(2 rows)", ""].join("\n"));
  });

  it("says '(1 row)' for one row and '(N rows)' otherwise", () => {
    expect(formatTable(["x"], [[1n]])).toMatch(/\(1 row\)\n$/);
    expect(formatTable(["x"], [[1n], [2n]])).toMatch(/\(2 rows\)\n$/);
    expect(formatTable(["x"], [])).toMatch(/\(0 rows\)\n$/);
  });

  it("an empty result set prints the header, the separator and (0 rows)", () => {
    expect(formatTable(["id", "name"], [])).toBe(["id | name", "---+-----", "(0 rows)", ""].join("\n"));
  });

  it("does not leave trailing spaces on any line", () => {
    const out = formatTable(["name", "x"], [["a", "b"], ["longer", "c"]]);
    for (const line of out.split("\n")) expect(line).toBe(line.trimEnd());
  });

  it("ends with exactly one newline", () => {
    const out = formatTable(["x"], [[1n]]);
    expect(out.endsWith("\n")).toBe(true);
    expect(out.endsWith("\n\n")).toBe(false);
  });
});
