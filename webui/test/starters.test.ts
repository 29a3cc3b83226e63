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

describe("starter code of the session's question", () => {
  const question = { python: "def two_sum(): ...\n", javascript: "function twoSum() {}\n" };

  it("replaces the question's untouched starter with its starter in the new language", () => {
    expect(starterReplacing(question.python, "javascript", question)).toBe(question.javascript);
    expect(starterReplacing("", "python", question)).toBe(question.python);
  });

  it("falls back to the built-in starter for a language the question has none in", () => {
    expect(starterReplacing(question.python, "lua", question)).toBe(starterFor("lua"));
  });

  it("never replaces code someone wrote", () => {
    expect(starterReplacing(question.python + "x = 1\n", "javascript", question)).toBeNull();
  });
});
