/**
 * RoomController: what each server message does to the views, the editor and the sync; what
 * this person's actions send; what the connection's status shows. The connection, the sync,
 * the runs, the chat and the toasts are fakes that record; the participants list, the
 * language picker and a CodeMirror view with the remote-cursor extension are the real ones.
 */

import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";

import { remoteCursorCount, remoteCursors } from "../src/editor/remoteCursors";
import { starterFor } from "../src/editor/starters";
import type { ClientMessage, ServerMessage, ServerMessageOf, SessionState } from "../src/net/protocol";
import type { ChatEntry } from "../src/room/chatView";
import { LanguagePicker } from "../src/room/languagePicker";
import { ParticipantsView } from "../src/room/participantsView";
import { RoomController } from "../src/room/roomController";
import type { RunContext } from "../src/room/runController";
import type { CodeUpdatePayload } from "../src/sync/crdtSync";
import { toBase64 } from "../src/util/base64";

class FakeConnection {
  readonly sent: ClientMessage[] = [];
  open = true;
  joinedCalls = 0;
  stopped = false;

  send(message: ClientMessage): boolean {
    if (this.open) this.sent.push(message);
    return this.open;
  }

  joined(): void {
    this.joinedCalls++;
  }

  stop(): void {
    this.stopped = true;
    this.open = false;
  }
}

class FakeSync {
  isSynced = false;
  readonly updates: CodeUpdatePayload[] = [];
  disconnects = 0;
  flushes = 0;

  joinFields(): { crdt: "yjs"; stateVector: string } {
    return { crdt: "yjs", stateVector: "AA==" };
  }

  handleCodeUpdate(payload: CodeUpdatePayload): void {
    this.updates.push(payload);
    if (payload.sync) this.isSynced = true;
  }

  disconnected(): void {
    this.disconnects++;
    this.isSynced = false;
  }

  flush(): void {
    this.flushes++;
  }
}

class FakeRuns {
  readonly prepared: string[] = [];
  readonly started: ServerMessageOf<"execute-code">["payload"][] = [];
  readonly results: ServerMessageOf<"execution-result">["payload"][] = [];
  runs = 0;
  disposed = false;

  prepare(language: string): void {
    this.prepared.push(language);
  }

  remoteStarted(payload: ServerMessageOf<"execute-code">["payload"]): void {
    this.started.push(payload);
  }

  remoteResult(payload: ServerMessageOf<"execution-result">["payload"]): void {
    this.results.push(payload);
  }

  async run(): Promise<void> {
    this.runs++;
  }

  dispose(): void {
    this.disposed = true;
  }
}

class FakeChat {
  readonly entries: ChatEntry[] = [];
  clears = 0;
  limit: number | null = null;

  add(entry: ChatEntry): void {
    this.entries.push(entry);
  }

  clear(): void {
    this.clears++;
  }

  setLimit(maxChars: number): void {
    this.limit = maxChars;
  }
}

class FakeToasts {
  readonly shown: { text: string; ms?: number }[] = [];

  show(text: string, ms?: number): void {
    this.shown.push(ms === undefined ? { text } : { text, ms });
  }

  get texts(): string[] {
    return this.shown.map((toast) => toast.text);
  }
}

class FakeEnding {
  interviewer: boolean | null = null;
  endedBy: string[] = [];

  setInterviewer(interviewer: boolean): void {
    this.interviewer = interviewer;
  }

  showEnded(byWhom: string): void {
    this.endedBy.push(byWhom);
  }
}

/** Records what the room's controller hands to the controls' controller. */
class FakeControls {
  readonly states: SessionState[] = [];
  readonly messages: ServerMessage[] = [];
  ended = 0;
  disconnects = 0;
  closedFor: string[] = [];

  onSessionState(state: SessionState): void {
    this.states.push(state);
  }

  onMessage(message: ServerMessage): boolean {
    this.messages.push(message);
    return true;
  }

  onEnded(): void {
    this.ended++;
  }

  onClosedForGood(reason: string): void {
    this.closedFor.push(reason);
  }

  onDisconnected(): void {
    this.disconnects++;
  }

  runAllowed = true;

