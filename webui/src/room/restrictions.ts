/**
 * What this person may do to the pad right now, from the interviewers' controls, the end of
 * the interview and the waiting room: the editor is read-only, Run and the language menu are
 * disabled, and a notice says why. The server enforces all of it; this only says so up front.
 */

import type { Controls, Role } from "../net/protocol";
import { h } from "../util/dom";

export interface RestrictionTargets {
  run: HTMLButtonElement;
  languageSelect: HTMLSelectElement;
  setReadOnly(readOnly: boolean): void;
}

export interface RestrictionState {
  role: Role;
  controls: Controls;
  ended: boolean;
  waiting: boolean;
}

export const NO_CONTROLS: Controls = { editingLocked: false, runDisabled: false, waitingRoom: false };

/** The notice's text: what a candidate cannot do, or, to an interviewer, what candidates cannot. */
export function restrictionNotice(role: Role, controls: Controls): string {
  const limits = [controls.editingLocked && "editing is locked", controls.runDisabled && "Run is disabled"].filter(
    (part): part is string => typeof part === "string",
  );
  if (limits.length === 0) return "";
  const what = limits.join(" and ");
  return role === "interviewer"
    ? `For candidates, ${what} (you are not restricted).`
    : `An interviewer has set this: ${what}.`;
}

export class Restrictions {
  readonly notice = h("div", { class: "controls-notice", "data-testid": "controls-notice", role: "status", hidden: true });
  private state: RestrictionState = { role: "candidate", controls: NO_CONTROLS, ended: false, waiting: false };
  private targets: RestrictionTargets | null = null;

  /** What to restrict: given once the layout and the editor exist. */
  attach(targets: RestrictionTargets): void {
    this.targets = targets;
  }

  update(change: Partial<RestrictionState>): void {
    this.state = { ...this.state, ...change };
    const { role, controls, ended, waiting } = this.state;
    const candidate = role !== "interviewer";
    const locked = ended || waiting || (candidate && controls.editingLocked);
    if (this.targets) {
      this.targets.setReadOnly(locked);
      this.targets.languageSelect.disabled = locked;
      this.targets.run.disabled = ended || waiting || (candidate && controls.runDisabled);
    }
    const text = ended || waiting ? "" : restrictionNotice(role, controls);
    this.notice.textContent = text;
    this.notice.hidden = text === "";
  }
}
