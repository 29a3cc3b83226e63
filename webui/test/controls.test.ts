/**
 * The interviewer's controls in the page: the timer's arithmetic, integrity reports against the
 * thresholds, what restrictions do to the editor and Run, and the controls' controller with
 * fakes (what each message shows, what each action sends, who sees integrity notices).
 */

import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import type { ClientMessage, SessionState, TimerState } from "../src/net/protocol";
import { ControlsController } from "../src/room/controlsController";
import { IntegrityWatch } from "../src/room/integrityWatch";
import { NotesPane } from "../src/room/notesPane";
import { NO_CONTROLS, Restrictions, restrictionNotice } from "../src/room/restrictions";
import { formatDuration, timerShownMs, TimerView } from "../src/room/timerView";
import { toBase64 } from "../src/util/base64";

const COUNTDOWN: TimerState = {
  userId: "g",
  mode: "countdown",
  durationMs: 60_000,
  running: true,
  startedAt: 1_000,
  elapsedMs: 5_000,
  serverTime: 1_000,
};

describe("the timer", () => {
  it("counts down from the server's start time and elapsed, never below zero", () => {
    expect(timerShownMs(COUNTDOWN, 11_000)).toBe(45_000);
    expect(timerShownMs(COUNTDOWN, 10_000_000)).toBe(0);
    expect(timerShownMs({ ...COUNTDOWN, running: false, startedAt: null }, 99_000)).toBe(55_000);
    expect(timerShownMs({ ...COUNTDOWN, mode: "stopwatch", durationMs: 0 }, 11_000)).toBe(15_000);
  });

  it("corrects for this browser's clock: two clocks 10 s apart show the same time", () => {
    let now = 500;
    const behind = new TimerView(() => now);
    const ahead = new TimerView(() => now + 10_000);
    behind.show(COUNTDOWN, 1_000);
    ahead.show(COUNTDOWN, 1_000);
    now += 2_000;
    expect(behind.shownMs()).toBe(53_000);
    expect(ahead.shownMs()).toBe(53_000);
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatDuration(65_000)).toBe("1:05");
  });
});

describe("integrity reports", () => {
  it("reports pastes and absences over the thresholds only", () => {
    let clock = 0;
    const sent: unknown[] = [];
    const watch = new IntegrityWatch((signal) => sent.push(signal), { pasteNoticeChars: 200, focusNoticeMs: 5000 }, () => clock);
    watch.pasted("x".repeat(199));
    watch.pasted("x".repeat(812));
    watch.left();
    clock = 4_000;
    watch.returned();
    watch.left();
    clock = 50_000;
    watch.left(); // still away: the absence started at 4 s
    watch.returned();
    expect(sent).toEqual([
      { kind: "paste", chars: 812 },
      { kind: "focus", awayMs: 46_000 },
    ]);
    expect(watch.disclosure.textContent).toContain("200 characters");
  });
});

describe("restrictions", () => {
  function targets() {
    const state = { readOnly: false };
    const run = document.createElement("button");
    const languageSelect = document.createElement("select");
    return { state, run, languageSelect, setReadOnly: (readOnly: boolean) => (state.readOnly = readOnly) };
  }

  it("lock a candidate's editor and Run, never an interviewer's, and say so to both", () => {
    const candidate = targets();
    const restrictions = new Restrictions();
    restrictions.attach(candidate);
    restrictions.update({ role: "candidate", controls: { ...NO_CONTROLS, editingLocked: true, runDisabled: true } });
    expect([candidate.state.readOnly, candidate.run.disabled, candidate.languageSelect.disabled]).toEqual([true, true, true]);
    expect(restrictions.notice.hidden).toBe(false);
    restrictions.update({ role: "interviewer" });
    expect([candidate.state.readOnly, candidate.run.disabled]).toEqual([false, false]);
    expect(restrictions.notice.textContent).toContain("you are not restricted");
    restrictions.update({ ended: true });
    expect(candidate.state.readOnly).toBe(true);
    expect(restrictionNotice("candidate", NO_CONTROLS)).toBe("");
  });
});