  mayRun(): boolean {
    return this.runAllowed;
  }
}

const ME = "user-me";
const BO = { userId: "user-bo", username: "Bo", color: "#12ab34", role: "candidate" as const };

let views: EditorView[] = [];
afterEach(() => {
  for (const view of views) view.destroy();
  views = [];
  vi.restoreAllMocks();
});

function room(code = "hello\nworld") {
  const doc = new Y.Doc();
  const ytext = doc.getText("code");
  ytext.insert(0, code);
  const view = new EditorView({ state: EditorState.create({ doc: code, extensions: [remoteCursors()] }) });
  views.push(view);
  const editorLanguages: string[] = [];
  const connection = new FakeConnection();
  const sync = new FakeSync();
  const runs = new FakeRuns();
  const chat = new FakeChat();
  const toasts = new FakeToasts();
  const participants = new ParticipantsView();
  const select = document.createElement("select");
  const languages = new LanguagePicker(select, (language) => controller.requestLanguage(language));
  const badge = document.createElement("span");
  const me = { userId: ME, username: "Ann", color: "#888888" };
  const stdin = { value: "" };
  let context: RunContext | null = null;
  const remembered: { userId: string; secret: string }[] = [];
  const ending = new FakeEnding();
  const controls = new FakeControls();
  const controller: RoomController = new RoomController({
    controls,
    me,
    secret: null,
    rememberIdentity: (userId, secret) => remembered.push({ userId, secret }),
    ending,
    ytext,
    connection,
    sync,
    editor: { view, setLanguage: (language) => editorLanguages.push(language) },
    participants,
    chat,
    toasts,
    languages,
    connectionStatus: badge,
    stdin: () => stdin.value,
    createRuns: (runContext) => {
      context = runContext;
      return runs;
    },
  });
  const receive = (...messages: ServerMessage[]) => messages.forEach((message) => controller.onMessage(message));
  return {
    controller,
    remembered,
    ending,
    controls,
    connection,
    sync,
    runs,
    chat,
    toasts,
    participants,
    languages,
    select,
    badge,
    me,
    ytext,
    view,
    stdin,
    editorLanguages,
    receive,
    context: () => {
      if (!context) throw new Error("createRuns was not called");
      return context;
    },
    /** The messages a join brings, in the server's order (docs/protocol.md, "Joining"). */
    join(...others: (typeof BO)[]) {
      receive(
        sessionState(),
        ...[{ userId: ME, username: "Ann", color: "#aa0000", role: "candidate" as const }, ...others].map(
          (person): ServerMessage => ({ type: "participant-joined", payload: person }),
        ),
        { type: "language-updated", payload: { userId: "server", language: "python" } },
        { type: "code-update", payload: { userId: "server", code, update: "AA==", stateVector: "AA==", sync: true } },
      );
    },
  };
}

function sessionState(limits: Partial<Record<string, number>> = {}): ServerMessage {
  const state = {
    sessionId: "s1",
    title: "Loop",
    language: "python",
    participants: [],
    createdAt: 0,
    you: { userId: ME, username: "Ann", color: "#aa0000", role: "candidate" },
    participantSecret: "secret-1",
    ended: false,
    limits: { maxMessageBytes: 1 << 20, maxCodeChars: 500_000, maxOutputChars: 200_000, maxChatChars: 4000, ...limits },
  };
  return { type: "session-state", payload: state as unknown as SessionState };
}

function relativeAt(ytext: Y.Text, offset: number): string {
  return toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ytext, offset)));
}

/** The remote carets drawn: [name, offset]. */
function carets(view: EditorView): [string, number][] {
  const found: [string, number][] = [];
  for (const source of view.state.facet(EditorView.decorations)) {
    if (typeof source === "function") continue;
    for (const iter = source.iter(); iter.value; iter.next()) {
      const widget = (iter.value.spec as { widget?: { name: string } }).widget;
      if (widget) found.push([widget.name, iter.from]);
    }
  }
  return found;
}

