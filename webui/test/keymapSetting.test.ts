import { describe, expect, it } from "vitest";

import type { KeymapName } from "../src/editor/keymaps";
import { KEY, keymapControl, rememberedKeymap } from "../src/room/keymapSetting";

describe("the editor keys setting", () => {
  it("applies the remembered keys at once, and loads nothing for the standard ones", () => {
    window.localStorage.clear();
    const applied: KeymapName[] = [];
    keymapControl(async (name) => void applied.push(name), window.localStorage);
    expect(applied).toEqual([]);
    window.localStorage.setItem(KEY, "vim");
    keymapControl(async (name) => void applied.push(name), window.localStorage);
    expect(applied).toEqual(["vim"]);
  });

  it("remembers a choice, and ignores what it does not know", () => {
    window.localStorage.clear();
    const applied: KeymapName[] = [];
    const select = keymapControl(async (name) => void applied.push(name), window.localStorage).querySelector("select")!;
    select.value = "emacs";
    select.dispatchEvent(new Event("change"));
    expect(applied).toEqual(["emacs"]);
    expect(rememberedKeymap(window.localStorage)).toBe("emacs");
    window.localStorage.setItem(KEY, "nano");
    expect(rememberedKeymap(window.localStorage)).toBe("standard");
  });

  it("says so when the keys could not be loaded", async () => {
    window.localStorage.clear();
    const select = keymapControl(() => Promise.reject(new Error("offline")), window.localStorage).querySelector("select")!;
    select.value = "vim";
    select.dispatchEvent(new Event("change"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(select.title).toContain("could not be loaded");
  });
});
