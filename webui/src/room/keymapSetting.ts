/**
 * The editor's key bindings, chosen in the keyboard and editor dialog and remembered by this
 * browser: Standard, Vim or Emacs (editor/keymaps.ts loads the last two on first use).
 */

import { isKeymap, KEYMAP_LABELS, KEYMAPS, type KeymapName } from "../editor/keymaps";
import { h } from "../util/dom";
import { browserStorage, readSetting, writeSetting } from "../util/localStore";

export const KEY = "pairpad.keymap";

export function rememberedKeymap(store: Storage | null = browserStorage()): KeymapName {
  const saved = readSetting(store, KEY);
  return isKeymap(saved) ? saved : "standard";
}

/**
 * A labelled select that applies and remembers the key map; the remembered one is applied at
 * once (`apply` loads it). `apply` failing (the server went away mid-load) leaves the
 * standard keys and says so in the select's title.
 */
export function keymapControl(apply: (name: KeymapName) => Promise<void>, store: Storage | null = browserStorage()): HTMLElement {
  const select = h("select", { id: "keymap", "data-testid": "keymap" });
  const current = rememberedKeymap(store);
  for (const name of KEYMAPS) {
    select.append(h("option", { value: name, text: KEYMAP_LABELS[name], selected: name === current }));
  }
  const choose = (name: KeymapName) =>
    apply(name).then(
      () => select.removeAttribute("title"),
      () => select.setAttribute("title", `${KEYMAP_LABELS[name]} keys could not be loaded: reload the page to try again`),
    );
  if (current !== "standard") void choose(current);
  select.addEventListener("change", () => {
    if (!isKeymap(select.value)) return;
    writeSetting(store, KEY, select.value);
    void choose(select.value);
  });
  return h("p", { class: "setting" }, h("label", { for: "keymap", text: "Editor keys " }), select);
}
