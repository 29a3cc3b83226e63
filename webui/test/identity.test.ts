import { afterEach, describe, expect, it } from "vitest";

import { nameFromLink, rememberedName, rememberName, userId } from "../src/room/identity";

afterEach(() => {
  localStorage.clear();
  history.replaceState(null, "", "/");
});

/** Lone UTF-16 surrogates: not valid Unicode, refused by the server's JSON decoder. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("nameFromLink", () => {
  it("reads ?name= from the query", () => {
    expect(nameFromLink("?name=Alice")).toBe("Alice");
    expect(nameFromLink("?room=1&name=Bob%20Smith")).toBe("Bob Smith");
    expect(nameFromLink("?name=Zo%C3%AB+K")).toBe("Zoë K");
  });

  it("is null without a name, or with an empty or blank one", () => {
    expect(nameFromLink("")).toBeNull();
    expect(nameFromLink("?other=1")).toBeNull();
    expect(nameFromLink("?name=")).toBeNull();
    expect(nameFromLink("?name=%20%20%09")).toBeNull();
  });

  it("trims surrounding whitespace", () => {
    expect(nameFromLink("?name=%20%20Carol%0A")).toBe("Carol");
  });

  it("caps the name at 64 characters (the server's username limit)", () => {
    expect(nameFromLink(`?name=${"x".repeat(100)}`)).toBe("x".repeat(64));
    expect(nameFromLink(`?name=${"y".repeat(64)}`)).toBe("y".repeat(64));
  });

  it("trims before capping, so leading spaces do not eat into the 64", () => {
    expect(nameFromLink(`?name=${"%20".repeat(10)}${"z".repeat(64)}`)).toBe("z".repeat(64));
  });

  it("defaults to the page's own location.search", () => {
    history.replaceState(null, "", "/s/abc?name=Dana");
    expect(nameFromLink()).toBe("Dana");
    history.replaceState(null, "", "/s/abc");
    expect(nameFromLink()).toBeNull();
  });

  it("never cuts an emoji in half at the 64-character cap", () => {
    const name = nameFromLink(`?name=${"a".repeat(63)}${encodeURIComponent("😀")}`);
    expect(name).not.toBeNull();
    expect(name).not.toMatch(LONE_SURROGATE);
    expect(Array.from(name ?? "").length).toBeLessThanOrEqual(64);
  });

  it("keeps emoji that fit whole", () => {
    expect(nameFromLink(`?name=${encodeURIComponent("Ann 👋🏽")}`)).toBe("Ann 👋🏽");
  });
});

describe("userId and remembered name", () => {
  it("userId() is a user- id that stays the same for this browser", () => {
    const first = userId();
    expect(first).toMatch(/^user-[0-9a-f]{24}$/);
    expect(userId()).toBe(first);
    expect(localStorage.getItem("pairpad.userId")).toBe(first);
  });

  it("userId() keeps an id stored earlier", () => {
    localStorage.setItem("pairpad.userId", "user-existing");
    expect(userId()).toBe("user-existing");
  });

  it("rememberName() / rememberedName() round-trip, trimmed; blank means none", () => {
    expect(rememberedName()).toBeNull();
    rememberName("  Eve ");
    expect(rememberedName()).toBe("Eve");
    rememberName("   ");
    expect(rememberedName()).toBeNull();
  });
});
