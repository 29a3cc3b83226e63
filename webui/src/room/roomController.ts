/**
 * The room's wiring: what each server message does to the views, the editor and the shared
 * document; what this person's actions send; what the connection's status shows. Every part
 * it drives is handed in, so the wiring is unit-tested with fakes.
 */

import type * as Y from "yjs";

import type { SharedEditor } from "../editor/editor";
import { starterReplacing } from "../editor/starters";
import { removeRemoteCursor, remoteCursorOffsets, setRemoteCursor } from "../editor/remoteCursors";
import type { ConnectionStatus } from "../net/connection";
import type {
  ClientMessage,
  CursorPayload,
  Participant,
  ServerMessage,
  ServerMessageOf,
  SessionState,
} from "../net/protocol";
import type { CrdtSync } from "../sync/crdtSync";
import type { ChatView } from "./chatView";
import { showConnectionStatus } from "./connectionStatus";
import type { LanguagePicker } from "./languagePicker";
import type { ParticipantsView } from "./participantsView";
import type { RunContext, RunController } from "./runController";
import { DEFAULT_LIMITS, type RoomLimits } from "./serverDefaults";
import type { Toasts } from "./toasts";

const UNKNOWN_COLOR = "#888888";

export interface Me {
  userId: string;
  username: string;
  color: string;
}

/** Only what the controller uses of each part, so tests can hand in small fakes. */
export interface RoomParts {
  me: Me;
  ytext: Y.Text;
  connection: { send(message: ClientMessage): boolean; joined(): void; stop(): void };
  sync: Pick<CrdtSync, "isSynced" | "joinFields" | "handleCodeUpdate" | "disconnected" | "flush">;
  editor: Pick<SharedEditor, "view" | "setLanguage">;
  participants: Pick<ParticipantsView, "get" | "add" | "remove" | "reset" | "setMe">;
  chat: Pick<ChatView, "add" | "clear" | "setLimit">;
  toasts: Pick<Toasts, "show">;
  languages: Pick<LanguagePicker, "current" | "show" | "nameOf">;
  connectionStatus: HTMLElement;
  stdin: () => string;
  /** Builds Run and Stop around the context the controller keeps current. */
  createRuns: (context: RunContext) => RoomRuns;
}

export type RoomRuns = Pick<RunController, "prepare" | "remoteStarted" | "remoteResult" | "run" | "dispose">;

export class RoomController {
  private readonly me: Me;
  private readonly runs: RoomRuns;
  private roomLimits: Readonly<RoomLimits> = DEFAULT_LIMITS;
  // Toasts only for changes after we joined, not for the list every join replays.
  private joinedOnce = false;

  constructor(private readonly parts: RoomParts) {
    this.me = parts.me;
    this.runs = parts.createRuns(this.runContext());
    this.runs.prepare(parts.languages.current);
  }

  get limits(): Readonly<RoomLimits> {
    return this.roomLimits;
  }

  // ---------------------------------------------------------------- the connection's callbacks

  /** A socket opened: join, with the CRDT fields that let offline edits merge. */
  onOpen(): void {
    const { userId, username } = this.me;
    const payload = { userId, username, ...this.parts.sync.joinFields() };
    this.parts.connection.send({ type: "join-session", payload });
  }

  onStatus(status: ConnectionStatus, detail: string, retryInMs?: number): void {
    showConnectionStatus(this.parts.connectionStatus, status, detail, retryInMs);
    if (status !== "connected") this.parts.sync.disconnected();
    if (status === "ended") this.parts.toasts.show(detail, 10_000);
  }

  onMessage(message: ServerMessage): void {
    switch (message.type) {
      case "session-state":
        this.onSessionState(message.payload);
        break;
      case "participant-joined":
        this.onParticipantJoined(message.payload);
        break;
      case "participant-left":
        this.onParticipantLeft(message.payload.userId);
        break;
      case "language-updated":
        this.showLanguage(message.payload.language);
        if (this.isMe(message.payload.userId)) this.offerStarter(message.payload.language);
        break;
      case "code-update":
        this.onCodeUpdate(message.payload);
        break;
      case "cursor-update":
        this.showRemoteCursor(message.payload);
        break;
      case "execute-code":
        this.runs.remoteStarted(message.payload);
        break;
      case "execution-result":
        this.runs.remoteResult(message.payload);
        break;
      case "chat-message":
        this.parts.chat.add(message.payload);
        break;
      case "error":
        console.warn("server:", message.payload.message);
        this.parts.toasts.show(message.payload.message, 6000);
        break;
    }
  }

