/**
 * The interviewer's controls as the page lives them: the server's messages about restrictions,
 * the waiting room, the timer and integrity notices, and this person's actions on them. The
 * room's own controller hands it every session-state and the messages it does not handle;
 * every part is handed in, so it is unit-tested with fakes.
 */

import type {
  ClientMessage,
  IntegrityNotice,
  IntegritySignal,
  Role,
  ServerMessage,
  SessionState,
  SetControls,
  TimerControl,
} from "../net/protocol";
import type { HostPanel } from "./hostPanel";
import type { IntegrityLog } from "./integrityLog";
import { integrityText } from "./integrityText";
import type { IntegrityWatch } from "./integrityWatch";
import type { NotesPane } from "./notesPane";
import type { ParticipantsView } from "./participantsView";
import type { Restrictions } from "./restrictions";
import type { TimerView } from "./timerView";
import type { Toasts } from "./toasts";
import type { WaitingListView } from "./waitingListView";

export interface ControlsParts {
  send(message: ClientMessage): boolean;
  restrictions: Pick<Restrictions, "update">;
  hostPanel: Pick<HostPanel, "setInterviewer" | "showControls" | "showTimer">;
  waitingList: Pick<WaitingListView, "show">;
  integrityLog: Pick<IntegrityLog, "add">;
  integrity: Pick<IntegrityWatch, "setThresholds">;
  participants: Pick<ParticipantsView, "setCanRemove">;
  notes: Pick<NotesPane, "receive" | "disconnected">;
  timer: Pick<TimerView, "show">;
  toasts: Pick<Toasts, "show">;
  /** The banner at the door: "please wait", or why this page was let go. */
  door: { show(text: string): void; hide(): void };
  nameOf(userId: string): string | undefined;
  isMe(userId: string): boolean;
}

export class ControlsController {
  private role: Role = "candidate";
  private joined = false;
  private runDisabled = false;
  private atTheDoor = false; // waiting, or let go for good: not in the room

  constructor(private readonly parts: ControlsParts) {}

  onSessionState(state: SessionState): void {
    const { parts } = this;
    this.role = state.you.role;
    this.joined = true;
    this.atTheDoor = false;
    parts.door.hide();
    parts.hostPanel.setInterviewer(this.role === "interviewer");
    parts.participants.setCanRemove(this.role === "interviewer");
    parts.hostPanel.showControls(state.controls);
    parts.hostPanel.showTimer(state.timer);
    parts.waitingList.show([]);
    parts.integrity.setThresholds(state.limits);
    parts.timer.show(state.timer, state.serverTime);
    parts.restrictions.update({ role: this.role, controls: state.controls, waiting: false });
    this.runDisabled = state.controls.runDisabled;
  }

  /** Run (and Ctrl+Enter) for this person now: not at the door, nor when disabled for
   *  candidates. Offline is fine: code runs in this browser, and the result is shared later. */
  mayRun(): boolean {
    return !this.atTheDoor && (this.role === "interviewer" || !this.runDisabled);
  }

  /** True when the message was one of ours. */
  onMessage(message: ServerMessage): boolean {
    const { parts } = this;
    switch (message.type) {
      case "controls-updated": {
        const { userId: _by, ...controls } = message.payload;
        parts.hostPanel.showControls(controls);
        parts.restrictions.update({ controls });
        this.runDisabled = controls.runDisabled;
        return true;
      }
      case "waiting":
        this.joined = false;
        this.atTheDoor = true;
        parts.door.show(message.payload.message);
        parts.restrictions.update({ waiting: true });
        return true;
      case "waiting-list":
        parts.waitingList.show(message.payload.waiting);
        return true;
      case "timer-updated":
        parts.timer.show(message.payload, message.payload.serverTime);
        parts.hostPanel.showTimer(message.payload);
        return true;
      case "integrity-notice":
        this.showNotice(message.payload);
        return true;
      case "notes-update":
        parts.notes.receive(message.payload);
        return true;
      default:
        return false;
    }
  }

  onEnded(): void {
    this.parts.restrictions.update({ ended: true });
  }

  /** The server let this page go for good (removed, not let in, or the session is gone). */
  onClosedForGood(reason: string): void {
    this.joined = false;
    this.atTheDoor = true;
    this.parts.door.show(reason);
    this.parts.restrictions.update({ waiting: true });
  }

  onDisconnected(): void {
    this.joined = false;
    this.parts.notes.disconnected();
  }

  // ---------------------------------------------------------------- this person's actions

  setControls(change: SetControls): void {
    this.parts.send({ type: "set-controls", payload: change });
  }

  controlTimer(control: TimerControl): void {
    this.parts.send({ type: "timer-control", payload: control });
  }

  decide(waitingId: string, admit: boolean): void {
    this.parts.send({ type: admit ? "admit-participant" : "deny-participant", payload: { waitingId } });
  }

  remove(userId: string): void {
    this.parts.send({ type: "remove-participant", payload: { userId } });
  }

  /** Only once in the room: a page at the door or offline has nobody to tell. */
  report(signal: IntegritySignal): void {
    if (this.joined) this.parts.send({ type: "integrity-signal", payload: signal });
  }

  private showNotice(notice: IntegrityNotice): void {
    const { parts } = this;
    const me = parts.isMe(notice.userId);
    const text = integrityText(notice, me ? "You" : (parts.nameOf(notice.userId) ?? notice.username));
    if (this.role === "interviewer") {
      parts.integrityLog.add(text, new Date(notice.ts));
      parts.toasts.show(text, 6000);
    } else if (me) {
      parts.toasts.show(`Shared with the room: ${text}`, 6000);
    }
  }
}