function stateAs(userId: string, role: "interviewer" | "candidate", ended = false): ServerMessage {
  const message = sessionState() as ServerMessageOf<"session-state">;
  return {
    type: "session-state",
    payload: { ...message.payload, you: { ...message.payload.you, userId, role }, participantSecret: `secret-of-${userId}`, ended },
  };
}

describe("RoomController: the interviewer's controls", () => {
  it("hands every session-state, the end and the messages it does not handle to the controls", () => {
    const r = room();
    r.join(BO);
    const timer: ServerMessage = {
      type: "timer-updated",
      payload: {
        userId: "x",
        mode: "stopwatch",
        durationMs: 0,
        running: true,
        startedAt: 1,
        elapsedMs: 0,
        serverTime: 2,
      },
    };
    r.receive(timer, { type: "session-ended", payload: { userId: BO.userId, endedAt: 1 } });
    expect(r.controls.states).toHaveLength(1);
    expect(r.controls.messages).toEqual([timer]);
    expect(r.controls.ended).toBe(1);
  });

  it("does not run when the controls say Run is not for us now", () => {
    const r = room();
    r.join(BO);
    r.controls.runAllowed = false;
    r.controller.run();
    expect(r.runs.runs).toBe(0);
    expect(r.toasts.texts.at(-1)).toContain("Run is not available");
  });

  it("tells the controls when the server let this page go for good", () => {
    const r = room();
    r.controller.onStatus("ended", "An interviewer removed you from this interview");
    expect(r.controls.closedFor).toEqual(["An interviewer removed you from this interview"]);
    expect(r.controls.disconnects).toBe(1);
  });
});

describe("RoomController: who we are", () => {
  it("takes the userId the server gave us, keeps the secret, and sends it when it rejoins", () => {
    const r = room();
    r.receive(stateAs("user-new", "candidate"));
    expect(r.me.userId).toBe("user-new");
    expect(r.remembered).toEqual([{ userId: "user-new", secret: "secret-of-user-new" }]);
    r.controller.onOpen();
    expect(r.connection.sent[0]).toMatchObject({
      type: "join-session",
      payload: { userId: "user-new", participantSecret: "secret-of-user-new" },
    });
  });

  it("shows the End button to interviewers only", () => {
    const r = room();
    r.receive(stateAs(ME, "candidate"));
    expect(r.ending.interviewer).toBe(false);
    r.receive(stateAs(ME, "interviewer"));
    expect(r.ending.interviewer).toBe(true);
    expect(r.controller.role).toBe("interviewer");
  });

  it("End sends end-session; session-ended shows who ended it once and stops runs", () => {
    const r = room();
    r.join(BO);
    r.controller.endInterview();
    expect(r.connection.sent.at(-1)).toEqual({ type: "end-session", payload: {} });
    r.receive({ type: "session-ended", payload: { userId: BO.userId, endedAt: 1 } });
    r.receive({ type: "session-ended", payload: { userId: BO.userId, endedAt: 1 } });
    expect(r.ending.endedBy).toEqual(["Bo"]);
    r.controller.run();
    expect(r.runs.runs).toBe(0);
    expect(r.toasts.texts.at(-1)).toContain("ended");
  });
});

describe("RoomController: joining", () => {
  it("on open sends join-session with our id, name and the sync's CRDT fields", () => {
    const r = room();
    r.controller.onOpen();
    expect(r.connection.sent).toEqual([
      {
        type: "join-session",
        payload: { userId: ME, username: "Ann", participantSecret: null, crdt: "yjs", stateVector: "AA==" },
      },
    ]);
  });

  it("prepares no runner before the server names the session's language, then that one", () => {
    const r = room();
    expect(r.runs.prepared).toEqual([]);
    r.receive({ type: "language-updated", payload: { userId: "server", language: "cpp" } });
    expect(r.runs.prepared).toEqual(["cpp"]);
  });

  it("session-state starts the lists afresh, takes our colour and the chat limit", () => {
    const r = room();
    r.receive({ type: "participant-joined", payload: BO });
    r.receive(sessionState({ maxChatChars: 120 }));
    expect(r.participants.all).toEqual([]);
    expect(r.chat.clears).toBe(1);
    expect(r.chat.limit).toBe(120);
    expect(r.me.color).toBe("#aa0000");
    r.receive({ type: "participant-joined", payload: { userId: ME, username: "Ann", color: "#aa0000", role: "candidate" } });
    expect(r.participants.element.querySelector(".me .you")?.textContent).toBe("(you)");
  });

  it("the join's code-update goes to the sync and tells the connection the join worked", () => {
    const r = room();
    r.join();
    expect(r.sync.updates).toHaveLength(1);
    expect(r.sync.updates[0].sync).toBe(true);
    expect(r.connection.joinedCalls).toBe(1);
  });

  it("a code-update that is not the handshake goes to the sync only", () => {
    const r = room();
    r.receive({ type: "code-update", payload: { userId: BO.userId, update: "AA==" } });
    expect(r.sync.updates).toEqual([{ userId: BO.userId, update: "AA==" }]);
    expect(r.connection.joinedCalls).toBe(0);
  });
});

