/**
 * The room's DOM: a top bar of controls, the editor, and a side column of panels. It only
 * builds elements and hands back the ones others need; behaviour is wired elsewhere. The
 * `data-testid`s are what the browser tests find, the classes what styles.css lays out.
 */

import { h } from "../util/dom";

/** The elements the views already own, placed by the layout. */
export interface RoomPanels {
  share: HTMLElement;
  participants: HTMLElement;
  output: HTMLElement;
  chat: HTMLElement;
  toasts: HTMLElement;
  endButton: HTMLElement;
  endedBanner: HTMLElement;
  /** The interviewer's controls (controlsController.ts and its views). */
  hostPanel: HTMLElement;
  timer: HTMLElement;
  controlsNotice: HTMLElement;
  door: HTMLElement;
  integrityDisclosure: HTMLElement;
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
    h(
      "main",
      { class: "layout" },
      h(
        "section",
        { class: "editor-pane" },
        panels.door,
        panels.endedBanner,
        panels.controlsNotice,
        controls.editorHost,
        panels.integrityDisclosure,
      ),
      buildSideColumn(panels, controls.stdin),
    ),
    panels.toasts,
  );
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
    h("span", { class: "session-title", text: title }),
    controls.languageSelect,
    controls.runButton,
    controls.stopButton,
    controls.runtimeStatus,
    h("span", { class: "spacer" }),
    panels.timer,
    panels.endButton,
    controls.connectionStatus,
    controls.themeButton,
  );
}

function buildSideColumn(panels: RoomPanels, stdin: HTMLTextAreaElement): HTMLElement {
  return h(
    "aside",
    { class: "side" },
    panels.hostPanel,
    h(
      "section",
      { class: "panel share-panel", "data-testid": "share-panel" },
      h("h2", { text: "Invite" }),
      panels.share,
    ),
    h("section", { class: "panel" }, h("h2", { text: "People" }), panels.participants),
    h(
      "section",
      { class: "panel output-panel" },
      h("h2", { text: "Output" }),
      h("details", { class: "stdin" }, h("summary", { text: "Input (stdin)" }), stdin),
      panels.output,
    ),
    h("section", { class: "panel chat-panel" }, h("h2", { text: "Chat" }), panels.chat),
  );
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
