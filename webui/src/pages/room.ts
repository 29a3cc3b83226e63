/**
 * The interview room at /s/<sessionId>: editor, people, output, chat, share link. This module
 * only wires the parts together; each part lives in its own module.
 */

import * as Y from "yjs";

import { createEditor, type SharedEditor } from "../editor/editor";
import { DEFAULT_LANGUAGES, type LanguageInfo } from "../editor/languages";
import { removeRemoteCursor, setRemoteCursor } from "../editor/remoteCursors";
import { RoomConnection, type ConnectionStatus } from "../net/connection";
import { socketUrl, type ServerMessage, type SessionState } from "../net/protocol";
import { askName } from "../room/namePrompt";
import { ChatView } from "../room/chatView";
import { nameFromLink, rememberedName, rememberName, userId as browserUserId } from "../room/identity";
import { OutputView } from "../room/outputView";
import { ParticipantsView } from "../room/participantsView";
import { RunController } from "../room/runController";
import { SharePanel } from "../room/sharePanel";
import { applyTheme, onSystemThemeChange, toggleTheme } from "../room/theme";
import { Toasts } from "../room/toasts";
import { CrdtSync } from "../sync/crdtSync";
import { fromBase64 } from "../util/base64";
import { h } from "../util/dom";

const DEFAULT_LIMITS = { maxMessageBytes: 1 << 20, maxCodeChars: 500_000, maxOutputChars: 200_000, maxChatChars: 4000 };
const DEFAULT_RUN_TIMEOUT_MS = 10_000;

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  ended: "Disconnected",
};

