import { describe, expect, it } from "vitest";

import { formatArgs, inspect } from "../src/run/inspect";

describe("formatArgs (console.log)", () => {
  it("prints top-level strings raw and joins arguments with one space", () => {
    expect(formatArgs(["Hello", "world", 42])).toBe("Hello world 42");
    expect(formatArgs(["line\nbreak", ""])).toBe("line\nbreak ");
  });

  it("quotes strings nested in arrays and objects", () => {
    expect(formatArgs([["a", "b"]])).toBe("[ 'a', 'b' ]");
    expect(formatArgs([{ s: "x" }])).toBe("{ s: 'x' }");
  });

  it("prints nothing for no arguments", () => {
    expect(formatArgs([])).toBe("");
  });
});

describe("inspect: primitives", () => {
  it("numbers, including -0, NaN and infinities", () => {
    expect(inspect(42)).toBe("42");
    expect(inspect(1.5)).toBe("1.5");
    expect(inspect(-0)).toBe("-0");
    expect(inspect(0)).toBe("0");
    expect(inspect(NaN)).toBe("NaN");
    expect(inspect(-Infinity)).toBe("-Infinity");
    expect(formatArgs([-0])).toBe("-0");
  });

  it("bigints with an n suffix", () => {
    expect(inspect(10n)).toBe("10n");
    expect(inspect(-12345678901234567890n)).toBe("-12345678901234567890n");
  });

  it("undefined, null, booleans and symbols", () => {
    expect(inspect(undefined)).toBe("undefined");
    expect(inspect(null)).toBe("null");
    expect(inspect(true)).toBe("true");
    expect(inspect(Symbol("tag"))).toBe("Symbol(tag)");
    expect(formatArgs([undefined, null])).toBe("undefined null");
  });

  it("strings in single quotes, with escapes", () => {
    expect(inspect("hi")).toBe("'hi'");
    expect(inspect("a\nb\tc")).toBe("'a\\nb\\tc'");
    expect(inspect("")).toBe("''");
  });
});

describe("inspect: containers", () => {
  it("arrays, nested arrays and the empty array", () => {
    expect(inspect([1, [2, [3]]])).toBe("[ 1, [ 2, [ 3 ] ] ]");
    expect(inspect([])).toBe("[]");
    expect(inspect([[], 1])).toBe("[ [], 1 ]");
  });

  it("objects: identifier keys bare, other keys quoted, the empty object as {}", () => {
    expect(inspect({ a: 1, "b-c": 2, _ok: 3, $d: 4 })).toBe('{ a: 1, "b-c": 2, _ok: 3, $d: 4 }');
    expect(inspect({})).toBe("{}");
    expect(inspect({ nested: { deeper: [true] } })).toBe("{ nested: { deeper: [ true ] } }");
  });

  it("Maps and Sets with their sizes", () => {
    expect(inspect(new Map<unknown, unknown>([["k", 1], [2, { v: "w" }]]))).toBe(
      "Map(2) { 'k' => 1, 2 => { v: 'w' } }",
    );
    expect(inspect(new Set([1, "two"]))).toBe("Set(2) { 1, 'two' }");
  });

  it("empty Maps and Sets print as Map(0) {} and Set(0) {}", () => {
    expect(inspect(new Map())).toBe("Map(0) {}");
    expect(inspect(new Set())).toBe("Set(0) {}");
  });

  it("a string containing '[  ]' inside an array is printed unchanged", () => {
    expect(inspect(["[  ]"])).toBe("[ '[  ]' ]");
  });

  it("class instances are prefixed with the class name", () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    class Empty {}
    expect(inspect(new Point(1, 2))).toBe("Point { x: 1, y: 2 }");
    expect(inspect(new Empty())).toBe("Empty {}");
  });

  it("objects without a prototype print as plain objects", () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.a = 1;
    expect(inspect(bare)).toBe("{ a: 1 }");
  });
});

describe("inspect: references and depth", () => {
  it("marks circular references instead of recursing forever", () => {
    const node: Record<string, unknown> = { name: "a" };
    node.self = node;
    expect(inspect(node)).toBe("{ name: 'a', self: [Circular] }");
    const list: unknown[] = [1];
    list.push(list);
    expect(inspect(list)).toBe("[ 1, [Circular] ]");
    const map = new Map<string, unknown>();
    map.set("me", map);
    expect(inspect(map)).toBe("Map(1) { 'me' => [Circular] }");
  });

  it("prints an object shared by two siblings twice (it is not circular)", () => {
    const shared = { x: 1 };
    expect(inspect([shared, shared])).toBe("[ { x: 1 }, { x: 1 } ]");
  });

  it("stops at depth 2 like Node, with [Object] and [Array] placeholders", () => {
    expect(inspect({ a: { b: { c: { d: 1 } } } })).toBe("{ a: { b: { c: [Object] } } }");
    expect(inspect([[[[1]]]])).toBe("[ [ [ [Array] ] ] ]");
    expect(formatArgs([{ a: { b: { c: { d: 1 } } } }])).toBe("{ a: { b: { c: [Object] } } }");
  });

  it("honours an explicit depth", () => {
    expect(inspect({ a: { b: 1 } }, 0)).toBe("{ a: [Object] }");
    expect(inspect({ a: { b: 1 } }, -1)).toBe("[Object]");
  });
});

describe("inspect: functions, errors, dates, regexps", () => {
  it("functions by name, or (anonymous)", () => {
    function named() {}
    const anonymous = [() => 1][0];
    expect(inspect(named)).toBe("[Function: named]");
    expect(inspect(anonymous)).toBe("[Function: (anonymous)]");
    expect(inspect({ f: named })).toBe("{ f: [Function: named] }");
  });

  it("errors by their stack, or 'Name: message' without one", () => {
    const error = new TypeError("bad thing");
    expect(inspect(error)).toBe(error.stack);
    expect(inspect(error).startsWith("TypeError: bad thing")).toBe(true);
    const bare = new RangeError("no stack");
    bare.stack = undefined;
    expect(inspect(bare)).toBe("RangeError: no stack");
    expect(formatArgs(["failed:", bare])).toBe("failed: RangeError: no stack");
  });

  it("dates as ISO strings and regexps as literals", () => {
    expect(inspect(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)))).toBe("2024-01-02T03:04:05.006Z");
    expect(inspect(/a+b/gi)).toBe("/a+b/gi");
  });

  it("an invalid Date prints as 'Invalid Date' instead of throwing", () => {
    expect(inspect(new Date("not a date"))).toBe("Invalid Date");
  });
});
