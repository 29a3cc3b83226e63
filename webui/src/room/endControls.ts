/**
 * The end of the interview: an End button that only interviewers see (two clicks, as ending
 * cannot be undone), and for everyone a banner once it has ended, with the code read-only and
 * Run and the language menu disabled (the server refuses them anyway; this says so up front).
 */

import { h } from "../util/dom";

const CONFIRM_MS = 4000;

export interface EndTargets {
  run: HTMLButtonElement;
  languageSelect: HTMLSelectElement;
  setReadOnly(readOnly: boolean): void;
}

export class EndControls {
  readonly button = h("button", {
    type: "button",
    class: "danger",
    "data-testid": "end-interview",
    title: "End the interview: the code becomes read-only for everyone",
    text: "End interview",
    hidden: true,
  });
  readonly banner = h("div", { class: "ended-banner", "data-testid": "ended-banner", role: "status", hidden: true });
  private confirmTimer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;
  private targets: EndTargets | null = null;

  constructor(onEnd: () => void) {
    this.button.addEventListener("click", () => {
      if (this.confirmTimer === null) {
        this.button.textContent = "Click again to end";
        this.confirmTimer = setTimeout(() => this.resetButton(), CONFIRM_MS);
        return;
      }
      this.resetButton();
      onEnd();
    });
  }

  /** What becomes read-only at the end: given once the layout exists. */
  attach(targets: EndTargets): void {
    this.targets = targets;
  }

  /** Shown to interviewers only, while the interview goes on. */
  setInterviewer(interviewer: boolean): void {
    this.button.hidden = !interviewer || this.ended;
  }

  showEnded(byWhom: string): void {
    this.ended = true;
    this.button.hidden = true;
    this.banner.hidden = false;
    this.banner.textContent = `${byWhom} ended the interview. The code is read-only now; the chat stays open.`;
    if (this.targets) {
      this.targets.setReadOnly(true);
      this.targets.run.disabled = true;
      this.targets.languageSelect.disabled = true;
    }
    document.documentElement.dataset.ended = "true";
  }

  private resetButton(): void {
    if (this.confirmTimer !== null) clearTimeout(this.confirmTimer);
    this.confirmTimer = null;
    this.button.textContent = "End interview";
  }
}
