import { describe, expect, it } from "vitest";

import { ProgramSyntaxError, UnavailableImportError, moduleToFunctionBody } from "../src/run/js/moduleProgram";
import { cleanStack } from "../src/run/js/nodeErrors";

describe("moduleToFunctionBody", () => {
  it("drops export keywords and keeps every line where it was", () => {
    const code = "export const a = 1;\nexport default function f() {}\nexport { a as b };\nexport default 2;\n";
    expect(() => moduleToFunctionBody(code, "main.js")).toThrow(ProgramSyntaxError); // two defaults
    const body = moduleToFunctionBody("export const a = 1;\nexport function f() {}\nexport {\n  a as b,\n};\n", "main.js");
    expect(body).toBe("const a = 1;\nfunction f() {}\n\n\n\n");
  });

  it("binds the provided modules' imports", () => {
    const body = moduleToFunctionBody('import util, { inspect as show } from "node:util";', "main.js");
    expect(body).toBe('const util = __modules["node:util"], { inspect: show } = __modules["node:util"];');
  });

  it("refuses other imports, saying which line", () => {
    expect(() => moduleToFunctionBody('\nimport fs from "fs";', "main.js")).toThrow(UnavailableImportError);
    expect(() => moduleToFunctionBody('\nimport fs from "fs";', "main.js")).toThrow(/"fs" \(main\.js:2\)/);
  });

  it("locates syntax errors with a 1-based line and a 0-based column", () => {
    try {
      moduleToFunctionBody("let x = 1;\nlet x = 2;", "main.js");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ message: "Identifier 'x' has already been declared", line: 2, column: 4 });
    }
  });
});

describe("cleanStack", () => {
  it("shows the editor's lines and none of our frames", () => {
    const stack = [
      "Error: boom",
      "    at f (main.js:4:22)",
      "    at eval (main.js:9:21)",
      "    at Array.map (<anonymous>)",
      "    at async eval (main.js:9:11)",
      "    at self.onmessage (http://host/assets/workers/js.worker-abc.js:1:2)",
    ].join("\n");
    expect(cleanStack(stack, "main.js")).toBe(
      "Error: boom\n    at f (main.js:1:22)\n    at main.js:6:21\n    at Array.map (<anonymous>)\n    at main.js:6:11",
    );
  });
});
