/**
 * The keyboard help: `?` (outside the editor and text boxes) or the top bar's `?` button.
 * It says, among the rest, how to leave the editor without a mouse: CodeMirror keeps Tab for
 * indenting, and Esc then Tab moves focus on (its convention; nobody guesses it).
 */

import { h } from "../util/dom";

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? "Cmd" : "Ctrl";

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  [`${MOD}+Enter`, "Run the code"],
  [`${MOD}+Z`, "Undo your own typing (never the others')"],
  [`${MOD}+Shift+Z or ${MOD}+Y`, "Redo"],
  ["Tab / Shift+Tab", "Indent / unindent"],
  ["Esc, then Tab", "Leave the editor (Shift+Tab goes back)"],
  [`${MOD}+F`, "Find and replace"],
  [`${MOD}+/`, "Comment or uncomment the line"],
  ["Alt+Click", "Add a cursor"],
  ["Arrow keys on a divider", "Resize the panes (Enter: back to the default size)"],
  ["?", "This help (outside the editor)"],
];

export class ShortcutsHelp {
  readonly button: HTMLButtonElement;
  private readonly dialog: HTMLDialogElement;
  private readonly settings = h("div", { class: "settings" });

  /** `settings`: editor settings shown above the shortcuts (the font size). */
  constructor(settings: HTMLElement | null = null) {
    if (settings) this.settings.append(settings);
    this.button = h("button", {
      class: "icon shortcuts-button",
      type: "button",
      "data-testid": "shortcuts-button",
      title: "Editor settings and keyboard shortcuts (?)",
      "aria-label": "Editor settings and keyboard shortcuts",
      text: "?",
    });
    const close = h("button", { type: "button", "data-testid": "shortcuts-close", text: "Close" });
    this.dialog = h(
      "dialog",
      { class: "shortcuts", "data-testid": "shortcuts-help", "aria-labelledby": "shortcuts-title" },
      h("h2", { id: "shortcuts-title", text: "Editor and keyboard" }),
      this.settings,
      h(
        "dl",
        {},
        ...SHORTCUTS.flatMap(([keys, what]) => [h("dt", {}, h("kbd", { text: keys })), h("dd", { text: what })]),
      ),
      close,
    );
    this.button.addEventListener("click", () => this.open());
    close.addEventListener("click", () => this.dialog.close());
    document.body.append(this.dialog);
    document.addEventListener("keydown", (event) => {
      if (event.key === "?" && !typingIn(event.target) && !this.dialog.open) {
        event.preventDefault();
        this.open();
      }
    });
  }

  /** Another editor setting, under those already shown (one that needs the editor built). */
  addSetting(setting: HTMLElement): void {
    this.settings.append(setting);
  }

  open(): void {
    this.dialog.showModal(); // Esc closes it; focus returns to what had it
  }
}

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