describe("ControlsController", () => {
  function controller(role: "candidate" | "interviewer") {
    const sent: ClientMessage[] = [];
    const toasts: string[] = [];
    const log: string[] = [];
    const door = { text: "", shown: false, show(text: string) { this.text = text; this.shown = true; }, hide() { this.shown = false; } };
    const restrictions = new Restrictions();
    const seat = new ControlsController({
      send: (message) => (sent.push(message), true),
      restrictions,
      hostPanel: { setInterviewer: () => {}, showControls: () => {}, showTimer: () => {} },
      waitingList: { show: () => {} },
      integrityLog: { add: (text) => log.push(text) },
      integrity: { setThresholds: () => {} },
      participants: { setCanRemove: () => {} },
      notes: { receive: () => {}, disconnected: () => {} },
      timer: { show: () => {} },
      toasts: { show: (text) => toasts.push(text) },
      door,
      nameOf: (userId) => (userId === "ada" ? "Ada" : undefined),
      isMe: (userId) => userId === "me",
    });
    const state = {
      you: { userId: "me", username: "Me", color: "#000000", role },
      controls: NO_CONTROLS,
      timer: { ...COUNTDOWN, running: false, startedAt: null },
      serverTime: 0,
      limits: { pasteNoticeChars: 200, focusNoticeMs: 5000 },
    } as unknown as SessionState;
    return { seat, sent, toasts, log, door, restrictions, state };
  }

  it("waits at the door with nothing to report, then joins", () => {
    const c = controller("candidate");
    c.seat.onMessage({ type: "waiting", payload: { waitingId: "w-1", message: "Please wait" } });
    expect(c.door.shown).toBe(true);
    c.seat.report({ kind: "paste", chars: 300 });
    expect(c.sent).toEqual([]);
    c.seat.onSessionState(c.state);
    expect(c.door.shown).toBe(false);
    c.seat.report({ kind: "paste", chars: 300 });
    expect(c.sent).toEqual([{ type: "integrity-signal", payload: { kind: "paste", chars: 300 } }]);
  });

  it("shows integrity notices to interviewers, and to a candidate only their own", () => {
    const notice = { userId: "ada", username: "Ada", kind: "paste" as const, chars: 812, ts: 0 };
    const interviewer = controller("interviewer");
    interviewer.seat.onSessionState(interviewer.state);
    interviewer.seat.onMessage({ type: "integrity-notice", payload: notice });
    interviewer.seat.onMessage({ type: "integrity-notice", payload: { ...notice, kind: "focus", chars: undefined, awayMs: 42_000 } });
    expect(interviewer.log).toEqual(["Ada pasted 812 characters", "Ada left the page for 42 s"]);

    const candidate = controller("candidate");
    candidate.seat.onSessionState(candidate.state);
    candidate.seat.onMessage({ type: "integrity-notice", payload: notice });
    candidate.seat.onMessage({ type: "integrity-notice", payload: { ...notice, userId: "me" } });
    expect(candidate.toasts).toEqual(["Shared with the room: You pasted 812 characters"]);
  });

  it("lets a candidate run until Run is disabled; an interviewer always", () => {
    const candidate = controller("candidate");
    candidate.seat.onMessage({ type: "waiting", payload: { waitingId: "w-1", message: "Please wait" } });
    expect(candidate.seat.mayRun()).toBe(false); // at the door
    candidate.seat.onSessionState(candidate.state);
    expect(candidate.seat.mayRun()).toBe(true);
    const disabled = { userId: "g", editingLocked: false, runDisabled: true, waitingRoom: false };
    candidate.seat.onMessage({ type: "controls-updated", payload: disabled });
    expect(candidate.seat.mayRun()).toBe(false);
    const interviewer = controller("interviewer");
    interviewer.seat.onSessionState(interviewer.state);
    interviewer.seat.onMessage({ type: "controls-updated", payload: disabled });
    expect(interviewer.seat.mayRun()).toBe(true);
  });

  it("sends the interviewer's actions", () => {
    const c = controller("interviewer");
    c.seat.setControls({ editingLocked: true });
    c.seat.decide("w-1", true);
    c.seat.decide("w-2", false);
    c.seat.remove("ada");
    c.seat.controlTimer({ action: "pause" });
    expect(c.sent.map((m) => m.type)).toEqual([
      "set-controls",
      "admit-participant",
      "deny-participant",
      "remove-participant",
      "timer-control",
    ]);
  });
});

describe("the private notes pane", () => {
  it("sends typing as updates and shows another interviewer's edits, the caret staying put", async () => {
    const outbox: string[] = [];
    const mine = new NotesPane((update) => (outbox.push(update), true));
    const theirs = new NotesPane(() => true);
    const handshake = { userId: "server", update: toBase64(Y.encodeStateAsUpdate(new Y.Doc())), sync: true };
    mine.receive({ ...handshake, stateVector: toBase64(Y.encodeStateVector(new Y.Doc())) });
    const area = mine.element.querySelector("textarea") as HTMLTextAreaElement;
    area.value = "strong on loops";
    area.dispatchEvent(new Event("input"));
    mine["sync"].flush();
    expect(outbox).toHaveLength(1);
    theirs.receive({ userId: "g", update: outbox[0] as string });
    expect(theirs.doc.getText("code").toString()).toBe("strong on loops");

    area.setSelectionRange(7, 7); // before "on"
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(mine.doc));
    const before = Y.encodeStateVector(remote);
    remote.getText("code").insert(0, "Very ");
    mine.receive({ userId: "g", update: toBase64(Y.encodeStateAsUpdate(remote, before)) });
    expect(area.value).toBe("Very strong on loops");
    expect(area.selectionStart).toBe(12);
  });
});
