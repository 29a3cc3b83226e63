import { describe, expect, it } from "vitest";

import {
  backoffDelay,
  describeClose,
  RECONNECT_SCHEDULE,
  retryDetail,
  RoomConnection,
  SLOT_SCHEDULE,
  type ConnectionStatus,
} from "../src/net/connection";
import type { ServerMessage } from "../src/net/protocol";
import { FakeSocket, ManualTimers, OPEN } from "./helpers/fakes";

const URL = "ws://pairpad.test:8000/ws/abc";
const JOIN = { type: "join-session", payload: { userId: "user-1", username: "Ann" } } as const;

/** A RoomConnection wired to fakes; onOpen sends the join, like the room page does. */
function harness(options: { random?: () => number } = {}) {
  const sockets: FakeSocket[] = [];
  const statuses: { status: ConnectionStatus; detail: string; retryInMs?: number }[] = [];
  const messages: ServerMessage[] = [];
  const timers = new ManualTimers();
  let opens = 0;
  const connection: RoomConnection = new RoomConnection({
    url: URL,
    onOpen: () => {
      opens++;
      connection.send(JOIN);
    },
    onMessage: (message) => messages.push(message),
    onStatus: (status, detail, retryInMs) =>
      statuses.push(retryInMs === undefined ? { status, detail } : { status, detail, retryInMs }),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimer: timers.set,
    clearTimer: timers.clear,
    random: options.random ?? (() => 0.5), // jitter factor exactly 1.0
  });
  return {
    connection,
    sockets,
    statuses,
    messages,
    timers,
    opens: () => opens,
    last: () => sockets[sockets.length - 1],
    lastStatus: () => statuses[statuses.length - 1],
  };
}

describe("RoomConnection: opening and messages", () => {
  it("start() opens one socket on the configured url and reports 'connecting'", () => {
    const h = harness();
    h.connection.start();
    expect(h.sockets).toHaveLength(1);
    expect(h.last().url).toBe(URL);
    expect(h.statuses).toEqual([{ status: "connecting", detail: "Connecting…" }]);
    expect(h.connection.connected).toBe(false);
  });

  it("send() refuses (returns false, sends nothing) while the socket is not open", () => {
    const h = harness();
    expect(h.connection.send(JOIN)).toBe(false); // no socket at all
    h.connection.start();
    expect(h.connection.send(JOIN)).toBe(false); // still CONNECTING
    expect(h.last().sent).toEqual([]);
  });

  it("on open reports 'connected', calls onOpen once, and the caller's join goes out as JSON", () => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    expect(h.opens()).toBe(1);
    expect(h.connection.connected).toBe(true);
    expect(h.lastStatus()).toEqual({ status: "connected", detail: "Connected" });
    expect(h.last().sentMessages()).toEqual([JOIN]);
  });

  it("send() serialises the message as one JSON text frame and returns true when open", () => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    const chat = { type: "chat-message", payload: { text: "hi \"there\" 🎉" } } as const;
    expect(h.connection.send(chat)).toBe(true);
    expect(h.last().sent[1]).toBe(JSON.stringify(chat));
  });

  it("parses server frames and delivers each valid envelope to onMessage in order", () => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    const first = { type: "participant-joined", payload: { userId: "u2", username: "Bo", color: "#112233" } };
    const second = { type: "code-update", payload: { userId: "server", update: "AAA=", sync: true } };
    h.last().serverSends(JSON.stringify(first));
    h.last().serverSends(JSON.stringify(second));
    expect(h.messages).toEqual([first, second]);
  });

  it("ignores frames that are not JSON envelopes, and binary frames, without closing", () => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    h.last().serverSends("not json {");
    h.last().serverSends("[1,2,3]");
    h.last().serverSends(JSON.stringify({ payload: {} }));
    h.last().serverSends(new ArrayBuffer(4));
    h.last().serverSends(JSON.stringify({ type: "error", payload: { message: "x" } }));
    expect(h.messages).toEqual([{ type: "error", payload: { message: "x" } }]);
    expect(h.last().closeCalls).toEqual([]);
    expect(h.connection.connected).toBe(true);
  });

  it("an error event alone neither reconnects nor changes the status (the close decides)", () => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    const before = h.statuses.length;
    h.last().error();
    expect(h.statuses.length).toBe(before);
    expect(h.sockets).toHaveLength(1);
    expect(h.timers.size).toBe(0);
  });
});

