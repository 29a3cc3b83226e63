import { format as nodeFormat } from "node:util";

import { describe, expect, it } from "vitest";

import { makeNodeConsole } from "../src/run/js/nodeConsole";

function printed(...args: unknown[]): string {
  let text = "";
  makeNodeConsole((_, chunk) => (text += chunk)).log(...args);
  return text;
}

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

const circular: Record<string, unknown> = { name: "loop" };
circular.self = circular;

// The real Node running these tests is the reference.
const CASES: [string, unknown[]][] = [
  ["every substitution", ["%s %d %i %f %j %o %O %%", "s", 4.5, 4.5, "1.5", { a: 1 }, [1], { b: "c" }]],
  ["a long array, broken over lines", [Array.from({ length: 40 }, (_, i) => i * 7)]],
  ["seven strings", [["apple", "banana", "cherry", "dates", "elderberry", "fig", "grape"]]],
  ["nested quotes", [{ quote: "it's", both: `it's "x"`, back: "`a` 'b' \"c\"" }]],
  ["Map and Set", [new Map([["a", { b: [1, 2] }]]), new Set([1, "two"])]],
  ["class instances", [new Point(1, 2), [new Point(3, 4)]]],
  ["typed arrays", [new Uint8Array([1, 2, 3]), new Float64Array(2)]],
  ["circular references", [circular]],
  ["depth past 2", [{ a: { b: { c: { d: 1 } } } }]],
  ["a long object", [{ aaaaaaaaaaaaaaaaaaa: "aaaaaaaaaaaaaaaaaaaaa", bbbbbbbbbbbbbbbbbbbb: "bbbbbbbbbbbbbbbbbb", c: 1 }]],
  ["odd numbers", [[-0, NaN, 1e21, 123n, 0.1 + 0.2]]],
];

describe("console.log", () => {
  it.each(CASES)("prints %s as Node does", (_, args) => {
    expect(printed(...args)).toBe(`${nodeFormat(...args)}\n`);
  });

  it("indents groups by two spaces", () => {
    let text = "";
    const console = makeNodeConsole((_, chunk) => (text += chunk));
    console.group("outer");
    console.log("a\nb");
    console.groupEnd();
    console.log("c");
    expect(text).toBe("outer\n  a\n  b\nc\n");
  });
});
