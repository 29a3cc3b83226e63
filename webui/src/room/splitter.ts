/**
 * A bar between two panes that resizes one of them, by pointer (mouse, pen, touch) and by
 * keyboard, as the WAI-ARIA window splitter pattern describes: a focusable `separator` whose
 * value is the pane's size in pixels. Arrow keys move it by SMALL_STEP_PX (Shift: LARGE_STEP_PX),
 * Page Up/Down by LARGE_STEP_PX, Home and End to the limits; a double click or Enter gives the
 * pane back its default size. It only measures and reports; paneSizes.ts applies and keeps.
 */

import { h } from "../util/dom";

export const SMALL_STEP_PX = 16;
export const LARGE_STEP_PX = 64;

export interface SplitterOptions {
  /** "vertical": a vertical bar moved left and right; "horizontal": moved up and down. */
  orientation: "vertical" | "horizontal";
  label: string;
  testid: string;
  /** The pane whose size the bar sets (it must have an id). */
  pane: HTMLElement;
  /** +1 when moving the bar right or down makes the pane bigger, -1 when smaller. */
  direction: 1 | -1;
  /** The pane's size now, and what it may be, in pixels. */
  size(): number;
  limits(): { min: number; max: number };
  /** Apply a size (already within the limits); `done` when the move is over (keep it). */
  resize(size: number, done: boolean): void;
  /** Back to the default size. */
  reset(): void;
}

export class Splitter {
  readonly element: HTMLElement;
  private drag: { start: number; size: number } | null = null;

  constructor(private readonly options: SplitterOptions) {
    this.element = h("div", {
      class: `splitter splitter-${options.orientation}`,
      role: "separator",
      tabindex: 0,
      "aria-orientation": options.orientation,
      "aria-label": options.label,
      "aria-controls": options.pane.id,
      "data-testid": options.testid,
      title: `${options.label} (drag, or focus and use the arrow keys)`,
    });
    this.element.addEventListener("keydown", (event) => this.onKey(event));
    this.element.addEventListener("pointerdown", (event) => this.onPointerDown(event));
    this.element.addEventListener("pointermove", (event) => this.onPointerMove(event));
    this.element.addEventListener("pointerup", (event) => this.onPointerUp(event));
    this.element.addEventListener("pointercancel", (event) => this.onPointerUp(event));
    this.element.addEventListener("dblclick", () => this.reset());
    this.element.addEventListener("focus", () => this.describe());
    if (typeof ResizeObserver !== "undefined") new ResizeObserver(() => this.describe()).observe(options.pane);
  }

  /** Keeps aria-valuenow/min/max true to the pane as it is now. */
  describe(): void {
    const { min, max } = this.options.limits();
    this.element.setAttribute("aria-valuemin", String(Math.round(min)));
    this.element.setAttribute("aria-valuemax", String(Math.round(Math.max(min, max))));
    this.element.setAttribute("aria-valuenow", String(Math.round(this.options.size())));
  }

  /** Sets the pane to `size`, kept within the limits. */
  moveTo(size: number, done: boolean): void {
    const { min, max } = this.options.limits();
    this.options.resize(Math.round(Math.min(Math.max(size, min), Math.max(min, max))), done);
    this.describe();
  }

  private reset(): void {
    this.options.reset();
    this.describe();
  }

  private onKey(event: KeyboardEvent): void {
    const step = event.shiftKey ? LARGE_STEP_PX : SMALL_STEP_PX;
    const forward = this.options.orientation === "vertical" ? "ArrowRight" : "ArrowDown";
    const backward = this.options.orientation === "vertical" ? "ArrowLeft" : "ArrowUp";
    const { min, max } = this.options.limits();
    const size = this.options.size();
    // The bar's movement towards the right or the bottom, in pixels.
    const moves: Record<string, number> = {
      [forward]: step,
      [backward]: -step,
      PageDown: LARGE_STEP_PX,
      PageUp: -LARGE_STEP_PX,
    };
    if (event.key in moves) this.moveTo(size + this.options.direction * moves[event.key], true);
    else if (event.key === "Home") this.moveTo(min, true);
    else if (event.key === "End") this.moveTo(max, true);
    else if (event.key === "Enter") this.reset();
    else return;
    event.preventDefault();
  }

  private position(event: PointerEvent): number {
    return this.options.orientation === "vertical" ? event.clientX : event.clientY;
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    event.preventDefault(); // no text selection while dragging
    this.element.setPointerCapture?.(event.pointerId);
    this.drag = { start: this.position(event), size: this.options.size() };
    this.element.classList.add("dragging");
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drag) return;
    this.moveTo(this.drag.size + this.options.direction * (this.position(event) - this.drag.start), false);
  }

  private onPointerUp(event: PointerEvent): void {
    if (!this.drag) return;
    this.moveTo(this.drag.size + this.options.direction * (this.position(event) - this.drag.start), true);
    this.drag = null;
    this.element.classList.remove("dragging");
  }
}
