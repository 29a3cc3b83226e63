import { describe, expect, it } from "vitest";

import { keepStdin, MAX_KEPT_CHARS } from "../src/room/stdinMemory";

function box(): HTMLTextAreaElement {
  return document.createElement("textarea");
}

function type(into: HTMLTextAreaElement, text: string): void {
  into.value = text;
  into.dispatchEvent(new Event("input"));
}

describe("the stdin box across reloads", () => {
  it("comes back with what was typed, per session", () => {
    const store = window.localStorage;
    store.clear();
    const first = box();
    keepStdin(first, "s1", store);
    type(first, "3\n1 2 3\n");

    const reloaded = box();
    keepStdin(reloaded, "s1", store);
    const otherSession = box();
    keepStdin(otherSession, "s2", store);

    expect(reloaded.value).toBe("3\n1 2 3\n");
    expect(otherSession.value).toBe("");
  });

  it("forgets an emptied box, keeps at most MAX_KEPT_CHARS, and survives a full storage", () => {
    const store = window.localStorage;
    store.clear();
    const first = box();
    keepStdin(first, "s1", store);
    type(first, "x".repeat(MAX_KEPT_CHARS + 10));
    expect(store.getItem("pairpad.stdin.s1")).toHaveLength(MAX_KEPT_CHARS);
    type(first, "");
    expect(store.getItem("pairpad.stdin.s1")).toBeNull();

    const full = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {} };
    const other = box();
    keepStdin(other, "s3", full as unknown as Storage);
    expect(() => type(other, "1\n")).not.toThrow();
  });
});