describe("RoomController: limits from session-state", () => {
  it("uses the server's defaults until session-state says otherwise", () => {
    const r = room();
    expect(r.controller.limits.runTimeoutMs).toBe(10_000);
    expect(r.context().timeoutMs()).toBe(10_000);
    expect(r.context().maxSharedOutputChars()).toBe(200_000);
  });

  it("takes runTimeoutMs and maxOutputChars from session-state for Run", () => {
    const r = room();
    r.receive(sessionState({ runTimeoutMs: 2000, maxOutputChars: 50 }));
    expect(r.context().timeoutMs()).toBe(2000);
    expect(r.context().maxSharedOutputChars()).toBe(50);
  });

  it("a session-state without runTimeoutMs (an older server) keeps the default", () => {
    const r = room();
    r.receive(sessionState());
    expect(r.context().timeoutMs()).toBe(10_000);
  });
});

describe("RoomController: participants", () => {
  it("lists everyone a join replays, without a toast for any of them", () => {
    const r = room();
    r.join(BO);
    expect(r.participants.all.map((person) => person.username)).toEqual(["Ann", "Bo"]);
    expect(r.toasts.shown).toEqual([]);
  });

  it("after the join, a newcomer gets a toast; our own other tab and a known person do not", () => {
    const r = room();
    r.join(BO);
    r.receive({ type: "participant-joined", payload: { userId: "user-cy", username: "Cy", color: "#000000", role: "candidate" } });
    r.receive({ type: "participant-joined", payload: { userId: ME, username: "Ann", color: "#aa0000", role: "candidate" } });
    r.receive({ type: "participant-joined", payload: BO });
    expect(r.toasts.texts).toEqual(["Cy joined"]);
  });

  it("someone leaving is removed, with a toast and without their caret", () => {
    const r = room();
    r.join(BO);
    r.receive({ type: "cursor-update", payload: { userId: BO.userId, cursor: { line: 1, column: 2 } } });
    expect(remoteCursorCount(r.view.state)).toBe(1);
    r.receive({ type: "participant-left", payload: { userId: BO.userId } });
    expect(r.participants.get(BO.userId)).toBeUndefined();
    expect(r.toasts.texts).toEqual(["Bo left"]);
    expect(remoteCursorCount(r.view.state)).toBe(0);
  });

  it("no toast when someone unknown, or we ourselves, leave", () => {
    const r = room();
    r.join();
    r.receive({ type: "participant-left", payload: { userId: "user-nobody" } });
    r.receive({ type: "participant-left", payload: { userId: ME } });
    expect(r.toasts.shown).toEqual([]);
  });
});

