import { describe, expect, it } from "vitest";

import { PaneTabs } from "../src/room/paneTabs";

function tabs(narrow: boolean) {
  const paneTabs = new PaneTabs(() => narrow);
  const room = document.createElement("div");
  paneTabs.attach(room);
  const tab = (pane: string) => paneTabs.element.querySelector<HTMLButtonElement>(`[data-testid=pane-tab-${pane}]`)!;
  return { paneTabs, room, tab };
}

describe("PaneTabs", () => {
  it("shows the pane whose tab is clicked, and says which one is selected", () => {
    const { room, tab } = tabs(true);
    tab("chat").click();
    expect(room.dataset.pane).toBe("chat");
    expect(tab("chat").getAttribute("aria-selected")).toBe("true");
    expect(tab("code").getAttribute("aria-selected")).toBe("false");
  });

  it("marks a hidden pane's tab on a phone until it is opened", () => {
    const { paneTabs, tab } = tabs(true);
    paneTabs.markUnread("chat");
    paneTabs.markUnread("code"); // the pane in view is never marked
    expect(tab("chat").classList.contains("unread")).toBe(true);
    expect(tab("code").classList.contains("unread")).toBe(false);
    tab("chat").click();
    expect(tab("chat").classList.contains("unread")).toBe(false);
  });

  it("leaves wide screens alone: every pane is in view there", () => {
    const { paneTabs, room, tab } = tabs(false);
    paneTabs.markUnread("chat");
    paneTabs.revealOnNarrow("output");
    expect(tab("chat").classList.contains("unread")).toBe(false);
    expect(room.dataset.pane).toBe("code");
  });

  it("shows the output when the person runs code on a phone", () => {
    const { paneTabs, room } = tabs(true);
    paneTabs.revealOnNarrow("output");
    expect(room.dataset.pane).toBe("output");
    expect(paneTabs.pane).toBe("output");
  });
});
