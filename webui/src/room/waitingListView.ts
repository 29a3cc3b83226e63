/** Who waits at the door (interviewers only): each with Admit and Deny. */

import type { WaitingPerson } from "../net/protocol";
import { clear, h } from "../util/dom";

export class WaitingListView {
  readonly element = h("div", { class: "waiting-list", "data-testid": "waiting-list", hidden: true });
  private readonly list = h("ul");

  constructor(private readonly decide: (waitingId: string, admit: boolean) => void) {
    this.element.append(h("h3", { text: "Waiting to join" }), this.list);
  }

  show(people: WaitingPerson[]): void {
    clear(this.list);
    this.element.hidden = people.length === 0;
    for (const person of people) {
      const admit = h("button", { type: "button", class: "primary", "data-testid": "admit", text: "Admit" });
      const deny = h("button", { type: "button", "data-testid": "deny", text: "Deny" });
      admit.addEventListener("click", () => this.decide(person.waitingId, true));
      deny.addEventListener("click", () => this.decide(person.waitingId, false));
      const note = person.removed ? h("span", { class: "removed-note", text: "(removed earlier)" }) : null;
      this.list.append(
        h("li", { "data-waiting-id": person.waitingId }, h("span", { class: "name", text: person.username }), note, admit, deny),
      );
    }
  }
}
