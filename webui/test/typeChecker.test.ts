// @vitest-environment node
import { describe, expect, it } from "vitest";

import { TypeChecker } from "../src/run/ts/typeChecker";

const ISSUE_REPRODUCTION = 'function add(a: number, b: number) { return a + b }; console.log(add("1", 2))';

describe("TypeChecker: tsc's diagnostics for main.ts", () => {
  const checker = new TypeChecker();

  it("reports the issue's reproduction as tsc 5.9 does, at the argument's line and column", () => {
    // Recorded from `tsc --strict --target es2022 --lib es2022 --noEmit --pretty false main.ts`
    // (with console declared): the "1" is the 70th character of line 1.
    expect(checker.check(ISSUE_REPRODUCTION)).toEqual({
      report: "main.ts(1,70): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.\n",
      errorCount: 1,
    });
  });

  it("finds nothing wrong in a clean program using ES2022, timers, console and node:util", () => {
    const code = [
      'import { inspect } from "node:util";',
      "const sizes = new Map<string, number>([['a', 1]]);",
      "const last = [1, 2, 3].at(-1) ?? 0;",
      "setTimeout(() => console.log(inspect(sizes), last, Object.hasOwn({}, 'x')), 10);",
      "await Promise.resolve();",
      "export {};",
    ].join("\n");
    expect(checker.check(code)).toEqual({ report: "", errorCount: 0 });
  });

  // The expected reports below were recorded from tsc 5.9.3, as the first test says, with
  // src/run/ts/programGlobals.d.ts as a second file.
  it("sees no DOM and no Node globals the runner lacks, as a Node script's lib set would not", () => {
    expect(checker.check("document.title;\nprocess.exit(0);\n").report).toBe(
      "main.ts(1,1): error TS2584: Cannot find name 'document'. Do you need to change your target library? Try changing the 'lib' compiler option to include 'dom'.\n" +
        "main.ts(2,1): error TS2591: Cannot find name 'process'. Do you need to install type definitions for node? Try `npm i --save-dev @types/node` and then add 'node' to the types field in your tsconfig.\n",
    );
  });

  it("reports strict-mode errors on later lines with their line and column", () => {
    const { report, errorCount } = checker.check("let n = 1;\n\nfunction f(x) {\n  return x;\n}\nn = 'a';\n");
    expect(errorCount).toBe(2);
    expect(report).toBe(
      "main.ts(3,12): error TS7006: Parameter 'x' implicitly has an 'any' type.\n" +
        "main.ts(6,1): error TS2322: Type 'string' is not assignable to type 'number'.\n",
    );
  });

  it("prints a chained message as tsc does, indented under its first line", () => {
    const code =
      'const p: { a: { b: number } } = { a: { b: "x" } };\n' +
      "const q: { a: { b: number } }[] = [{ a: { b: 1 } }];\n" +
      "const r: Array<{ b: number }> = q;\n";
    expect(checker.check(code).report).toBe(
      "main.ts(1,40): error TS2322: Type 'string' is not assignable to type 'number'.\n" +
        "main.ts(3,7): error TS2322: Type '{ a: { b: number; }; }[]' is not assignable to type '{ b: number; }[]'.\n" +
        "  Property 'b' is missing in type '{ a: { b: number; }; }' but required in type '{ b: number; }'.\n",
    );
  });
});