describe("RoomController: remote cursors", () => {
  it("draws a participant's caret from line and column, with their name", () => {
    const r = room("hello\nworld");
    r.join(BO);
    r.receive({ type: "cursor-update", payload: { userId: BO.userId, cursor: { line: 2, column: 3 } } });
    expect(carets(r.view)).toEqual([["Bo", 8]]);
  });

  it("prefers the relative position, which survives edits the sender had not seen", () => {
    const r = room("hello\nworld");
    r.join(BO);
    const beforeWorld = relativeAt(r.ytext, 6);
    r.ytext.insert(0, ">> ");
    r.view.dispatch({ changes: { from: 0, insert: ">> " } }); // y-codemirror.next's job in the app
    const relative = { anchor: beforeWorld, head: beforeWorld };
    r.receive({ type: "cursor-update", payload: { userId: BO.userId, cursor: { line: 2, column: 1 }, relative } });
    expect(carets(r.view)).toEqual([["Bo", 9]]);
  });

  it("ignores cursors of people not in the list, and our own (another tab)", () => {
    const r = room();
    r.join();
    r.receive({ type: "cursor-update", payload: { userId: "user-ghost", cursor: { line: 1, column: 1 } } });
    r.receive({ type: "cursor-update", payload: { userId: ME, cursor: { line: 1, column: 1 } } });
    expect(remoteCursorCount(r.view.state)).toBe(0);
  });

  it("a cursor with an unusable relative position and a line past the end is still drawn, clamped", () => {
    const r = room("ab");
    r.join(BO);
    r.receive({
      type: "cursor-update",
      payload: { userId: BO.userId, cursor: { line: 9, column: 9 }, relative: { anchor: "%%", head: "%%" } },
    });
    expect(carets(r.view)).toEqual([["Bo", 2]]);
  });

  it("sends our caret only once the join's handshake is done", () => {
    const r = room();
    const cursor = { cursor: { line: 1, column: 2 } };
    r.controller.sendCursor(cursor);
    expect(r.connection.sent).toEqual([]);
    r.join();
    r.controller.sendCursor(cursor);
    expect(r.connection.sent).toEqual([{ type: "cursor-move", payload: { userId: ME, ...cursor } }]);
  });
});

describe("RoomController: language", () => {
  it("language-updated moves the picker, the editor's mode and the warm runner", () => {
    const r = room();
    r.receive({ type: "language-updated", payload: { userId: BO.userId, language: "javascript" } });
    expect(r.select.value).toBe("javascript");
    expect(r.languages.current).toBe("javascript");
    expect(r.editorLanguages).toEqual(["javascript"]);
    expect(r.runs.prepared).toEqual(["javascript"]);
    expect(r.context().language()).toBe("javascript");
  });

  it("says who switched the language, but not to the one who did, nor when nothing changed", () => {
    const r = room();
    r.join(BO);
    r.receive({ type: "language-updated", payload: { userId: BO.userId, language: "javascript" } });
    r.receive({ type: "language-updated", payload: { userId: BO.userId, language: "javascript" } });
    r.receive({ type: "language-updated", payload: { userId: ME, language: "sql" } });
    expect(r.toasts.texts).toEqual(["Bo switched to JavaScript"]);
  });

  it("picking a language asks the server and leaves the picker until it confirms", () => {
    const r = room();
    r.select.value = "sql";
    r.select.dispatchEvent(new Event("change"));
    expect(r.connection.sent).toEqual([{ type: "language-change", payload: { userId: ME, language: "sql" } }]);
    expect(r.select.value).toBe("python");
    expect(r.editorLanguages).toEqual([]);
  });

  it("the one who picked a language fills an empty editor with its starter", () => {
    const r = room("");
    r.receive({ type: "language-updated", payload: { userId: ME, language: "lua" } });
    expect(r.ytext.toString()).toBe(starterFor("lua"));
  });

  it("someone else's pick, or code already written, leaves the text alone", () => {
    const empty = room("");
    empty.receive({ type: "language-updated", payload: { userId: BO.userId, language: "lua" } });
    expect(empty.ytext.toString()).toBe("");
    const written = room("print(1)");
    written.receive({ type: "language-updated", payload: { userId: ME, language: "lua" } });
    expect(written.ytext.toString()).toBe("print(1)");
  });
});

