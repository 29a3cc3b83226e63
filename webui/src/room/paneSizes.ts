/**
 * Resizable panes: the side column's width (a bar between it and the editor) and the output
 * panel's height (a bar between it and the chat), by pointer and keyboard (splitter.ts),
 * remembered by this browser. Sizes become CSS variables on the room (styles.css); limits keep
 * the editor, the side column, the output and the chat usable, and the page never wider than
 * the screen. Phones show one pane at a time and no bars (paneTabs.ts).
 */

import { browserStorage, readSetting, writeSetting } from "../util/localStore";
import { Splitter } from "./splitter";

export const KEY = "pairpad.paneSizes";
export const SIDE_MIN_PX = 260;
/** The editor keeps at least this much width (styles.css caps the side column likewise). */
export const EDITOR_MIN_PX = 320;
export const OUTPUT_MIN_PX = 90;
/** The chat keeps this much height under the output (styles.css has the same number). */
export const CHAT_MIN_PX = 120;

export interface SavedSizes {
  side?: number;
  output?: number;
}

export function loadSizes(store: Storage | null): SavedSizes {
  try {
    const saved = JSON.parse(readSetting(store, KEY) ?? "{}") as Record<string, unknown>;
    const sizes: SavedSizes = {};
    for (const name of ["side", "output"] as const) {
      const value = saved[name];
      if (typeof value === "number" && Number.isFinite(value) && value > 0) sizes[name] = Math.round(value);
    }
    return sizes;
  } catch {
    return {}; // unreadable: the default sizes
  }
}

export function saveSizes(store: Storage | null, sizes: SavedSizes): void {
  writeSetting(store, KEY, JSON.stringify(sizes));
}

interface Panes {
  room: HTMLElement;
  layout: HTMLElement;
  side: HTMLElement;
  output: HTMLElement;
  chat: HTMLElement;
}

/** Puts the two bars into the room built by layout.ts and applies the remembered sizes. */
export function makePanesResizable(room: HTMLElement, store: Storage | null = browserStorage()): Splitter[] {
  const find = (selector: string) => {
    const element = room.querySelector<HTMLElement>(selector);
    if (!element) throw new Error(`the room has no ${selector}`);
    return element;
  };
  const panes: Panes = { room, layout: find(".layout"), side: find(".side"), output: find(".output-panel"), chat: find(".chat-panel") };
  const sizes = loadSizes(store);
  applySide(panes, sizes.side);
  applyOutput(panes, sizes.output);
  const keep = (change: SavedSizes) => {
    Object.assign(sizes, change);
    saveSizes(store, sizes);
  };
  const sideBar = sideSplitter(panes, (side) => keep({ side }));
  const outputBar = outputSplitter(panes, (output) => keep({ output }));
  panes.side.before(sideBar.element);
  panes.chat.before(outputBar.element);
  return [sideBar, outputBar];
}

function height(element: HTMLElement): number {
  return element.getBoundingClientRect().height;
}

function applySide({ room }: Panes, width: number | undefined): void {
  if (width === undefined) room.style.removeProperty("--side-width");
  else room.style.setProperty("--side-width", `${width}px`);
}

function applyOutput({ room }: Panes, size: number | undefined): void {
  if (size === undefined) room.style.removeProperty("--output-height");
  else room.style.setProperty("--output-height", `${size}px`);
  room.toggleAttribute("data-output-sized", size !== undefined);
}

function sideSplitter(panes: Panes, keep: (width: number | undefined) => void): Splitter {
  panes.side.id ||= "side-column";
  return new Splitter({
    orientation: "vertical",
    label: "Resize the side column",
    testid: "side-splitter",
    pane: panes.side,
    direction: -1, // the side column is on the right: moving the bar left widens it
    size: () => panes.side.getBoundingClientRect().width,
    limits: () => ({ min: SIDE_MIN_PX, max: panes.layout.clientWidth - EDITOR_MIN_PX }),
    resize: (width, done) => {
      applySide(panes, width);
      if (done) keep(width);
    },
    reset: () => {
      applySide(panes, undefined);
      keep(undefined);
    },
  });
}

function outputSplitter(panes: Panes, keep: (size: number | undefined) => void): Splitter {
  panes.output.id ||= "output-panel";
  return new Splitter({
    orientation: "horizontal",
    label: "Resize the output panel",
    testid: "output-splitter",
    pane: panes.output,
    direction: 1, // the output is above the chat: moving the bar down makes it taller
    size: () => height(panes.output),
    // The output takes its height from the chat's, down to the chat's minimum.
    limits: () => ({ min: OUTPUT_MIN_PX, max: height(panes.output) + height(panes.chat) - CHAT_MIN_PX }),
    resize: (size, done) => {
      applyOutput(panes, size);
      if (done) keep(size);
    },
    reset: () => {
      applyOutput(panes, undefined);
      keep(undefined);
    },
  });
}
