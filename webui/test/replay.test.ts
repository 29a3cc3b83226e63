import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import { DocumentTimeline, lastBefore, type RecordedUpdate } from "../src/replay/documentTimeline";
import { buildModel, clock, languageAt, updatesUpTo, type HistoryEvent } from "../src/replay/history";
import { IDLE_LEAD_MS, Playback, firstAfter, type Clock } from "../src/replay/playback";
import { minimalChange } from "../src/replay/replayEditor";
import { toBase64 } from "../src/util/base64";

/** Two people typing into their own Yjs documents, each update recorded as the server does. */
function interview(): { updates: RecordedUpdate[]; texts: string[] } {
  const ada = new Y.Doc();
  const bob = new Y.Doc();
  const updates: RecordedUpdate[] = [];
  const texts: string[] = [""];
  const edit = (who: Y.Doc, userId: string, change: (text: Y.Text) => void) => {
    const before = Y.encodeStateVector(who);
    change(who.getText("code"));
    const update = Y.encodeStateAsUpdate(who, before);
    Y.applyUpdate(who === ada ? bob : ada, update);
    updates.push({ t: 1000 + updates.length * 100, userId, update: toBase64(update) });
    texts.push(who.getText("code").toString());
  };
  for (const char of "def f():\n") edit(ada, "ada", (text) => text.insert(text.length, char));
  edit(bob, "bob", (text) => text.insert(0, "# bob\n"));
  edit(ada, "ada", (text) => text.insert(text.length, "    return 1\n"));
  edit(bob, "bob", (text) => text.delete(0, 2));
  edit(ada, "ada", (text) => text.delete(text.length - 2, 1));
  return { updates, texts };
}

describe("DocumentTimeline", () => {
  it("shows the text after any number of updates, in any order of seeks", async () => {
    const { updates, texts } = interview();
    const timeline = new DocumentTimeline(updates, 3);
    await timeline.prepare();

    const order = [...texts.keys()].sort((a, b) => ((a * 7919) % 13) - ((b * 7919) % 13));
    for (const count of [...order, 0, texts.length - 1, 4, 5, 6, 1]) {
      timeline.seek(count);
      expect(timeline.text()).toBe(texts[count]);
    }
  });

  it("puts each author's caret where their last edit was, moved by the others' edits", async () => {
    const { updates, texts } = interview();
    const timeline = new DocumentTimeline(updates, 4);
    await timeline.prepare();
    const caretOf = (userId: string) => timeline.carets().find((caret) => caret.userId === userId)?.offset;

    timeline.seek(9); // Ada typed "def f():\n"
    expect(caretOf("ada")).toBe("def f():\n".length);
    expect(caretOf("bob")).toBeUndefined();
    timeline.seek(10); // Bob inserted a line above: Ada's caret moves down with her text
    expect(caretOf("bob")).toBe("# bob\n".length);
    expect(caretOf("ada")).toBe(texts[10].length);
    timeline.seek(12); // Bob deleted "# ": his caret is where the text was
    expect(caretOf("bob")).toBe(0);
    timeline.seek(13); // Ada deleted the "1"
    expect(caretOf("ada")).toBe(texts[13].length - 1);
  });

  it("finds the last index below a limit", () => {
    expect(lastBefore([1, 4, 9], 0)).toBe(-1);
    expect(lastBefore([1, 4, 9], 5)).toBe(4);
    expect(lastBefore([1, 4, 9], 10)).toBe(9);
  });
});

