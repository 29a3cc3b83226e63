/** "What's your name?" before joining; skipped when the link carries ?name=. */

import { h } from "../util/dom";
import { MAX_USERNAME_CHARS } from "./serverDefaults";

export function askName(initial: string | null, maxChars = MAX_USERNAME_CHARS): Promise<string> {
  return new Promise((resolve) => {
    const input = h("input", {
      "data-testid": "name-input",
      type: "text",
      maxlength: maxChars,
      placeholder: "Your name",
      autocomplete: "name",
      required: true,
      "aria-label": "Your name",
    });
    input.value = initial ?? "";
    const button = h("button", { type: "submit", "data-testid": "join-button", class: "primary", text: "Join" });
    const form = h(
      "form",
      { class: "name-prompt" },
      h("h1", { text: "Join the interview" }),
      h("label", { text: "Your name" }),
      input,
      button,
    );
    const overlay = h("div", { class: "overlay" }, form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const name = input.value.trim().replace(/\s+/g, " ");
      if (!name) return;
      overlay.remove();
      resolve(name);
    });
    document.body.appendChild(overlay);
    input.focus();
    input.select();
  });
}
