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
  Role,
  ServerMessage,
  ServerMessageOf,
  SessionState,
} from "../net/protocol";
import type { CrdtSync } from "../sync/crdtSync";
import type { ChatView } from "./chatView";
import { showConnectionStatus } from "./connectionStatus";
import type { ControlsController } from "./controlsController";
import type { EndControls } from "./endControls";
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
  /** The participant secret this browser kept for the session, if any (docs/protocol.md). */
  secret: string | null;
  /** Keeps who the server says we are, and our secret, for reconnects, reloads and tabs. */
  rememberIdentity: (userId: string, secret: string) => void;
  ending: Pick<EndControls, "setInterviewer" | "showEnded">;
  /** Restrictions, the waiting room, the timer, integrity notices (controlsController.ts). */
  controls: Pick<ControlsController, "onSessionState" | "onMessage" | "onEnded" | "onClosedForGood" | "onDisconnected" | "mayRun">;
  participants: Pick<ParticipantsView, "get" | "add" | "remove" | "reset" | "setMe">;
  chat: Pick<ChatView, "add" | "clear" | "setLimit">;
  toasts: Pick<Toasts, "show">;
  languages: Pick<LanguagePicker, "current" | "show" | "nameOf">;
  connectionStatus: HTMLElement;
  stdin: () => string;
  /** Builds Run and Stop around the context the controller keeps current. */
  createRuns: (context: RunContext) => RoomRuns;
  /** The session's question, shown to everyone (promptPane.ts). */
  prompt?: { show(prompt: string): void };
}

export type RoomRuns = Pick<RunController, "prepare" | "remoteStarted" | "remoteResult" | "run" | "dispose">;

export class RoomController {
  private readonly me: Me;
  private readonly runs: RoomRuns;
  private roomLimits: Readonly<RoomLimits> = DEFAULT_LIMITS;
  // Toasts only for changes after we joined, not for the list every join replays.
  private joinedOnce = false;
  private secret: string | null;
  private myRole: Role = "candidate";
  private ended = false;
  // The question's starter code per language: a language switch writes it (offerStarter).
  private questionStarters: Readonly<Record<string, string>> = {};

  constructor(private readonly parts: RoomParts) {
    this.me = parts.me;
    this.secret = parts.secret;
    this.runs = parts.createRuns(this.runContext());
    // No runtime yet: the session's language comes with the join (language-updated), and
    // loading Python meanwhile would cost a C++ room 3.6 MB and a busy core for nothing.
  }

  get limits(): Readonly<RoomLimits> {
    return this.roomLimits;
  }

  get role(): Role {
    return this.myRole;
  }

  // ---------------------------------------------------------------- the connection's callbacks

  /** A socket opened: join, with the CRDT fields that let offline edits merge, and our
   * secret; null on the first join says we keep one, which seals our identity at once. */
  onOpen(): void {
    const { userId, username } = this.me;
    const payload = { userId, username, participantSecret: this.secret, ...this.parts.sync.joinFields() };
    this.parts.connection.send({ type: "join-session", payload });
  }

  onStatus(status: ConnectionStatus, detail: string, retryInMs?: number): void {
    showConnectionStatus(this.parts.connectionStatus, status, detail, retryInMs);
    if (status !== "connected") {
      this.parts.sync.disconnected();
      this.parts.controls.onDisconnected();
    }
    if (status === "ended") {
      this.parts.toasts.show(detail, 10_000);
      this.parts.controls.onClosedForGood(detail);
    }
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
        this.announceLanguage(message.payload.userId, message.payload.language);
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
      case "session-ended":
        this.onSessionEnded(message.payload.userId);
        break;
      case "error":
        console.warn("server:", message.payload.message);
        this.parts.toasts.show(message.payload.message, 6000);
        break;
      default:
        this.parts.controls.onMessage(message);
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
    if (this.ended) {
      this.parts.toasts.show("The interview has ended: the code can no longer run.", 4000);
      return;
    }
    if (!this.parts.controls.mayRun()) {
      this.parts.toasts.show("Run is not available to you right now (an interviewer's setting).", 4000);
      return;
    }
    void this.runs.run();
  }

  endInterview(): void {
    this.parts.connection.send({ type: "end-session", payload: {} });
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
    // The server may have given us another userId (ours belonged to someone else).
    this.me.userId = state.you.userId;
    this.me.color = state.you.color;
    this.secret = state.participantSecret;
    this.parts.rememberIdentity(state.you.userId, state.participantSecret);
    this.myRole = state.you.role;
    this.parts.ending.setInterviewer(state.you.role === "interviewer");
    participants.setMe(state.you.userId);
    this.roomLimits = { ...DEFAULT_LIMITS, ...state.limits };
    chat.setLimit(this.roomLimits.maxChatChars);
    this.questionStarters = state.starterCode ?? {};
    this.parts.prompt?.show(state.prompt ?? "");
    this.parts.controls.onSessionState(state);
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

  private onSessionEnded(endedBy: string): void {
    if (this.ended) return; // a rejoin replays it
    this.ended = true;
    this.parts.controls.onEnded();
    const who = this.isMe(endedBy) ? "You" : (this.parts.participants.get(endedBy)?.username ?? "The interviewer");
    this.parts.ending.showEnded(who);
  }

  private onCodeUpdate(payload: ServerMessageOf<"code-update">["payload"]): void {
    this.parts.sync.handleCodeUpdate(payload);
    if (payload.sync) {
      // The join's handshake: the room is ours, so a later drop starts its backoff afresh.
      this.joinedOnce = true;
      this.parts.connection.joined();
    }
  }

  /** "Ada switched to JavaScript": a change of language changes everyone's runner and
   *  highlighting, so the others are told who did it (the one who did it knows). */
  private announceLanguage(userId: string, language: string): void {
    if (language === this.parts.languages.current || this.isMe(userId)) return;
    const who = this.parts.participants.get(userId)?.username ?? "Someone";
    this.parts.toasts.show(`${who} switched to ${this.parts.languages.nameOf(language)}`, 4000);
  }

  private showLanguage(language: string): void {
    this.parts.languages.show(language);
    this.parts.editor.setLanguage(language);
    this.runs.prepare(language);
  }

  /** Only the one who picked the language writes its starter, so it is not written twice. */
  private offerStarter(language: string): void {
    const ytext = this.parts.ytext;
    const starter = starterReplacing(ytext.toString(), language, this.questionStarters);
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
      maxSharedStdinChars: () => this.roomLimits.maxStdinChars,
      send: (message) => parts.connection.send(message),
    };
  }
}
