import { describe, expect, it } from "vitest";

import { parseJobs } from "../src/run/clang/toolchain";

describe("the driver's jobs, as clang -### lists them", () => {
  it("reads each quoted job line into its words, unescaping quotes", () => {
    const listing = [
      'clang version 22.0.0git',
      "Target: wasm32-unknown-wasip1",
      'InstalledDir: /usr/bin',
      ' (in-process)',
      ' "" "-cc1" "-triple" "wasm32-unknown-wasip1" "-D" "GREETING=\\"hi\\"" "-o" "/tmp/main-62bf3f.o" "-x" "c++" "main.cpp"',
      ' "wasm-ld" "-m" "wasm32" "/tmp/main-62bf3f.o" "-o" "main.wasm"',
      "",
    ].join("\n");

    expect(parseJobs(listing)).toEqual([
      ["-cc1", "-triple", "wasm32-unknown-wasip1", "-D", 'GREETING="hi"', "-o", "/tmp/main-62bf3f.o", "-x", "c++", "main.cpp"],
      ["wasm-ld", "-m", "wasm32", "/tmp/main-62bf3f.o", "-o", "main.wasm"],
    ]);
  });

  it("finds no job in a refusal", () => {
    expect(parseJobs("clang++: error: unknown argument: '-fnope'\n")).toEqual([]);
  });
});
