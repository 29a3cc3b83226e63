import { describe, expect, it, vi } from "vitest";

import { DEFAULT_FONT_SIZE, fontSizeControl, rememberedFontSize } from "../src/room/fontSize";

describe("the editor's font size", () => {
  it("starts at the remembered size, applies a new one at once and remembers it", () => {
    window.localStorage.clear();
    const changed = vi.fn();
    const control = fontSizeControl(changed, window.localStorage);
    const select = control.querySelector("select")!;
    expect(select.value).toBe(String(DEFAULT_FONT_SIZE));

    select.value = "20";
    select.dispatchEvent(new Event("change"));

    expect(document.documentElement.style.getPropertyValue("--editor-font-size")).toBe("20px");
    expect(rememberedFontSize(window.localStorage)).toBe(20);
    expect(changed).toHaveBeenCalledOnce();
    expect(fontSizeControl(() => {}, window.localStorage).querySelector("select")!.value).toBe("20");
  });

  it("ignores a remembered size that is not offered", () => {
    window.localStorage.setItem("pairpad.fontSize", "300");
    expect(rememberedFontSize(window.localStorage)).toBe(DEFAULT_FONT_SIZE);
  });
});