describe("RoomConnection: closes that end the session", () => {
  it("4404 (session not found) reports 'ended' with an explanation and never retries", () => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    h.last().closes(4404, "Session not found");
    expect(h.lastStatus()).toEqual({
      status: "ended",
      detail: "This session no longer exists (the host may have restarted PairPad).",
    });
    expect(h.timers.size).toBe(0);
    expect(h.connection.connected).toBe(false);
    // Nothing brings it back: not a nudge, not coming back online.
    h.connection.nudge();
    h.connection.goOffline();
    h.connection.goOnline();
    expect(h.sockets).toHaveLength(1);
    expect(h.lastStatus().status).toBe("ended");
  });
});

describe("RoomConnection: a full session (4409) is waited out", () => {
  const TOO_MANY_TABS = "Too many tabs: id-x already has 5 connections in this session";

  /** The server accepts the socket, reads the join, says why in an error, then closes 4409. */
  function refuse(h: ReturnType<typeof harness>, reason = TOO_MANY_TABS): void {
    h.last().serverOpens();
    h.last().serverSends(JSON.stringify({ type: "error", payload: { message: reason } }));
    h.last().closes(4409, reason);
  }

  it("reports 'full' with the server's reason and when it retries, and schedules a retry after 2 s", () => {
    const h = harness();
    h.connection.start();
    refuse(h);
    expect(h.lastStatus()).toEqual({
      status: "full",
      detail: `${TOO_MANY_TABS}. Reconnecting in 2 s…`,
      retryInMs: 2000,
    });
    expect(h.timers.delays).toEqual([2000]);
    expect(h.messages).toEqual([{ type: "error", payload: { message: TOO_MANY_TABS } }]);
    expect(h.sockets).toHaveLength(1); // not before the timer fires
  });

  it("without a reason says 'This session is full.'", () => {
    const h = harness();
    h.connection.start();
    h.last().closes(4409);
    expect(h.lastStatus()).toEqual({
      status: "full",
      detail: "This session is full. Reconnecting in 2 s…",
      retryInMs: 2000,
    });
  });

  it("the retry opens a new socket and joins again", () => {
    const h = harness();
    h.connection.start();
    refuse(h);
    h.timers.runAll();
    expect(h.sockets).toHaveLength(2);
    expect(h.lastStatus()).toEqual({ status: "reconnecting", detail: "Reconnecting…" });
    h.last().serverOpens();
    expect(h.last().sentMessages()).toEqual([JOIN]);
    expect(h.lastStatus().status).toBe("connected");
  });

  it("waits 2 s, 4 s, 8 s, 16 s, then 30 s between refusals, and says so", () => {
    const h = harness();
    h.connection.start();
    const delays: number[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 7; i++) {
      refuse(h);
      delays.push(...h.timers.delays);
      texts.push(h.lastStatus().detail);
      h.timers.runAll();
    }
    expect(delays).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(texts[2]).toBe(`${TOO_MANY_TABS}. Reconnecting in 8 s…`);
    expect(h.sockets).toHaveLength(8);
  });

  it("a successful join resets the wait: the next refusal waits 2 s again", () => {
    const h = harness();
    h.connection.start();
    for (let i = 0; i < 3; i++) {
      refuse(h);
      h.timers.runAll();
    }
    h.last().serverOpens();
    h.connection.joined(); // the stale sockets timed out: we are in
    h.last().closes(4409, TOO_MANY_TABS); // refused again later (another tab opened, say)
    expect(h.timers.delays).toEqual([2000]);
  });

  it("an accepted socket that is then refused does not reset the wait (only a join does)", () => {
    const h = harness();
    h.connection.start();
    refuse(h);
    h.timers.runAll();
    refuse(h); // it opened, but was refused before the room's state came
    expect(h.timers.delays).toEqual([4000]);
  });

  it("refusals and lost connections back off separately", () => {
    const h = harness();
    h.connection.start();
    h.last().closes(1006);
    h.timers.runAll();
    h.last().closes(1006);
    h.timers.runAll();
    refuse(h);
    expect(h.timers.delays).toEqual([2000]); // the first refusal, though the third failure
    h.timers.runAll();
    h.last().closes(1006);
    expect(h.timers.delays).toEqual([2000]); // the third lost connection: 0.5 s, 1 s, 2 s
    h.timers.runAll();
    refuse(h);
    expect(h.timers.delays).toEqual([4000]);
  });

  it("coming back online starts the wait afresh", () => {
    const h = harness();
    h.connection.start();
    refuse(h);
    h.timers.runAll();
    refuse(h);
    h.connection.goOffline();
    expect(h.timers.size).toBe(0);
    h.connection.goOnline();
    refuse(h);
    expect(h.timers.delays).toEqual([2000]);
  });

  it("a nudge (the tab shown again) tries at once instead of waiting out the delay", () => {
    const h = harness();
    h.connection.start();
    refuse(h);
    h.connection.nudge();
    expect(h.timers.size).toBe(0);
    expect(h.sockets).toHaveLength(2);
  });

  it("stop() cancels the waiting retry", () => {
    const h = harness();
    h.connection.start();
    refuse(h);
    h.connection.stop();
    expect(h.timers.size).toBe(0);
    h.timers.runAll();
    expect(h.sockets).toHaveLength(1);
  });

  it("uses the injected random source for jitter, ±25 % like other retries", () => {
    const low = harness({ random: () => 0 });
    low.connection.start();
    low.last().closes(4409);
    expect(low.timers.delays).toEqual([1500]);
    expect(low.lastStatus().retryInMs).toBe(1500);
  });
});

