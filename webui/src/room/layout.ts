/**
 * The room's DOM: a top bar of controls, the editor, and a side column of panels. It only
 * builds elements and hands back the ones others need; behaviour is wired elsewhere. The
 * `data-testid`s are what the browser tests find, the classes what styles.css lays out.
 */

import { h } from "../util/dom";
import type { Pane, PaneTabs } from "./paneTabs";

/** The elements the views already own, placed by the layout. */
export interface RoomPanels {
  share: HTMLElement;
  participants: HTMLElement;
  output: HTMLElement;
  chat: HTMLElement;
  toasts: HTMLElement;
  endButton: HTMLElement;
  endedBanner: HTMLElement;
  /** Saves the code as a file (top bar). */
  download: HTMLElement;
  /** Opens the keyboard help (top bar). */
  help: HTMLElement;
  /** Why the room is out of reach and what to do, over the editor (hidden while connected). */
  disconnectNotice: HTMLElement;
  /** Controls beside the Output heading (Clear). */
  outputTools: HTMLElement;
  /** The tab bar a phone chooses panes with (hidden on wider screens). */
  paneTabs: PaneTabs;
  /** The interviewer's controls (controlsController.ts and its views). */
  hostPanel: HTMLElement;
  timer: HTMLElement;
  controlsNotice: HTMLElement;
  door: HTMLElement;
  integrityDisclosure: HTMLElement;
  /** The session's question, above the editor (promptPane.ts); optional for older callers. */
  prompt?: HTMLElement;
}

export interface RoomLayout {
  element: HTMLElement;
  editorHost: HTMLDivElement;
  languageSelect: HTMLSelectElement;
  runButton: HTMLButtonElement;
  stopButton: HTMLButtonElement;
  runtimeStatus: HTMLSpanElement;
  connectionStatus: HTMLSpanElement;
  themeButton: HTMLButtonElement;
  stdin: HTMLTextAreaElement;
}

type Controls = Omit<RoomLayout, "element">;

export function buildRoomLayout(title: string, panels: RoomPanels): RoomLayout {
  const controls = buildControls();
  const element = h(
    "div",
    { class: "room" },
    buildTopBar(title, controls, panels),
    panels.paneTabs.element,
    h(
      "main",
      { class: "layout" },
      h(
        "section",
        { class: "editor-pane", "data-pane": "code" },
        panels.door,
        panels.endedBanner,
        panels.disconnectNotice,
        panels.controlsNotice,
        panels.prompt,
        controls.editorHost,
        panels.integrityDisclosure,
      ),
      buildSideColumn(panels, controls.stdin),
    ),
    panels.toasts,
  );
  panels.paneTabs.attach(element);
  return { element, ...controls };
}

function buildControls(): Controls {
  return {
    editorHost: h("div", { class: "editor", "data-testid": "editor" }),
    languageSelect: h("select", { "data-testid": "language-select", "aria-label": "Language" }),
    runButton: h("button", {
      class: "primary",
      "data-testid": "run-button",
      title: "Run (Ctrl+Enter)",
      text: "▶ Run",
    }),
    stopButton: h("button", { "data-testid": "stop-button", title: "Stop the running program", text: "■ Stop" }),
    runtimeStatus: h("span", { class: "runtime-status", "data-testid": "runtime-status" }),
    connectionStatus: h("span", {
      class: "connection-status",
      "data-testid": "connection-status",
      "data-status": "connecting",
      text: "Connecting…",
    }),
    themeButton: h("button", {
      class: "icon",
      "data-testid": "theme-toggle",
      title: "Light or dark theme",
      "aria-label": "Toggle theme",
      text: "◐",
    }),
    stdin: h("textarea", {
      "data-testid": "stdin-input",
      rows: 3,
      placeholder: "Text for input() / readline(), one line each",
      spellcheck: "false",
    }),
  };
}

function buildTopBar(title: string, controls: Controls, panels: RoomPanels): HTMLElement {
  return h(
    "header",
    { class: "topbar" },
    h("a", { class: "brand", href: "/", text: "PairPad" }),
    // The page's one heading: what this room is (styled as the quiet title it was).
    h("h1", { class: "session-title", text: title }),
    controls.languageSelect,
    controls.runButton,
    controls.stopButton,
    controls.runtimeStatus,
    h("span", { class: "spacer" }),
    panels.timer,
    panels.endButton,
    controls.connectionStatus,
    panels.download,
    panels.help,
    controls.themeButton,
  );
}

function buildSideColumn(panels: RoomPanels, stdin: HTMLTextAreaElement): HTMLElement {
  return h(
    "aside",
    { class: "side" },
    withPane(panels.hostPanel, "people"),
    h(
      "section",
      { class: "panel share-panel", "data-testid": "share-panel", "data-pane": "people" },
      // Open until the first candidate is in (collapseInviteOnceJoined), then one line.
      h(
        "details",
        { class: "invite", open: true },
        h("summary", { "data-testid": "invite-toggle" }, h("h2", { text: "Invite" })),
        panels.share,
      ),
    ),
    h("section", { class: "panel", "data-pane": "people" }, h("h2", { text: "People" }), panels.participants),
    h(
      "section",
      { class: "panel output-panel", "data-pane": "output" },
      h("div", { class: "panel-head" }, h("h2", { text: "Output" }), panels.outputTools),
      h("details", { class: "stdin" }, h("summary", { text: "Input (stdin)" }), stdin),
      panels.output,
    ),
    h("section", { class: "panel chat-panel", "data-pane": "chat" }, h("h2", { text: "Chat" }), panels.chat),
  );
}

/** On a phone, the tab that shows this panel (paneTabs.ts). */
function withPane(element: HTMLElement, pane: Pane): HTMLElement {
  element.dataset.pane = pane;
  return element;
}

/**
 * The Invite panel has done its job once someone else is in the room: fold it to one line
 * (once; whoever opens it again keeps it open) so People, Output and Chat get the room.
 */
export function collapseInviteOnceJoined(room: HTMLElement, participants: HTMLElement): void {
  const invite = room.querySelector<HTMLDetailsElement>("details.invite");
  if (!invite) return;
  const watcher = new MutationObserver(() => {
    if (participants.children.length < 2) return;
    invite.open = false;
    watcher.disconnect();
  });
  watcher.observe(participants, { childList: true });
}

/** The page for a link whose session is gone (GET /api/sessions/{id} answered 404). */
export function buildMissingSession(): HTMLElement {
  return h(
    "div",
    { class: "missing" },
    h("h1", { text: "This session does not exist" }),
    h("p", { text: "It may have ended when the host closed PairPad. Ask for a new link, or start one." }),
    h("a", { class: "button primary", href: "/", text: "Go to the start page" }),
  );
}
