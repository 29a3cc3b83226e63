/**
 * The timeline under the replay's editor: one track per participant, their typing drawn as
 * activity bars and their events (runs, chat, joins, language changes, pastes, focus,
 * restores) as markers; a playhead; and a slider to drag to any instant (keyboard too).
 * Clicking a marker goes to its instant.
 */

import { h } from "../util/dom";
import { clock, type Marker, type ReplayModel, type Track } from "./history";

/** Typing is drawn in this many bins per track, whatever the interview's length. */
const ACTIVITY_BINS = 240;

// Arrows and geometric shapes that common fonts have (emoji need a colour font that a
// LAN machine may lack, and show as empty boxes without one).
const MARKER_SYMBOLS: Record<string, string> = {
  join: "→",
  leave: "←",
  rename: "≈",
  language: "◇",
  "run-started": "▶",
  "run-finished": "■",
  chat: "●",
  paste: "▼",
  focus: "○",
  restore: "↺",
  "session-ended": "◼",
};

const KEY_STEPS_MS: Record<string, number> = {
  ArrowLeft: -1_000,
  ArrowDown: -1_000,
  ArrowRight: 1_000,
  ArrowUp: 1_000,
  PageDown: -10_000,
  PageUp: 10_000,
  Home: -Infinity,
  End: Infinity,
};

export class TimelineView {
  readonly element: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly playhead = h("div", { class: "playhead", "aria-hidden": "true" });

  constructor(
    private readonly model: ReplayModel,
    private readonly onSeek: (instant: number) => void,
    onScrubStart: () => void,
  ) {
    const duration = Math.max(1, model.end - model.start);
    this.slider = h("input", {
      type: "range",
      class: "scrubber",
      "data-testid": "replay-scrubber",
      "aria-label": "Instant of the interview",
      min: 0,
      max: duration,
      step: 1,
    });
    this.slider.addEventListener("pointerdown", onScrubStart);
    this.slider.addEventListener("input", () => this.onSeek(model.start + Number(this.slider.value)));
    this.slider.addEventListener("keydown", (event) => this.stepByKey(event));
    const tracks = h("div", { class: "tracks" }, ...model.tracks.map((track) => this.buildTrack(track)), this.playhead);
    this.element = h("section", { class: "timeline", "data-testid": "replay-timeline", "aria-label": "Timeline" }, tracks, this.slider);
  }

  /** Moves the playhead and the slider (the slider keeps its place while being dragged). */
  setInstant(instant: number): void {
    const offset = instant - this.model.start;
    if (Number(this.slider.value) !== offset) this.slider.value = String(offset);
    this.slider.setAttribute("aria-valuetext", clock(instant, this.model.start));
    this.playhead.style.left = `calc(var(--track-label) + (100% - var(--track-label)) * ${this.fraction(instant)})`;
  }

  /** The slider counts milliseconds (a drag lands anywhere): its keys step by seconds. */
  private stepByKey(event: KeyboardEvent): void {
    const step = KEY_STEPS_MS[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const now = this.model.start + Number(this.slider.value);
    this.onSeek(Math.max(this.model.start, Math.min(this.model.end, now + step)));
  }

  private fraction(instant: number): number {
    const duration = this.model.end - this.model.start;
    return duration > 0 ? Math.min(1, Math.max(0, (instant - this.model.start) / duration)) : 0;
  }

  private buildTrack(track: Track): HTMLElement {
    const lane = h("div", { class: "lane" });
    for (const bar of this.activityBars(track)) lane.appendChild(bar);
    for (const marker of this.model.markers) {
      if (marker.trackId === track.id) lane.appendChild(this.buildMarker(marker, track));
    }
    const label = h("span", { class: "track-name", text: track.name, title: track.name });
    label.style.borderLeftColor = track.color;
    return h("div", { class: "track", "data-testid": "replay-track", "data-user-id": track.id }, label, lane);
  }

  private activityBars(track: Track): HTMLElement[] {
    const counts = new Uint32Array(ACTIVITY_BINS);
    for (const update of this.model.updates) {
      if (update.userId === track.id) counts[Math.min(ACTIVITY_BINS - 1, Math.floor(this.fraction(update.t) * ACTIVITY_BINS))]++;
    }
    const busiest = Math.max(1, ...counts);
    const bars: HTMLElement[] = [];
    counts.forEach((count, bin) => {
      if (count === 0) return;
      const bar = h("span", { class: "activity", "aria-hidden": "true" });
      bar.style.left = `${(bin / ACTIVITY_BINS) * 100}%`;
      bar.style.width = `${100 / ACTIVITY_BINS}%`;
      bar.style.background = track.color;
      bar.style.opacity = String(0.25 + (0.75 * count) / busiest);
      bars.push(bar);
    });
    return bars;
  }

  private buildMarker(marker: Marker, track: Track): HTMLElement {
    const label = `${clock(marker.t, this.model.start)} ${marker.label}`;
    const button = h("button", {
      type: "button",
      class: "marker",
      "data-testid": "replay-marker",
      "data-type": marker.type,
      title: label,
      "aria-label": label,
      tabindex: -1, // the event list beside the editor is the keyboard's way to these
      text: MARKER_SYMBOLS[marker.type] ?? "•",
    });
    button.style.left = `${this.fraction(marker.t) * 100}%`;
    button.style.color = track.color;
    button.addEventListener("click", () => this.onSeek(marker.t));
    return button;
  }
}
