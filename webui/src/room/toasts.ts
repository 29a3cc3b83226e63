/** Short notices ("Alice joined") that fade on their own. */

import { h } from "../util/dom";

export class Toasts {
  readonly element = h("div", { class: "toasts", "data-testid": "toasts", role: "status", "aria-live": "polite" });

  show(text: string, ms = 3500): void {
    // The same notice twice in a row says nothing new: a full session (4409) sends its
    // error again before every retry.
    if (this.element.lastElementChild?.textContent === text) return;
    const toast = h("div", { class: "toast", text });
    this.element.appendChild(toast);
    setTimeout(() => toast.remove(), ms);
  }
}
