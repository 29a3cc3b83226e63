/**
 * The editor's font size, chosen in the keyboard and editor dialog and remembered by this
 * browser (an interviewer on a projector wants 20 px; a candidate on a laptop, 14).
 */

import { h } from "../util/dom";

const KEY = "pairpad.fontSize";
export const FONT_SIZES = [12, 13, 14, 16, 18, 20, 24] as const;
export const DEFAULT_FONT_SIZE = 14;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function rememberedFontSize(store: Storage | null = storage()): number {
  const saved = Number(store?.getItem(KEY));
  return (FONT_SIZES as readonly number[]).includes(saved) ? saved : DEFAULT_FONT_SIZE;
}

/** styles.css reads --editor-font-size for the editor's text and gutter. */
export function applyFontSize(size: number, root: HTMLElement = document.documentElement): void {
  root.style.setProperty("--editor-font-size", `${size}px`);
}

/** A labelled select that applies and remembers the size; `changed` lets the editor re-measure. */
export function fontSizeControl(changed: () => void, store: Storage | null = storage()): HTMLElement {
  const select = h("select", { id: "font-size", "data-testid": "font-size" });
  const current = rememberedFontSize(store);
  for (const size of FONT_SIZES) {
    select.append(h("option", { value: size, text: `${size} px`, selected: size === current }));
  }
  applyFontSize(current);
  select.addEventListener("change", () => {
    const size = Number(select.value);
    applyFontSize(size);
    try {
      store?.setItem(KEY, String(size));
    } catch {
      // Storage full: the size still applies to this page.
    }
    changed();
  });
  return h("p", { class: "setting" }, h("label", { for: "font-size", text: "Editor font size " }), select);
}