describe("RoomConnection: reconnecting with backoff", () => {
  it.each([
    [1006, "", "Connection lost."],
    [1001, "The host closed PairPad", "The host closed PairPad."],
    [1001, "", "The host closed PairPad."],
    [4408, "too slow", "Catching up…"],
    [1011, "", "Connection lost."],
    [1000, "", "Connection lost."],
  ])("close %i (%j) reports 'reconnecting' and schedules a retry after backoffDelay(0)", (code, reason, text) => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    h.last().closes(code, reason);
    expect(h.lastStatus()).toEqual({
      status: "reconnecting",
      detail: `${text} Reconnecting in 1 s…`,
      retryInMs: 500,
    });
    expect(h.timers.delays).toEqual([backoffDelay(0, () => 0.5)]);
    expect(h.timers.delays).toEqual([500]);
    expect(h.sockets).toHaveLength(1); // not before the timer fires

    h.timers.runAll();
    expect(h.sockets).toHaveLength(2);
    expect(h.last().url).toBe(URL);
    expect(h.lastStatus()).toEqual({ status: "reconnecting", detail: "Reconnecting…" });
    h.last().serverOpens();
    expect(h.opens()).toBe(2);
    expect(h.last().sentMessages()).toEqual([JOIN]); // the join is sent again on the new socket
  });

  it("the retry delay grows with each failed attempt, capped at 10 s", () => {
    const h = harness();
    h.connection.start();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      h.last().closes(1006); // never opened
      delays.push(...h.timers.delays);
      h.timers.runAll();
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    expect(h.sockets).toHaveLength(9);
  });

  it("the status text rounds the delay up to whole seconds", () => {
    const h = harness();
    h.connection.start();
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) {
      h.last().closes(1006);
      texts.push(h.lastStatus().detail);
      h.timers.runAll();
    }
    expect(texts).toEqual([
      "Connection lost. Reconnecting in 1 s…",
      "Connection lost. Reconnecting in 1 s…",
      "Connection lost. Reconnecting in 2 s…",
      "Connection lost. Reconnecting in 4 s…",
    ]);
  });

  it("the attempt counter resets once the room is joined, not on a bare open", () => {
    const h = harness();
    h.connection.start();
    h.last().closes(1006);
    h.timers.runAll();
    h.last().closes(1006);
    h.timers.runAll();
    h.last().closes(1006);
    expect(h.timers.delays).toEqual([2000]);
    h.timers.runAll();
    // Accepted, then closed before the room's state arrived: keep backing off.
    h.last().serverOpens();
    h.last().closes(1006);
    expect(h.timers.delays).toEqual([4000]);
    h.timers.runAll();
    h.last().serverOpens();
    h.connection.joined();
    h.last().closes(1006);
    expect(h.timers.delays).toEqual([500]);
  });

  it("uses the injected random source for jitter", () => {
    const low = harness({ random: () => 0 });
    low.connection.start();
    low.last().closes(1006);
    expect(low.timers.delays).toEqual([375]);

    const high = harness({ random: () => 0.999 });
    high.connection.start();
    high.last().closes(1006);
    expect(high.timers.delays).toEqual([Math.round(500 * (0.75 + 0.999 * 0.5))]);
  });

  it("a close event from a socket that was already replaced is ignored", () => {
    const h = harness();
    h.connection.start();
    const first = h.last();
    first.serverOpens();
    h.connection.goOffline(); // asks first to close; its close event is still on the way
    h.connection.goOnline(); // opens a second socket right away
    const second = h.last();
    expect(second).not.toBe(first);
    const before = h.statuses.length;
    first.closes(1006);
    expect(h.statuses.length).toBe(before);
    expect(h.timers.size).toBe(0);
    second.serverOpens();
    expect(h.connection.connected).toBe(true);
  });
});

