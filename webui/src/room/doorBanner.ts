/** The banner at the door: "please wait, an interviewer will let you in", or why this page
 *  was let go ("An interviewer removed you from this interview"). */

import { h } from "../util/dom";

export class DoorBanner {
  readonly element = h("div", { class: "door-banner", "data-testid": "door-banner", role: "status", hidden: true });

  show(text: string): void {
    this.element.textContent = text;
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
