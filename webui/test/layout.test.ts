import { describe, expect, it } from "vitest";

import { buildMissingSession, buildRoomLayout, collapseInviteOnceJoined } from "../src/room/layout";
import { PaneTabs } from "../src/room/paneTabs";

function panels() {
  const panel = (testid: string) => {
    const element = document.createElement("div");
    element.dataset.testid = testid;
    return element;
  };
  return {
    share: panel("fake-share"),
    participants: panel("fake-participants"),
    output: panel("fake-output"),
    chat: panel("fake-chat"),
    toasts: panel("fake-toasts"),
    endButton: panel("fake-end"),
    endedBanner: panel("fake-banner"),
    paneTabs: new PaneTabs(() => true),
    outputTools: panel("fake-output-tools"),
    download: panel("fake-download"),
    help: panel("fake-help"),
    disconnectNotice: panel("fake-notice"),
    hostPanel: panel("fake-host-panel"),
    timer: panel("fake-timer"),
    controlsNotice: panel("fake-controls-notice"),
    door: panel("fake-door"),
    integrityDisclosure: panel("fake-disclosure"),
  };
}

const byTestId = (root: Element, id: string) => root.querySelector(`[data-testid="${id}"]`);

describe("buildRoomLayout", () => {
  it("returns each control, and each carries the data-testid the browser tests use", () => {
    const layout = buildRoomLayout("Backend loop", panels());
    const expected = {
      editorHost: "editor",
      languageSelect: "language-select",
      runButton: "run-button",
      stopButton: "stop-button",
      runtimeStatus: "runtime-status",
      connectionStatus: "connection-status",
      themeButton: "theme-toggle",
      stdin: "stdin-input",
    } as const;
    for (const [key, testid] of Object.entries(expected)) {
      const control = layout[key as keyof typeof expected];
      expect(control.dataset.testid, key).toBe(testid);
      expect(byTestId(layout.element, testid), key).toBe(control);
    }
  });

  it("gives controls the right element types", () => {
    const layout = buildRoomLayout("", panels());
    expect(layout.languageSelect).toBeInstanceOf(HTMLSelectElement);
    expect(layout.runButton).toBeInstanceOf(HTMLButtonElement);
    expect(layout.stopButton).toBeInstanceOf(HTMLButtonElement);
    expect(layout.themeButton).toBeInstanceOf(HTMLButtonElement);
    expect(layout.stdin).toBeInstanceOf(HTMLTextAreaElement);
    expect(layout.editorHost).toBeInstanceOf(HTMLDivElement);
  });

  it("starts the connection badge at 'connecting'", () => {
    const { connectionStatus } = buildRoomLayout("", panels());
    expect(connectionStatus.dataset.status).toBe("connecting");
    expect(connectionStatus.textContent).toBe("Connecting…");
  });

  it("puts the title in the top bar as text, never as markup", () => {
    const title = '<img src=x onerror="alert(1)">';
    const layout = buildRoomLayout(title, panels());
    expect(layout.element.querySelector(".topbar .session-title")?.textContent).toBe(title);
    expect(layout.element.querySelector("img")).toBeNull();
  });

  it("keeps the classes styles.css lays out", () => {
    const { element } = buildRoomLayout("", panels());
    expect(element.className).toBe("room");
    for (const selector of [
      ".topbar .brand",
      ".topbar .spacer",
      ".topbar .connection-status",
      ".topbar .runtime-status",
      "main.layout > section.editor-pane > .editor",
      "aside.side > section.panel.share-panel[data-testid=share-panel]",
      "aside.side > section.panel.output-panel details.stdin > textarea",
      "aside.side > section.panel.chat-panel",
      ".topbar button.primary[data-testid=run-button]",
      ".topbar button.icon[data-testid=theme-toggle]",
    ]) {
      expect(element.querySelector(selector), selector).not.toBeNull();
    }
  });

  it("places the views' panels: invite, people, output (after stdin), chat, then the toasts", () => {
    const given = panels();
    const { element } = buildRoomLayout("", given);
    const headings = [...element.querySelectorAll("aside.side > section h2")].map((h2) => h2.textContent);
    expect(headings).toEqual(["Invite", "People", "Output", "Chat"]);
    expect(given.share.closest(".share-panel")).not.toBeNull();
    expect(given.output.previousElementSibling?.matches("details.stdin")).toBe(true);
    expect(given.chat.parentElement?.classList.contains("chat-panel")).toBe(true);
    expect(element.lastElementChild).toBe(given.toasts);
  });

  it("orders the top bar: brand, title, language, run, stop, runtime, spacer, timer, end, connection, download, help, theme", () => {
    const layout = buildRoomLayout("T", panels());
    const topbar = layout.element.querySelector(".topbar");
    expect([...(topbar?.children ?? [])].map((child) => child.className || child.getAttribute("data-testid"))).toEqual([
      "brand",
      "session-title",
      "language-select",
      "primary",
      "stop-button",
      "runtime-status",
      "spacer",
      "fake-timer",
      "fake-end",
      "connection-status",
      "fake-download",
      "fake-help",
      "icon",
    ]);
  });
});

describe("buildMissingSession", () => {
  it("says the session is gone and links to the start page", () => {
    const page = buildMissingSession();
    expect(page.className).toBe("missing");
    expect(page.querySelector("h1")?.textContent).toBe("This session does not exist");
    expect(page.querySelector("a")?.getAttribute("href")).toBe("/");
  });
});

describe("panes on a phone", () => {
  it("marks every pane with the tab that shows it, and starts on the code", () => {
    const given = panels();
    const { element } = buildRoomLayout("", given);
    const paneOf = (id: string) => byTestId(element, id)?.closest("[data-pane]")?.getAttribute("data-pane");
    expect(element.dataset.pane).toBe("code");
    expect(paneOf("editor")).toBe("code");
    expect(paneOf("fake-output")).toBe("output");
    expect(paneOf("stdin-input")).toBe("output");
    expect(paneOf("fake-chat")).toBe("chat");
    expect(paneOf("fake-participants")).toBe("people");
    expect(paneOf("fake-share")).toBe("people");
    expect(byTestId(element, "pane-tab-chat")).not.toBeNull();
  });
});

describe("the Invite panel", () => {
  it("folds once someone else has joined, and only once", async () => {
    const given = panels();
    const { element } = buildRoomLayout("", given);
    const invite = element.querySelector<HTMLDetailsElement>("details.invite")!;
    collapseInviteOnceJoined(element, given.participants);
    expect(invite.open).toBe(true);

    given.participants.append(document.createElement("li"));
    await Promise.resolve();
    expect(invite.open).toBe(true); // just me

    given.participants.append(document.createElement("li"));
    await Promise.resolve();
    expect(invite.open).toBe(false);

    invite.open = true; // opened again by hand: stays open
    given.participants.append(document.createElement("li"));
    await Promise.resolve();
    expect(invite.open).toBe(true);
  });
});
