/**
 * On a phone the room shows one pane at a time (Code, Output, Chat, People), chosen from a tab
 * bar under the top bar; wider screens show them side by side and never see the tabs. The
 * choice lives in the room element's `data-pane`, which styles.css reads: nothing is moved in
 * the DOM, so the editor and the run output keep their state when the pane changes.
 */

import { h } from "../util/dom";

export const PANES = ["code", "output", "chat", "people"] as const;
export type Pane = (typeof PANES)[number];

const LABELS: Record<Pane, string> = { code: "Code", output: "Output", chat: "Chat", people: "People" };
/** The width below which panes are tabs; styles.css has the same number. */
export const NARROW_MAX_WIDTH_PX = 699;

export class PaneTabs {
  readonly element: HTMLElement;
  private readonly buttons = new Map<Pane, HTMLButtonElement>();
  private room: HTMLElement | null = null;
  private current: Pane = "code";

  constructor(private readonly isNarrow: () => boolean = narrowScreen) {
    this.element = h("nav", { class: "pane-tabs", role: "tablist", "aria-label": "Panes" });
    for (const pane of PANES) {
      const button = h("button", {
        role: "tab",
        type: "button",
        "data-testid": `pane-tab-${pane}`,
        "aria-selected": pane === this.current ? "true" : "false",
        text: LABELS[pane],
      });
      button.addEventListener("click", () => this.show(pane));
      this.buttons.set(pane, button);
      this.element.append(button);
    }
  }

  /** The element whose `data-pane` the styles follow (the room's root). */
  attach(room: HTMLElement): void {
    this.room = room;
    room.dataset.pane = this.current;
  }

  get pane(): Pane {
    return this.current;
  }

  show(pane: Pane): void {
    this.current = pane;
    if (this.room) this.room.dataset.pane = pane;
    for (const [name, button] of this.buttons) {
      button.setAttribute("aria-selected", name === pane ? "true" : "false");
      if (name === pane) button.classList.remove("unread");
    }
  }

  /** Something new arrived in a pane: on a phone, where it may be hidden, its tab says so. */
  markUnread(pane: Pane): void {
    if (this.isNarrow() && pane !== this.current) this.buttons.get(pane)?.classList.add("unread");
  }

  /** The person pressed Run: on a phone, show them the output they are waiting for. */
  revealOnNarrow(pane: Pane): void {
    if (this.isNarrow()) this.show(pane);
  }
}

function narrowScreen(): boolean {
  return window.matchMedia(`(max-width: ${NARROW_MAX_WIDTH_PX}px)`).matches;
}
