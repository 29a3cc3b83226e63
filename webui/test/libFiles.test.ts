// @vitest-environment node
import { describe, expect, it } from "vitest";

import { ENTRY_LIB, LIB_FILES } from "../src/run/ts/libFiles";

const referencedLibs = (text: string) => [...text.matchAll(/\/\/\/ <reference lib="([^"]+)"/g)].map((m) => `lib.${m[1]}.d.ts`);

describe("the bundled TypeScript library files", () => {
  it("are exactly lib.es2022.d.ts and what it references, transitively: nothing missing, nothing extra", () => {
    const needed = new Set<string>();
    const visit = (name: string) => {
      if (needed.has(name)) return;
      needed.add(name);
      const text = LIB_FILES.get(name);
      expect(text, `${name} is bundled`).toBeDefined();
      referencedLibs(text ?? "").forEach(visit);
    };
    visit(ENTRY_LIB);
    expect([...LIB_FILES.keys()].sort()).toEqual([...needed].sort());
    expect(needed.has("lib.dom.d.ts")).toBe(false);
  });
});