  // ---------------------------------------------------------------- this person's actions

  /** Our caret moved; sent only once the join's handshake is done (before, it means nothing). */
  sendCursor(cursor: CursorPayload): void {
    if (this.parts.sync.isSynced) {
      this.parts.connection.send({ type: "cursor-move", payload: { userId: this.me.userId, ...cursor } });
    }
  }

  requestLanguage(language: string): void {
    this.parts.connection.send({ type: "language-change", payload: { userId: this.me.userId, language } });
  }

  sendChat(text: string): boolean {
    return this.parts.connection.send({ type: "chat-message", payload: { text } });
  }

  run(): void {
    void this.runs.run();
  }

  /** The page is going away: send what is batched, say goodbye, let go of the runners. */
  leave(): void {
    this.parts.sync.flush();
    this.parts.connection.send({ type: "leave-session", payload: { userId: this.me.userId } });
    this.parts.connection.stop();
    this.runs.dispose();
  }

  // ---------------------------------------------------------------- server messages

  private onSessionState(state: SessionState): void {
    const { participants, chat } = this.parts;
    participants.reset();
    chat.clear(); // the server replays the history after this
    this.me.color = state.you.color;
    participants.setMe(state.you.userId);
    this.roomLimits = { ...DEFAULT_LIMITS, ...state.limits };
    chat.setLimit(this.roomLimits.maxChatChars);
  }

  private onParticipantJoined(person: Participant): void {
    const isNew = this.parts.participants.add(person);
    if (isNew && this.joinedOnce && !this.isMe(person.userId)) this.parts.toasts.show(`${person.username} joined`);
  }

  private onParticipantLeft(userId: string): void {
    const gone = this.parts.participants.remove(userId);
    this.parts.editor.view.dispatch({ effects: removeRemoteCursor.of(userId) });
    if (gone && !this.isMe(userId)) this.parts.toasts.show(`${gone.username} left`);
  }

  private onCodeUpdate(payload: ServerMessageOf<"code-update">["payload"]): void {
    this.parts.sync.handleCodeUpdate(payload);
    if (payload.sync) {
      // The join's handshake: the room is ours, so a later drop starts its backoff afresh.
      this.joinedOnce = true;
      this.parts.connection.joined();
    }
  }

  private showLanguage(language: string): void {
    this.parts.languages.show(language);
    this.parts.editor.setLanguage(language);
    this.runs.prepare(language);
  }

  /** Only the one who picked the language writes its starter, so it is not written twice. */
  private offerStarter(language: string): void {
    const ytext = this.parts.ytext;
    const starter = starterReplacing(ytext.toString(), language);
    if (starter === null) return;
    ytext.doc?.transact(() => {
      ytext.delete(0, ytext.length);
      ytext.insert(0, starter);
    });
  }

  private showRemoteCursor(payload: ServerMessageOf<"cursor-update">["payload"]): void {
    const person = this.parts.participants.get(payload.userId);
    if (!person || this.isMe(payload.userId)) return;
    const view = this.parts.editor.view;
    const { anchor, head } = remoteCursorOffsets(payload, view.state.doc, this.parts.ytext);
    view.dispatch({
      effects: setRemoteCursor.of({ userId: person.userId, name: person.username, color: person.color, anchor, head }),
    });
  }

  // ---------------------------------------------------------------- helpers

  private isMe(userId: string): boolean {
    return userId === this.me.userId;
  }

  /** What Run needs, read when a run starts, so it follows the session as it changes. */
  private runContext(): RunContext {
    const { parts } = this;
    return {
      language: () => parts.languages.current,
      languageName: (id) => parts.languages.nameOf(id),
      code: () => parts.ytext.toString(),
      stdin: parts.stdin,
      me: () => this.me,
      colorOf: (id) => parts.participants.get(id)?.color ?? UNKNOWN_COLOR,
      timeoutMs: () => this.roomLimits.runTimeoutMs,
      maxSharedOutputChars: () => this.roomLimits.maxOutputChars,
      send: (message) => parts.connection.send(message),
    };
  }
}
