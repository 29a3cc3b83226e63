/**
 * The interviewers' panel: lock editing, disable Run and the waiting room (three toggles the
 * server enforces), the timer's controls, who waits to be let in, and the integrity notices.
 * Hidden from candidates; the server refuses these actions from them anyway.
 */

import type { Controls, SetControls, TimerControl, TimerState } from "../net/protocol";
import { h } from "../util/dom";

export interface HostActions {
  setControls(change: SetControls): void;
  controlTimer(control: TimerControl): void;
}

const DEFAULT_MINUTES = 45;
const SERVER_USER_ID = "server"; // the initial state, which nobody chose

type ToggleName = keyof Controls;

const TOGGLES: { name: ToggleName; label: string; testid: string }[] = [
  { name: "editingLocked", label: "Lock editing for candidates", testid: "lock-editing" },
  { name: "runDisabled", label: "Disable Run for candidates", testid: "disable-run" },
  { name: "waitingRoom", label: "Waiting room: admit candidates one by one", testid: "waiting-room" },
];

export class HostPanel {
  readonly element: HTMLElement;
  private readonly toggles = new Map<ToggleName, HTMLInputElement>();
  private readonly mode = h(
    "select",
    { "data-testid": "timer-mode", "aria-label": "Timer mode" },
    h("option", { value: "countdown", text: "Countdown" }),
    h("option", { value: "stopwatch", text: "Stopwatch" }),
  );
  private readonly minutes = h("input", {
    type: "number",
    min: 1,
    max: 720,
    value: DEFAULT_MINUTES,
    "data-testid": "timer-minutes",
    "aria-label": "Countdown minutes",
  });

  constructor(
    private readonly actions: HostActions,
    extras: { waiting: HTMLElement; integrityLog: HTMLElement; notes: HTMLElement; coInterviewer?: HTMLElement },
  ) {
    this.element = h(
      "section",
      { class: "panel host-panel", "data-testid": "host-panel", hidden: true },
      h("h2", { text: "Interviewer" }),
      ...TOGGLES.map((toggle) => this.buildToggle(toggle.name, toggle.label, toggle.testid)),
      this.buildTimerControls(),
      extras.coInterviewer,
      extras.waiting,
      extras.notes,
      extras.integrityLog,
    );
  }

  setInterviewer(interviewer: boolean): void {
    this.element.hidden = !interviewer;
  }

  showControls(controls: Controls): void {
    for (const [name, box] of this.toggles) box.checked = controls[name];
  }

  /** Follows the timer once an interviewer has set it; until then the panel's defaults stand. */
  showTimer(timer: TimerState): void {
    if (timer.userId === SERVER_USER_ID) return;
    this.mode.value = timer.mode;
    if (timer.mode === "countdown" && timer.durationMs > 0) this.minutes.value = String(Math.round(timer.durationMs / 60_000));
  }

  private buildToggle(name: ToggleName, label: string, testid: string): HTMLElement {
    const box = h("input", { type: "checkbox", "data-testid": testid });
    box.addEventListener("change", () => this.actions.setControls({ [name]: box.checked }));
    this.toggles.set(name, box);
    return h("label", { class: "toggle" }, box, label);
  }

  private buildTimerControls(): HTMLElement {
    const button = (text: string, testid: string, action: TimerControl["action"]) => {
      const element = h("button", { type: "button", "data-testid": testid, text });
      element.addEventListener("click", () => this.actions.controlTimer(this.timerControl(action)));
      return element;
    };
    return h(
      "div",
      { class: "timer-controls" },
      this.mode,
      this.minutes,
      h("span", { text: "min" }),
      button("Start", "timer-start", "start"),
      button("Pause", "timer-pause", "pause"),
      button("Reset", "timer-reset", "reset"),
    );
  }

  private timerControl(action: TimerControl["action"]): TimerControl {
    if (action === "pause") return { action };
    const mode = this.mode.value === "stopwatch" ? "stopwatch" : "countdown";
    if (mode === "stopwatch") return { action, mode };
    const minutes = Math.max(1, Math.min(720, Number(this.minutes.value) || DEFAULT_MINUTES));
    return { action, mode, durationMs: Math.round(minutes * 60_000) };
  }
}
