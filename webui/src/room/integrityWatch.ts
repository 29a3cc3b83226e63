/**
 * Integrity signals from this page, shown to everyone in the room (never hidden proctoring):
 * a paste of at least `pasteNoticeChars` characters, or the page hidden or unfocused for at
 * least `focusNoticeMs`. The page says so up front (`disclosure`); the server checks each
 * report and tells the room.
 */

import type { IntegrityNotice, IntegritySignal, Limits } from "../net/protocol";
import { h } from "../util/dom";
import { formatSeconds } from "./integrityText";

export type Thresholds = Pick<Limits, "pasteNoticeChars" | "focusNoticeMs">;

export class IntegrityWatch {
  readonly disclosure = h("p", { class: "integrity-disclosure", "data-testid": "integrity-disclosure" });
  private thresholds: Thresholds;
  private awaySince: number | null = null;

  constructor(
    private readonly report: (signal: IntegritySignal) => void,
    defaults: Thresholds,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.thresholds = defaults;
    this.describe();
  }

  setThresholds(thresholds: Thresholds): void {
    this.thresholds = { pasteNoticeChars: thresholds.pasteNoticeChars, focusNoticeMs: thresholds.focusNoticeMs };
    this.describe();
  }

  /** Listens on the page: pastes anywhere in it, focus and visibility of the window. */
  watch(win: Window = window, doc: Document = document): void {
    doc.addEventListener("paste", (event) => this.pasted(event.clipboardData?.getData("text/plain") ?? ""), true);
    win.addEventListener("blur", () => this.left());
    win.addEventListener("focus", () => this.returned());
    doc.addEventListener("visibilitychange", () => (doc.hidden ? this.left() : this.returned()));
  }

  pasted(text: string): void {
    if (text.length >= this.thresholds.pasteNoticeChars) this.report({ kind: "paste", chars: text.length });
  }

  left(): void {
    this.awaySince ??= this.now();
  }

  returned(): void {
    if (this.awaySince === null) return;
    const awayMs = Math.round(this.now() - this.awaySince);
    this.awaySince = null;
    if (awayMs >= this.thresholds.focusNoticeMs) this.report({ kind: "focus", awayMs });
  }

  private describe(): void {
    const { pasteNoticeChars, focusNoticeMs } = this.thresholds;
    this.disclosure.textContent =
      `Shared with everyone in this room: pastes of ${pasteNoticeChars} characters or more, ` +
      `and leaving this page for ${formatSeconds(focusNoticeMs)} or more.`;
  }
}

export type { IntegrityNotice };
