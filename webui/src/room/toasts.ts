/** Short notices ("Alice joined") that fade on their own. */

import { h } from "../util/dom";

export class Toasts {
  readonly element = h("div", { class: "toasts", "data-testid": "toasts", role: "status", "aria-live": "polite" });

  show(text: string, ms = 3500): void {
    const toast = h("div", { class: "toast", text });
    this.element.appendChild(toast);
    setTimeout(() => toast.remove(), ms);
  }
}
