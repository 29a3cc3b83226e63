/**
 * "Restore the live code to this instant": for a session that has not ended, the host can
 * undo vandalism from the replay. It asks first, on the page (no browser dialog), then
 * calls POST /api/sessions/{id}/restore: the server applies it as one edit through the room,
 * so everyone's editor follows, and records who restored which instant.
 */

import { h } from "../util/dom";

export interface RestoreActions {
  /** The replay's instant now, and how to say it ("12:03"). */
  instant(): { at: number; shown: string };
  restore(at: number): Promise<{ changed: boolean }>;
}

export class RestoreControl {
  readonly element: HTMLElement;
  private readonly ask = h("button", { type: "button", "data-testid": "restore-button", text: "Restore the live code to this instant" });
  private readonly confirm = h("button", { type: "button", class: "danger", "data-testid": "restore-confirm", text: "Restore for everyone" });
  private readonly cancel = h("button", { type: "button", text: "Cancel" });
  private readonly question = h("p", { class: "share-note" });
  private readonly confirmRow = h("div", { class: "confirm-row", hidden: true }, this.question, this.confirm, this.cancel);
  private readonly status = h("p", { class: "share-note", "data-testid": "restore-status", role: "status" });
  private pendingAt = 0;

  constructor(private readonly actions: RestoreActions) {
    this.element = h(
      "section",
      { class: "panel replay-restore" },
      h("h2", { text: "Undo vandalism" }),
      h("p", { class: "share-note", text: "This interview is still live. Its code can be brought back to what it was at this instant, for everyone in the room." }),
      this.ask,
      this.confirmRow,
      this.status,
    );
    this.ask.addEventListener("click", () => this.askFirst());
    this.cancel.addEventListener("click", () => this.setAsking(false));
    this.confirm.addEventListener("click", () => void this.run());
  }

  private askFirst(): void {
    const { at, shown } = this.actions.instant();
    this.pendingAt = at;
    this.question.textContent = `Replace the live code with the code as it was at ${shown}?`;
    this.status.textContent = "";
    this.setAsking(true);
    this.confirm.focus();
  }

  private setAsking(asking: boolean): void {
    this.confirmRow.hidden = !asking;
    this.ask.hidden = asking;
  }

  private async run(): Promise<void> {
    this.confirm.disabled = true;
    try {
      const { changed } = await this.actions.restore(this.pendingAt);
      this.status.textContent = changed
        ? "Restored: everyone in the room now has this code. The record shows the restore."
        : "The live code already was this code; nothing changed.";
    } catch (error) {
      this.status.textContent = `Could not restore: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.confirm.disabled = false;
      this.setAsking(false);
    }
  }
}
