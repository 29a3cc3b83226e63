import { describe, expect, it } from "vitest";

import { trimLuaTraceback } from "../src/run/workers/lua/luaErrors";

describe("Lua errors", () => {
  it("keep the traceback down to the program's main chunk, not the runner below it", () => {
    const error = [
      "main.lua:2: boom",
      "stack traceback:",
      "\t[C]: in function 'error'",
      "\tmain.lua:2: in local 'f'",
      "\tmain.lua:4: in main chunk",
      "\t[C]: in function 'xpcall'",
      '\t[string "-- Runs a participant\'s program..."]:80: in main chunk',
    ].join("\n");

    expect(trimLuaTraceback(error)).toBe(
      "main.lua:2: boom\nstack traceback:\n\t[C]: in function 'error'\n\tmain.lua:2: in local 'f'\n\tmain.lua:4: in main chunk",
    );
  });

  it("leave a syntax error as it is", () => {
    expect(trimLuaTraceback("main.lua:1: unexpected symbol near '='")).toBe("main.lua:1: unexpected symbol near '='");
  });
});