describe("RoomConnection: offline and online", () => {
  it("goOffline() closes the socket (code 4000), reports 'offline' and schedules no retry", () => {
    const h = harness();
    h.connection.start();
    const socket = h.last();
    socket.serverOpens();
    h.connection.goOffline();
    expect(socket.closeCalls).toEqual([{ code: 4000, reason: "offline" }]);
    expect(h.lastStatus()).toEqual({
      status: "offline",
      detail: "You are offline. Your edits are kept and will merge.",
    });
    socket.closes(1006); // the browser reports the dead socket
    expect(h.lastStatus().status).toBe("offline");
    expect(h.timers.size).toBe(0);
    expect(h.sockets).toHaveLength(1);
  });

  it("goOffline() cancels a retry that was waiting", () => {
    const h = harness();
    h.connection.start();
    h.last().closes(1006);
    expect(h.timers.size).toBe(1);
    h.connection.goOffline();
    expect(h.timers.size).toBe(0);
    expect(h.lastStatus().status).toBe("offline");
  });

  it("a close with the client's own 'offline' code (4000) is reported as offline, not retried", () => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    h.last().closes(4000, "offline");
    expect(h.lastStatus().status).toBe("offline");
    expect(h.timers.size).toBe(0);
  });

  it("goOnline() reconnects immediately, with the backoff reset", () => {
    const h = harness();
    h.connection.start();
    for (let i = 0; i < 3; i++) {
      h.last().closes(1006);
      h.timers.runAll();
    }
    h.connection.goOffline();
    h.last().closes(1006);
    h.connection.goOnline();
    expect(h.sockets).toHaveLength(5);
    expect(h.lastStatus()).toEqual({ status: "reconnecting", detail: "Reconnecting…" });
    h.last().closes(1006); // the first try after coming back fails
    expect(h.timers.delays).toEqual([500]);
  });

  it("goOnline() does nothing unless goOffline() came first", () => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    h.connection.goOnline();
    expect(h.sockets).toHaveLength(1);
    expect(h.connection.connected).toBe(true);
  });
});

