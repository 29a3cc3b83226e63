import { describe, expect, it } from "vitest";

import { starterFor, starterReplacing } from "../src/editor/starters";

describe("starter code", () => {
  it("fills an empty editor with the new language's starter", () => {
    expect(starterReplacing("  \n", "lua")).toBe(starterFor("lua"));
    expect(starterFor("lua")).toContain("io.read()");
  });

  it("replaces an untouched starter, even with nothing for a language that has none", () => {
    expect(starterReplacing(starterFor("lua"), "python")).toBe("");
  });

  it("never replaces a participant's own code", () => {
    expect(starterReplacing("print(1)\n", "lua")).toBeNull();
    expect(starterReplacing(`${starterFor("lua")}x`, "python")).toBeNull();
  });

  it("leaves the text alone when it already is that starter", () => {
    expect(starterReplacing(starterFor("lua"), "lua")).toBeNull();
  });
});
