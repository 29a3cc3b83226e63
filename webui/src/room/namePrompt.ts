/** "What's your name?" before joining; skipped when the link carries ?name=. */

import { h } from "../util/dom";
import { checkName } from "./names";
import { MAX_USERNAME_CHARS } from "./serverDefaults";

export function askName(initial: string | null, maxChars = MAX_USERNAME_CHARS): Promise<string> {
  return new Promise((resolve) => {
    const input = h("input", {
      "data-testid": "name-input",
      type: "text",
      placeholder: "Your name",
      autocomplete: "name",
      "aria-label": "Your name",
    });
    input.value = initial ?? "";
    const problem = h("p", { class: "problem", id: "name-problem", "data-testid": "name-problem", role: "alert" });
    input.setAttribute("aria-describedby", "name-problem");
    const button = h("button", { type: "submit", "data-testid": "join-button", class: "primary", text: "Join" });
    const form = h(
      "form",
      { class: "name-prompt" },
      h("h1", { text: "Join the interview" }),
      h("label", { text: "Your name" }),
      input,
      problem,
      button,
    );
    // The page's main content until the room opens (a landmark, so nothing is outside one).
    const overlay = h("main", { class: "overlay" }, form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const checked = checkName(input.value, maxChars);
      if (!checked.ok) {
        problem.textContent = checked.problem;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      overlay.remove();
      resolve(checked.name);
    });
    document.body.appendChild(overlay);
    input.focus();
    input.select();
  });
}