describe("RoomConnection: stop() and nudge()", () => {
  it("stop() closes with 1000 and no close event, retry or status change follows", () => {
    const h = harness();
    h.connection.start();
    const socket = h.last();
    socket.serverOpens();
    const before = h.statuses.length;
    h.connection.stop();
    expect(socket.closeCalls).toEqual([{ code: 1000, reason: "page closed" }]);
    socket.closes(1006);
    expect(h.statuses.length).toBe(before);
    expect(h.timers.size).toBe(0);
    expect(h.connection.connected).toBe(false);
    expect(h.connection.send(JOIN)).toBe(false);
  });

  it("stop() cancels a waiting retry and nothing reconnects afterwards", () => {
    const h = harness();
    h.connection.start();
    h.last().closes(1006);
    expect(h.timers.size).toBe(1);
    h.connection.stop();
    expect(h.timers.size).toBe(0);
    h.connection.nudge();
    h.connection.goOffline();
    h.connection.goOnline();
    expect(h.sockets).toHaveLength(1);
  });

  it("nudge() while waiting for a retry reconnects now and cancels the timer", () => {
    const h = harness();
    h.connection.start();
    h.last().closes(1006);
    h.connection.nudge();
    expect(h.timers.size).toBe(0);
    expect(h.sockets).toHaveLength(2);
    expect(h.lastStatus()).toEqual({ status: "reconnecting", detail: "Reconnecting…" });
  });

  it("nudge() does nothing while a socket is connecting or connected", () => {
    const h = harness();
    h.connection.start();
    h.connection.nudge(); // connecting
    expect(h.sockets).toHaveLength(1);
    h.last().serverOpens();
    h.connection.nudge(); // connected
    expect(h.sockets).toHaveLength(1);
    expect(h.last().readyState).toBe(OPEN);
  });

  it("nudge() does nothing while offline", () => {
    const h = harness();
    h.connection.start();
    h.last().serverOpens();
    h.connection.goOffline();
    h.last().closes(1006);
    h.connection.nudge();
    expect(h.sockets).toHaveLength(1);
    expect(h.lastStatus().status).toBe("offline");
  });
});

