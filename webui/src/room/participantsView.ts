/** Who is in the room, each with their colour; interviewers are marked as such. */

import type { Participant } from "../net/protocol";
import { safeColor } from "../editor/remoteCursors";
import { clear, h } from "../util/dom";
import { distinctNames } from "./names";

export class ParticipantsView {
  readonly element = h("ul", { class: "participants", "data-testid": "participants" });
  private readonly people = new Map<string, Participant>();
  private me: string | null = null;
  private canRemove = false;

  /** `onRemove`: an interviewer's Remove next to each candidate. */
  constructor(private readonly onRemove: (userId: string) => void = () => {}) {}

  setCanRemove(canRemove: boolean): void {
    this.canRemove = canRemove;
    this.render();
  }

  get all(): Participant[] {
    return [...this.people.values()];
  }

  get(userId: string): Participant | undefined {
    return this.people.get(userId);
  }

  setMe(userId: string): void {
    this.me = userId;
    this.render();
  }

  /** The server resends everyone on each join: start from scratch then. */
  reset(): void {
    this.people.clear();
    this.render();
  }

  add(participant: Participant): boolean {
    const isNew = !this.people.has(participant.userId);
    this.people.set(participant.userId, participant);
    this.render();
    return isNew;
  }

  remove(userId: string): Participant | undefined {
    const participant = this.people.get(userId);
    this.people.delete(userId);
    this.render();
    return participant;
  }

  private render(): void {
    clear(this.element);
    const names = distinctNames([...this.people.values()]);
    for (const person of this.people.values()) {
      const you = person.userId === this.me;
      const dot = h("span", { class: "dot", "aria-hidden": "true" });
      dot.style.backgroundColor = safeColor(person.color);
      this.element.appendChild(
        h(
          "li",
          { "data-user-id": person.userId, "data-role": person.role, class: you ? "me" : "" },
          dot,
          h("span", { class: "name", title: person.username, text: names.get(person.userId) ?? person.username }),
          person.role === "interviewer" ? h("span", { class: "role-badge", text: "interviewer" }) : null,
          you ? h("span", { class: "you", text: "(you)" }) : null,
          this.canRemove && person.role === "candidate" ? this.removeButton(person) : null,
        ),
      );
    }
  }

  private removeButton(person: Participant): HTMLElement {
    const button = h("button", {
      type: "button",
      class: "remove",
      "data-testid": "remove-participant",
      title: `Remove ${person.username}: they can come back only if an interviewer admits them`,
      text: "Remove",
    });
    button.addEventListener("click", () => this.onRemove(person.userId));
    return button;
  }
}
