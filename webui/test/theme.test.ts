import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { applyTheme, wireThemeToggle } from "../src/room/theme";

/** jsdom has no matchMedia: a stand-in whose "OS setting" the test flips. */
function fakeSystemTheme(dark: boolean) {
  const listeners: (() => void)[] = [];
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
  };
  window.matchMedia = (() => query) as unknown as typeof window.matchMedia;
  return {
    flip(next: boolean) {
      dark = next;
      for (const listener of listeners) listener();
    },
  };
}

describe("theme", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it("follows the OS until a pick is made", () => {
    fakeSystemTheme(true);
    expect(applyTheme()).toBe(true);
    expect(document.documentElement.dataset.theme).toBe("dark");
  });

  it("the button flips the theme, remembers it, and tells the editor", () => {
    fakeSystemTheme(false);
    const button = document.createElement("button");
    const told: boolean[] = [];
    wireThemeToggle(button, (dark) => told.push(dark));
    button.click();
    expect(told).toEqual([true]);
    expect(document.documentElement.dataset.theme).toBe("dark");
    button.click();
    expect(told).toEqual([true, false]);
  });

  it("an OS change is followed until the person picks, then ignored", () => {
    const system = fakeSystemTheme(false);
    const button = document.createElement("button");
    const told: boolean[] = [];
    wireThemeToggle(button, (dark) => told.push(dark));
    system.flip(true);
    expect(told).toEqual([true]);
    button.click(); // picks light, for good
    system.flip(false);
    system.flip(true);
    expect(told).toEqual([true, false]);
  });
});
