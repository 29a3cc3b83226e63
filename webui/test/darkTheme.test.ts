import { oneDarkHighlightStyle } from "@codemirror/theme-one-dark";
import { describe, expect, it } from "vitest";

import { READABLE } from "../src/editor/darkTheme";

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const ACTIVE_LINE = "#2c313a"; // One Dark's background under the active line's tint

describe("the dark editor theme", () => {
  it("gives every syntax colour at least 4.5:1 on the active line", () => {
    const colours = oneDarkHighlightStyle.specs.map((spec) => spec.color).filter((c): c is string => typeof c === "string");
    expect(colours.length).toBeGreaterThan(5);
    for (const colour of colours) {
      const shown = READABLE[colour] ?? colour;
      expect(contrast(shown, ACTIVE_LINE), `${colour} shown as ${shown}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