export async function openRoom(root: HTMLElement, sessionId: string): Promise<void> {
  let dark = applyTheme();
  const session = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}`);
  if (session.status === 404) {
    showMissing(root);
    return;
  }
  const info = session.ok ? ((await session.json()) as { title: string }) : { title: "" };

  const me = { userId: browserUserId(), username: "", color: "#888888" };
  const linkName = nameFromLink();
  me.username = linkName ?? (await askName(rememberedName()));
  rememberName(me.username);

  let languages: LanguageInfo[] = DEFAULT_LANGUAGES;
  let limits = DEFAULT_LIMITS;
  let runTimeoutMs = DEFAULT_RUN_TIMEOUT_MS;
  let currentLanguage = "python";
  let joinedOnce = false; // toasts only for changes after we joined, not the initial list

  // ------------------------------------------------------------------ layout
  const toasts = new Toasts();
  const participants = new ParticipantsView();
  const output = new OutputView();
  const share = new SharePanel(`/s/${sessionId}`);
  const status = h("span", { class: "connection-status", "data-testid": "connection-status", "data-status": "connecting", text: "Connecting…" });
  const languageSelect = h("select", { "data-testid": "language-select", "aria-label": "Language" });
  const runButton = h("button", { class: "primary", "data-testid": "run-button", title: "Run (Ctrl+Enter)", text: "▶ Run" });
  const stopButton = h("button", { "data-testid": "stop-button", title: "Stop the running program", text: "■ Stop" });
  const runtimeStatus = h("span", { class: "runtime-status", "data-testid": "runtime-status" });
  const themeButton = h("button", { class: "icon", "data-testid": "theme-toggle", title: "Light or dark theme", "aria-label": "Toggle theme", text: "◐" });
  const stdin = h("textarea", { "data-testid": "stdin-input", rows: 3, placeholder: "Text for input() / readline(), one line each", spellcheck: "false" });
  const editorHost = h("div", { class: "editor", "data-testid": "editor" });

  const chat = new ChatView(
    (text) => connection.send({ type: "chat-message", payload: { text } }),
    (id) => participants.get(id)?.color,
  );

  root.replaceChildren(
    h(
      "div",
      { class: "room" },
      h(
        "header",
        { class: "topbar" },
        h("a", { class: "brand", href: "/", text: "PairPad" }),
        h("span", { class: "session-title", text: info.title }),
        languageSelect,
        runButton,
        stopButton,
        runtimeStatus,
        h("span", { class: "spacer" }),
        status,
        themeButton,
      ),
      h(
        "main",
        { class: "layout" },
        h("section", { class: "editor-pane" }, editorHost),
        h(
          "aside",
          { class: "side" },
          h("section", { class: "panel share-panel", "data-testid": "share-panel" }, h("h2", { text: "Invite" }), share.element),
          h("section", { class: "panel" }, h("h2", { text: "People" }), participants.element),
          h(
            "section",
            { class: "panel output-panel" },
            h("h2", { text: "Output" }),
            h("details", { class: "stdin" }, h("summary", { text: "Input (stdin)" }), stdin),
            output.element,
          ),
          h("section", { class: "panel chat-panel" }, h("h2", { text: "Chat" }), chat.element),
        ),
      ),
      toasts.element,
    ),
  );
  void share.load();

  // ------------------------------------------------------------------ document and editor
  const doc = new Y.Doc();
  const ytext = doc.getText("code");
  const sync = new CrdtSync(doc, {
    send: (update) => connection.send({ type: "code-change", payload: { userId: me.userId, update } }),
  });
  const runs = new RunController(
    {
      language: () => currentLanguage,
      languageName: (id) => languages.find((l) => l.id === id)?.name ?? id,
      code: () => ytext.toString(),
      stdin: () => stdin.value,
      me: () => me,
      colorOf: (id) => participants.get(id)?.color ?? "#888888",
      timeoutMs: () => runTimeoutMs,
      maxSharedOutputChars: () => limits.maxOutputChars,
      send: (message) => connection.send(message),
    },
    output,
    { run: runButton, stop: stopButton, status: runtimeStatus },
  );
  const editor: SharedEditor = createEditor({
    parent: editorHost,
    ytext,
    language: currentLanguage,
    dark,
    onRun: () => void runs.run(),
    onCursor: (cursor) => {
      if (sync.isSynced) connection.send({ type: "cursor-move", payload: { userId: me.userId, ...cursor } });
    },
  });
  runs.prepare(currentLanguage);

  function renderLanguages(): void {
    languageSelect.replaceChildren(...languages.map((l) => h("option", { value: l.id, text: l.name })));
    languageSelect.value = currentLanguage;
  }
  renderLanguages();
  void fetch("/api/languages")
    .then((response) => (response.ok ? (response.json() as Promise<LanguageInfo[]>) : null))
    .then((list) => {
      if (list?.length) {
        languages = list;
        renderLanguages();
      }
    })
    .catch(() => undefined);

  languageSelect.addEventListener("change", () => {
    const chosen = languageSelect.value;
    languageSelect.value = currentLanguage; // until the server confirms it for everyone
    connection.send({ type: "language-change", payload: { userId: me.userId, language: chosen } });
  });
  themeButton.addEventListener("click", () => {
    dark = toggleTheme();
    editor.setDark(dark);
  });
  onSystemThemeChange((isDark) => editor.setDark(isDark));

  // ------------------------------------------------------------------ messages
  function setLanguage(language: string): void {
    currentLanguage = language;
    languageSelect.value = language;
    editor.setLanguage(language);
    runs.prepare(language);
  }

  function placeCursor(message: Extract<ServerMessage, { type: "cursor-update" }>["payload"]): void {
    const person = participants.get(message.userId);
    if (!person || message.userId === me.userId) return;
    const state = editor.view.state;
    const fromLineColumn = (p: { line: number; column: number }) => {
      const line = state.doc.line(Math.min(Math.max(1, p.line), state.doc.lines));
      return Math.min(line.from + p.column - 1, line.to);
    };
    const fromRelative = (encoded: string) => {
      try {
        const absolute = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(encoded)), doc);
        return absolute && absolute.type === ytext ? absolute.index : null;
      } catch {
        return null;
      }
    };
    const head = (message.relative && fromRelative(message.relative.head)) ?? fromLineColumn(message.cursor);
    const anchor =
      (message.relative && fromRelative(message.relative.anchor)) ??
      (message.selection ? fromLineColumn(message.selection.anchor) : head);
    editor.view.dispatch({
      effects: setRemoteCursor.of({ userId: person.userId, name: person.username, color: person.color, anchor, head }),
    });
  }

  function onMessage(message: ServerMessage): void {
    switch (message.type) {
      case "session-state":
        onSessionState(message.payload);
        break;
      case "participant-joined":
        if (participants.add(message.payload) && joinedOnce && message.payload.userId !== me.userId) {
          toasts.show(`${message.payload.username} joined`);
        }
        break;
      case "participant-left": {
        const gone = participants.remove(message.payload.userId);
        editor.view.dispatch({ effects: removeRemoteCursor.of(message.payload.userId) });
        if (gone && message.payload.userId !== me.userId) toasts.show(`${gone.username} left`);
        break;
      }
      case "language-updated":
        setLanguage(message.payload.language);
        break;
      case "code-update":
        sync.handleCodeUpdate(message.payload);
        if (message.payload.sync) {
          joinedOnce = true;
          connection.joined();
        }
        break;
      case "cursor-update":
        placeCursor(message.payload);
        break;
      case "execute-code":
        runs.remoteStarted(message.payload);
        break;
      case "execution-result":
        runs.remoteResult(message.payload);
        break;
      case "chat-message":
        chat.add(message.payload);
        break;
      case "error":
        console.warn("server:", message.payload.message);
        toasts.show(message.payload.message, 6000);
        break;
    }
  }

  function onSessionState(state: SessionState): void {
    participants.reset();
    chat.clear(); // the server replays the history after this
    me.color = state.you.color;
    participants.setMe(state.you.userId);
    limits = { ...DEFAULT_LIMITS, ...state.limits };
    const timeout = (state.limits as { runTimeoutMs?: number }).runTimeoutMs;
    if (timeout) runTimeoutMs = timeout;
    chat.setLimit(limits.maxChatChars);
  }

  // ------------------------------------------------------------------ connection
  const connection: RoomConnection = new RoomConnection({
    url: socketUrl(location, sessionId),
    onOpen: () =>
      connection.send({
        type: "join-session",
        payload: { userId: me.userId, username: me.username, ...sync.joinFields() },
      }),
    onMessage,
    onStatus: (state, detail) => {
      status.dataset.status = state;
      status.textContent = STATUS_TEXT[state];
      status.title = detail;
      if (state !== "connected") sync.disconnected();
      if (state === "ended") toasts.show(detail, 10_000);
    },
  });
  connection.start();

  window.addEventListener("offline", () => connection.goOffline());
  window.addEventListener("online", () => connection.goOnline());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") connection.nudge();
  });
  window.addEventListener("pagehide", () => {
    sync.flush();
    connection.send({ type: "leave-session", payload: { userId: me.userId } });
    connection.stop();
    runs.dispose();
  });

  // A small handle for tests and the curious (read-only views of the state).
  (window as unknown as { pairpad: object }).pairpad = {
    text: () => ytext.toString(),
    status: () => status.dataset.status,
    userId: me.userId,
  };
  editor.view.focus();
}

function showMissing(root: HTMLElement): void {
  root.replaceChildren(
    h(
      "div",
      { class: "missing" },
      h("h1", { text: "This session does not exist" }),
      h("p", { text: "It may have ended when the host closed PairPad. Ask for a new link, or start one." }),
      h("a", { class: "button primary", href: "/", text: "Go to the start page" }),
    ),
  );
}
