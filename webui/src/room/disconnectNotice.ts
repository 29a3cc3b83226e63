/**
 * When the room has been out of reach for a moment, say so in words a candidate can act on:
 * why (the server's reason: "The host closed PairPad"), that their code is still here, and a
 * button to save it. A blip of a second or two shows nothing: the badge in the top bar is
 * enough for that, and a banner flashing on every Wi-Fi hiccup would alarm people.
 */

import type { ConnectionStatus } from "../net/connection";
import { h } from "../util/dom";
import { downloadButton } from "./download";

export const NOTICE_DELAY_MS = 2000;

const NEXT_STEP: Partial<Record<ConnectionStatus, string>> = {
  reconnecting: "This page reconnects by itself when PairPad is back, and your edits merge.",
  offline: "Your edits are kept and merge when you are back online.",
  ended: "Ask the interviewer for a new link.",
};

export class DisconnectNotice {
  readonly element: HTMLElement;
  private readonly reason = h("strong", { "data-testid": "disconnect-reason" });
  private readonly next = h("span");
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The status this outage is in: while it lasts, its first reason is kept (the server's
   *  "The host closed PairPad", not the "Connection lost" of each failed retry after it). */
  private outage: ConnectionStatus | null = null;

  constructor(save: () => void) {
    this.element = h(
      "div",
      { class: "disconnect-notice", role: "status", "data-testid": "disconnect-notice", hidden: true },
      this.reason,
      " Your code is still here: ",
      downloadButton(save, "Download it"),
      " or copy it from the editor. ",
      this.next,
    );
  }

  show(status: ConnectionStatus, detail: string): void {
    if (status === "connected" || status === "connecting") {
      this.cancel();
      this.outage = null;
      this.element.hidden = true;
      return;
    }
    const next = NEXT_STEP[status];
    if (next === undefined) return; // "full": the badge says when it retries
    if (status !== this.outage) {
      this.outage = status;
      this.reason.textContent = sentence(detail.replace(/ Reconnecting in \d+ s…$/, ""));
      this.next.textContent = next;
    }
    if (!this.element.hidden || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.element.hidden = false;
    }, NOTICE_DELAY_MS);
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function sentence(text: string): string {
  const trimmed = text.trim() || "PairPad is out of reach.";
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
