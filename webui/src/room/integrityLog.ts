/** The integrity notices of this interview, newest last (interviewers' panel). */

import { h } from "../util/dom";

const KEPT = 50; // a long interview's notices, not an unbounded list

export class IntegrityLog {
  readonly element = h("div", { class: "integrity-log", "data-testid": "integrity-log", hidden: true });
  private readonly list = h("ul");

  constructor() {
    this.element.append(h("h3", { text: "Integrity notices" }), this.list);
  }

  add(text: string, at: Date): void {
    this.element.hidden = false;
    const time = at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    this.list.append(h("li", { text: `${time} ${text}` }));
    while (this.list.childElementCount > KEPT) this.list.firstElementChild?.remove();
  }
}