describe("RoomController: runs, chat and errors", () => {
  it("a run someone else started, and its result, go to the runs", () => {
    const r = room();
    const started = { userId: BO.userId, username: "Bo", language: "python", code: "print(1)", runId: "run-1" };
    const result = { userId: BO.userId, username: "Bo", output: "1\n", error: null, runId: "run-1" };
    r.receive({ type: "execute-code", payload: started }, { type: "execution-result", payload: result });
    expect(r.runs.started).toEqual([started]);
    expect(r.runs.results).toEqual([result]);
  });

  it("run() starts our run", () => {
    const r = room();
    r.controller.run();
    expect(r.runs.runs).toBe(1);
  });

  it("Run's context reads the code, stdin, names and colours as they are when it runs", () => {
    const r = room("print(input())");
    r.join(BO);
    r.stdin.value = "Ada\n";
    const context = r.context();
    expect(context.code()).toBe("print(input())");
    expect(context.stdin()).toBe("Ada\n");
    expect(context.me()).toEqual({ userId: ME, username: "Ann", color: "#aa0000" });
    expect(context.colorOf(BO.userId)).toBe("#12ab34");
    expect(context.colorOf("user-ghost")).toBe("#888888");
    expect(context.languageName("sql")).toBe("SQL (SQLite)");
    expect(context.languageName("cobol")).toBe("cobol");
    expect(context.send({ type: "chat-message", payload: { text: "via run" } })).toBe(true);
    expect(r.connection.sent.at(-1)).toEqual({ type: "chat-message", payload: { text: "via run" } });
  });

  it("chat messages go to the chat; sendChat reports whether it went out", () => {
    const r = room();
    const entry = { userId: BO.userId, username: "Bo", text: "hi", ts: 1 };
    r.receive({ type: "chat-message", payload: entry });
    expect(r.chat.entries).toEqual([entry]);
    expect(r.controller.sendChat("hello")).toBe(true);
    expect(r.connection.sent).toEqual([{ type: "chat-message", payload: { text: "hello" } }]);
    r.connection.open = false;
    expect(r.controller.sendChat("lost")).toBe(false);
  });

  it("a server error is shown for 6 s and logged", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const r = room();
    r.receive({ type: "error", payload: { message: "Too many messages" } });
    expect(r.toasts.shown).toEqual([{ text: "Too many messages", ms: 6000 }]);
    expect(warn).toHaveBeenCalledWith("server:", "Too many messages");
  });
});

describe("RoomController: connection status", () => {
  it("shows the status on the badge, the detail as its tooltip", () => {
    const r = room();
    r.controller.onStatus("connected", "Connected");
    expect(r.badge.dataset.status).toBe("connected");
    expect(r.badge.textContent).toBe("Connected");
    expect(r.badge.title).toBe("Connected");
    expect(r.sync.disconnects).toBe(0);
  });

  it("any status but 'connected' stops the sync until the next handshake", () => {
    const r = room();
    for (const status of ["connecting", "reconnecting", "full", "offline"] as const) r.controller.onStatus(status, "");
    expect(r.sync.disconnects).toBe(4);
    expect(r.toasts.shown).toEqual([]);
  });

  it("a full session says why and when it retries", () => {
    const r = room();
    const detail = "Too many tabs: id-x already has 5 connections in this session. Reconnecting in 8 s…";
    r.controller.onStatus("full", detail, 8000);
    expect(r.badge.dataset.status).toBe("full");
    expect(r.badge.textContent).toBe("Session full — retrying in 8 s");
    expect(r.badge.title).toBe(detail);
  });

  it("an ended session also says why in a long toast", () => {
    const r = room();
    r.controller.onStatus("ended", "This session no longer exists.");
    expect(r.badge.textContent).toBe("Disconnected");
    expect(r.toasts.shown).toEqual([{ text: "This session no longer exists.", ms: 10_000 }]);
  });
});

describe("RoomController: leaving", () => {
  it("flushes the edits, says goodbye, closes the connection and frees the runners, in that order", () => {
    const r = room();
    const order: string[] = [];
    r.sync.flush = () => void order.push("flush");
    const send = r.connection.send.bind(r.connection);
    r.connection.send = (message) => (order.push(message.type), send(message));
    r.connection.stop = () => void order.push("stop");
    r.runs.dispose = () => void order.push("dispose");
    r.controller.leave();
    expect(order).toEqual(["flush", "leave-session", "stop", "dispose"]);
    expect(r.connection.sent).toEqual([{ type: "leave-session", payload: { userId: ME } }]);
  });
});