describe("backoffDelay", () => {
  it("is 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s without jitter (random = 0.5)", () => {
    const half = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((attempt) => backoffDelay(attempt, half))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it("jitter stays within ±25 % of the base delay", () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const base = Math.min(10_000, 500 * 2 ** attempt);
      expect(backoffDelay(attempt, () => 0)).toBe(Math.round(base * 0.75));
      expect(backoffDelay(attempt, () => 0.9999999)).toBeLessThanOrEqual(base * 1.25);
      expect(backoffDelay(attempt, () => 0.9999999)).toBeGreaterThan(base * 1.24);
    }
    expect(backoffDelay(0, () => 0)).toBe(375); // the shortest delay ever
    expect(backoffDelay(99, () => 0.9999999)).toBeLessThanOrEqual(12_500); // the longest
  });

  it("with the default Math.random stays between 0.375 s and 12.5 s", () => {
    for (let i = 0; i < 200; i++) {
      const attempt = i % 10;
      const base = Math.min(10_000, 500 * 2 ** attempt);
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(Math.round(base * 0.75));
      expect(delay).toBeLessThanOrEqual(Math.round(base * 1.25));
    }
  });

  it("never decreases as attempts grow, for any fixed random value", () => {
    for (const r of [0, 0.1, 0.5, 0.9, 0.9999]) {
      let previous = 0;
      for (let attempt = 0; attempt < 40; attempt++) {
        const delay = backoffDelay(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(previous);
        previous = delay;
      }
    }
  });

  it("treats a negative attempt as the first and stays finite for huge attempts", () => {
    expect(backoffDelay(-3, () => 0.5)).toBe(500);
    expect(backoffDelay(5000, () => 0.5)).toBe(10_000);
    expect(Number.isFinite(backoffDelay(Number.MAX_SAFE_INTEGER, () => 0.5))).toBe(true);
  });
});

describe("backoffDelay with a schedule", () => {
  it("the default schedule is RECONNECT_SCHEDULE", () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(backoffDelay(attempt, () => 0.5)).toBe(backoffDelay(attempt, () => 0.5, RECONNECT_SCHEDULE));
    }
  });

  it("SLOT_SCHEDULE is 2 s, 4 s, 8 s, 16 s, then 30 s without jitter", () => {
    const half = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 50].map((attempt) => backoffDelay(attempt, half, SLOT_SCHEDULE))).toEqual([
      2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("SLOT_SCHEDULE's jitter stays within ±25 % of its base", () => {
    expect(backoffDelay(0, () => 0, SLOT_SCHEDULE)).toBe(1500);
    expect(backoffDelay(99, () => 0.9999999, SLOT_SCHEDULE)).toBeLessThanOrEqual(37_500);
    expect(backoffDelay(99, () => 0, SLOT_SCHEDULE)).toBe(22_500);
  });
});

describe("describeClose", () => {
  it("4404: stop, the session is gone", () => {
    expect(describeClose(4404, "Session not found")).toEqual({
      action: "stop",
      detail: "This session no longer exists (the host may have restarted PairPad).",
    });
  });

  it("4410: stop, with the server's reason: removed, or not let in", () => {
    const removed = "An interviewer removed you from this interview";
    expect(describeClose(4410, removed)).toEqual({ action: "stop", detail: removed });
    expect(describeClose(4410, "")).toEqual({ action: "stop", detail: removed });
  });

  it("4409: wait for a slot, with the server's reason or 'This session is full.'", () => {
    const tooManyTabs = "Too many tabs: id-x already has 5 connections in this session";
    expect(describeClose(4409, tooManyTabs)).toEqual({ action: "wait-for-slot", detail: tooManyTabs });
    expect(describeClose(4409, "")).toEqual({ action: "wait-for-slot", detail: "This session is full." });
  });

  it("1001: retry, the server's reason or 'The host closed PairPad.'", () => {
    expect(describeClose(1001, "")).toEqual({ action: "retry", detail: "The host closed PairPad." });
    expect(describeClose(1001, "Server restarting")).toEqual({ action: "retry", detail: "Server restarting" });
  });

  it("4408: retry, 'Catching up…' whatever the reason says", () => {
    expect(describeClose(4408, "send queue full")).toEqual({ action: "retry", detail: "Catching up…" });
  });

  it("anything else (1006, 1008, 1009, 1011): retry, the reason or 'Connection lost.'", () => {
    expect(describeClose(1006, "")).toEqual({ action: "retry", detail: "Connection lost." });
    expect(describeClose(1011, "")).toEqual({ action: "retry", detail: "Connection lost." });
    expect(describeClose(1008, "join timeout")).toEqual({ action: "retry", detail: "join timeout" });
    expect(describeClose(1009, "message too big")).toEqual({ action: "retry", detail: "message too big" });
  });
});

describe("retryDetail", () => {
  it("adds when the next try is, in whole seconds rounded up", () => {
    expect(retryDetail("Connection lost.", 500)).toBe("Connection lost. Reconnecting in 1 s…");
    expect(retryDetail("Connection lost.", 8000)).toBe("Connection lost. Reconnecting in 8 s…");
    expect(retryDetail("Connection lost.", 8001)).toBe("Connection lost. Reconnecting in 9 s…");
  });

  it("ends a reason without punctuation with a full stop, and leaves one that has it alone", () => {
    expect(retryDetail("Too many tabs: id-x already has 5 connections in this session", 2000)).toBe(
      "Too many tabs: id-x already has 5 connections in this session. Reconnecting in 2 s…",
    );
    expect(retryDetail("Catching up…", 500)).toBe("Catching up… Reconnecting in 1 s…");
    expect(retryDetail("Really?", 500)).toBe("Really? Reconnecting in 1 s…");
    expect(retryDetail("Go!", 500)).toBe("Go! Reconnecting in 1 s…");
  });
});
