import { describe, expect, it } from "vitest";

import { buildRoomLayout } from "../src/room/layout";
import { KEY, loadSizes, makePanesResizable, SIDE_MIN_PX } from "../src/room/paneSizes";
import { PaneTabs } from "../src/room/paneTabs";
import { LARGE_STEP_PX, SMALL_STEP_PX } from "../src/room/splitter";

/** jsdom's localStorage, holding only `initial`. */
function memoryStore(initial: Record<string, string> = {}): Storage {
  window.localStorage.clear();
  for (const [key, value] of Object.entries(initial)) window.localStorage.setItem(key, value);
  return window.localStorage;
}

function room(store: Storage) {
  const panel = () => document.createElement("div");
  const layout = buildRoomLayout("Sizes", {
    share: panel(), participants: panel(), output: panel(), chat: panel(), toasts: panel(),
    endButton: panel(), endedBanner: panel(), paneTabs: new PaneTabs(() => false),
    outputTools: panel(), download: panel(), help: panel(), disconnectNotice: panel(),
    hostPanel: panel(), timer: panel(), controlsNotice: panel(), door: panel(), integrityDisclosure: panel(),
  });
  // jsdom lays nothing out: give the panes the sizes a 1280 px wide window would.
  const sizeOf = (selector: string, width: number, height: number) => {
    const element = layout.element.querySelector<HTMLElement>(selector)!;
    element.getBoundingClientRect = () => ({ width, height }) as DOMRect;
    Object.defineProperty(element, "clientWidth", { value: width });
  };
  sizeOf(".layout", 1280, 680);
  sizeOf(".side", 400, 680);
  sizeOf(".output-panel", 300, 300);
  sizeOf(".chat-panel", 300, 200);
  const [side, output] = makePanesResizable(layout.element, store);
  return { element: layout.element, side, output };
}

const key = (element: HTMLElement, name: string, shiftKey = false) =>
  element.dispatchEvent(new KeyboardEvent("keydown", { key: name, shiftKey, bubbles: true }));

describe("resizable panes", () => {
  it("puts a focusable separator for each bar in the room, saying the pane's size", () => {
    const { element, side, output } = room(memoryStore());
    expect(side.element.nextElementSibling?.classList.contains("side")).toBe(true);
    expect(output.element.nextElementSibling?.classList.contains("chat-panel")).toBe(true);
    for (const bar of [side, output]) {
      expect(bar.element.getAttribute("role")).toBe("separator");
      expect(bar.element.tabIndex).toBe(0);
      expect(element.querySelector(`#${bar.element.getAttribute("aria-controls")}`)).not.toBeNull();
    }
    side.describe();
    expect(side.element.getAttribute("aria-valuenow")).toBe("400");
    expect(side.element.getAttribute("aria-valuemax")).toBe(String(1280 - 320));
  });

  it("moves with the arrow keys, within the limits, and is remembered", () => {
    const store = memoryStore();
    const { element, side, output } = room(store);
    key(side.element, "ArrowLeft"); // the side column is on the right: left widens it
    expect(element.style.getPropertyValue("--side-width")).toBe(`${400 + SMALL_STEP_PX}px`);
    key(output.element, "ArrowUp", true);
    expect(element.style.getPropertyValue("--output-height")).toBe(`${300 - LARGE_STEP_PX}px`);
    expect(element.hasAttribute("data-output-sized")).toBe(true);
    key(side.element, "End");
    expect(element.style.getPropertyValue("--side-width")).toBe(`${1280 - 320}px`);
    key(output.element, "End"); // the chat keeps its minimum
    expect(element.style.getPropertyValue("--output-height")).toBe(`${300 + 200 - 120}px`);
    expect(loadSizes(store)).toEqual({ side: 960, output: 380 });
  });

  it("goes back to the default with Enter, and forgets the size", () => {
    const store = memoryStore({ [KEY]: JSON.stringify({ side: 500, output: 200 }) });
    const { element, side } = room(store);
    expect(element.style.getPropertyValue("--side-width")).toBe("500px");
    key(side.element, "Enter");
    expect(element.style.getPropertyValue("--side-width")).toBe("");
    expect(loadSizes(store)).toEqual({ output: 200 });
  });

  it("ignores what it cannot read back", () => {
    expect(loadSizes(memoryStore({ [KEY]: "not json" }))).toEqual({});
    expect(loadSizes(memoryStore({ [KEY]: JSON.stringify({ side: -5, output: "big" }) }))).toEqual({});
    expect(loadSizes(null)).toEqual({});
    const { side } = room(memoryStore());
    key(side.element, "Home");
    expect(side.element.getAttribute("aria-valuemin")).toBe(String(SIDE_MIN_PX));
  });
});