describe("buildModel", () => {
  const events: HistoryEvent[] = [
    { t: 1000, type: "session-created", title: "Loop", language: "python" },
    { t: 1100, type: "join", userId: "u1", username: "Ada", color: "#e6194b" },
    { t: 1200, type: "code", userId: "u1", update: "AAA=" },
    { t: 1300, type: "language", userId: "u1", language: "javascript" },
    { t: 1400, type: "chat", userId: "u2", username: "Bob", text: "hi" },
    { t: 1500, type: "paste", userId: "u1", username: "Ada", chars: 812 },
    { t: 1600, type: "restore", userId: "server", by: "host", at: 1200 },
    { t: 61_000, type: "session-ended" },
  ];

  it("makes a track per participant, markers with words, and the bounds", () => {
    const model = buildModel(events);

    expect(model.title).toBe("Loop");
    expect([model.start, model.end, model.ended]).toEqual([1000, 61_000, true]);
    expect(model.tracks.map((track) => [track.id, track.name])).toEqual([
      ["u1", "Ada"],
      ["u2", "u2"],
      ["server", "PairPad"],
    ]);
    expect(model.markers.map((marker) => marker.label)).toEqual([
      "Ada joined",
      "Ada switched to javascript",
      "Bob: hi",
      "Ada pasted 812 characters",
      "The host restored the code to 0:00",
      "The interview ended",
    ]);
    expect(model.updates).toEqual([{ t: 1200, userId: "u1", update: "AAA=" }]);
  });

  it("counts the updates and finds the language at an instant", () => {
    const model = buildModel(events);

    expect([updatesUpTo(model, 1199), updatesUpTo(model, 1200)]).toEqual([0, 1]);
    expect(languageAt(model, 1299, "sql")).toBe("python");
    expect(languageAt(model, 1300, "sql")).toBe("javascript");
    expect(clock(61_000, 1000)).toBe("1:00");
    expect(clock(1000 + 3_723_000, 1000)).toBe("1:02:03");
  });
});

class FakeClock implements Clock {
  time = 0;
  private pending: ((now: number) => void) | null = null;
  now = () => this.time;
  frame = (callback: (now: number) => void) => ((this.pending = callback), 1);
  cancel = () => (this.pending = null);
  advance(ms: number): void {
    this.time += ms;
    const callback = this.pending;
    this.pending = null;
    callback?.(this.time);
  }
}

describe("Playback", () => {
  const activity = Float64Array.from([0, 1000, 2000, 60_000, 61_000]);

  it("plays at its speed and stops at the end", () => {
    const clockwork = new FakeClock();
    const shown: number[] = [];
    const playback = new Playback(0, 61_000, activity, (instant) => shown.push(instant), clockwork);
    playback.seek(0);
    playback.skipIdle = false;
    playback.speed = 8;
    playback.play();
    clockwork.advance(100);
    expect(playback.instant).toBe(800);
    clockwork.advance(10_000);
    expect(playback.instant).toBe(61_000);
    expect(playback.playing).toBe(false);
  });

  it("skips an idle stretch to just before the next event", () => {
    const clockwork = new FakeClock();
    const playback = new Playback(0, 61_000, activity, () => undefined, clockwork);
    playback.seek(2000);
    playback.play();
    clockwork.advance(16);
    expect(playback.instant).toBe(60_000 - IDLE_LEAD_MS);
    clockwork.advance(100);
    expect(playback.instant).toBe(60_000 - IDLE_LEAD_MS + 100); // busy again: real time
  });

  it("finds the next event", () => {
    expect(firstAfter(activity, 1000)).toBe(2000);
    expect(firstAfter(activity, 61_000)).toBeNull();
  });
});

describe("minimalChange", () => {
  it.each([
    ["abc", "abXc", { from: 2, to: 2, insert: "X" }],
    ["abXc", "abc", { from: 2, to: 3, insert: "" }],
    ["aaa", "aa", { from: 2, to: 3, insert: "" }],
    ["", "x", { from: 0, to: 0, insert: "x" }],
    ["hello", "jello", { from: 0, to: 1, insert: "j" }],
  ])("%j → %j", (old, code, change) => {
    expect(minimalChange(old, code)).toEqual(change);
    expect(old.slice(0, change.from) + change.insert + old.slice(change.to)).toBe(code);
  });
});
