import { describe, expect, it } from "vitest";

import { checkName, cleanName, distinctNames } from "../src/room/names";

describe("name rules, as the server applies them", () => {
  it("folds look-alikes, drops invisible characters and collapses spaces", () => {
    expect(cleanName("  Ada   Lovelace ")).toBe("Ada Lovelace");
    expect(cleanName("Ada\u200b")).toBe("Ada");
    expect(cleanName("\u202eAda")).toBe("Ada");
    expect(cleanName("Ｇｒａｃｅ")).toBe("Grace");
    expect(cleanName("a\tb")).toBe("ab");
  });

  it("refuses an empty name and a long one, saying why", () => {
    expect(checkName("   ", 64)).toEqual({ ok: false, problem: "Enter a name the others will recognise." });
    expect(checkName("\u200b\u200b", 64).ok).toBe(false);
    const long = checkName("x".repeat(65), 64);
    expect(long).toEqual({ ok: false, problem: "Use at most 64 characters (this name has 65)." });
    expect(checkName("😀".repeat(64), 64)).toEqual({ ok: true, name: "😀".repeat(64) });
  });
});

describe("distinctNames", () => {
  it("tells people with the same name apart by the order they joined", () => {
    const shown = distinctNames([
      { userId: "a", username: "Ada" },
      { userId: "b", username: "Bo" },
      { userId: "c", username: "ada" },
      { userId: "d", username: "Ada" },
    ]);
    expect([...shown.values()]).toEqual(["Ada", "Bo", "ada (2)", "Ada (3)"]);
  });
});
