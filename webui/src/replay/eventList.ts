/**
 * The interview's events as a list beside the editor (the timeline's markers, in words):
 * what has happened by the replay's instant is shown plainly, what is still to come dimmed.
 * Each entry goes to its instant; it is also the keyboard's way along the timeline.
 */

import { h } from "../util/dom";
import { clock, type ReplayModel } from "./history";

export class EventList {
  readonly element: HTMLElement;
  private readonly items: HTMLElement[];
  private past = -1;

  constructor(
    private readonly model: ReplayModel,
    onSeek: (instant: number) => void,
  ) {
    this.items = model.markers.map((marker) => {
      const button = h(
        "button",
        { type: "button", class: "event", "data-type": marker.type },
        h("time", { text: clock(marker.t, model.start) }),
        marker.label,
      );
      button.addEventListener("click", () => onSeek(marker.t));
      return h("li", { "data-testid": "replay-event" }, button);
    });
    this.element = h(
      "section",
      { class: "panel replay-events" },
      h("h2", { text: "Events" }),
      this.items.length ? h("ol", {}, ...this.items) : h("p", { class: "share-note", text: "Nothing but typing." }),
    );
  }

  setInstant(instant: number): void {
    let past = 0;
    while (past < this.model.markers.length && this.model.markers[past].t <= instant) past++;
    if (past === this.past) return;
    this.past = past;
    this.items.forEach((item, index) => item.classList.toggle("future", index >= past));
  }
}
