/**
 * The room's timer as everyone sees it: computed from the server's state (when it was last
 * started, what had elapsed before) and this browser's offset to the server's clock, so every
 * screen shows the same time and a reload finds it where it was. No tick crosses the wire.
 */

import type { TimerState } from "../net/protocol";
import { h } from "../util/dom";

const REDRAW_MS = 250;

/** Milliseconds to show: left of a countdown (never below 0), or elapsed on a stopwatch. */
export function timerShownMs(timer: TimerState, serverNow: number): number {
  const running = timer.running && timer.startedAt !== null ? Math.max(0, serverNow - timer.startedAt) : 0;
  const elapsed = timer.elapsedMs + running;
  return timer.mode === "countdown" ? Math.max(0, timer.durationMs - elapsed) : elapsed;
}

/** "4:05", "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

export class TimerView {
  readonly element = h("span", { class: "timer", "data-testid": "timer", hidden: true, role: "timer" });
  private timer: TimerState | null = null;
  private offsetMs = 0; // server clock minus ours
  private redraw: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** `serverTime` is the server's clock when it sent this state. */
  show(timer: TimerState, serverTime: number): void {
    this.timer = timer;
    this.offsetMs = serverTime - this.now();
    this.render();
    if (timer.running && this.redraw === null) this.redraw = setInterval(() => this.render(), REDRAW_MS);
    if (!timer.running && this.redraw !== null) {
      clearInterval(this.redraw);
      this.redraw = null;
    }
  }

  /** What is shown now, in milliseconds (the browser tests compare two pages' values). */
  shownMs(): number {
    return this.timer ? timerShownMs(this.timer, this.now() + this.offsetMs) : 0;
  }

  private render(): void {
    const timer = this.timer;
    const untouched = !timer || (!timer.running && timer.elapsedMs === 0 && timer.mode === "stopwatch");
    this.element.hidden = untouched;
    if (!timer || untouched) return;
    const shown = this.shownMs();
    const over = timer.mode === "countdown" && shown === 0;
    this.element.textContent = `${timer.mode === "countdown" ? "⏳" : "⏱"} ${over ? "Time's up" : formatDuration(shown)}`;
    this.element.dataset.shownMs = String(shown);
    this.element.dataset.running = String(timer.running);
    this.element.classList.toggle("over", over);
  }
}
