import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import { CrdtSync, REMOTE_ORIGIN, type CodeUpdatePayload } from "../src/sync/crdtSync";
import { fromBase64, toBase64 } from "../src/util/base64";
import { ManualTimers } from "./helpers/fakes";

/**
 * The server side of the protocol's CRDT path, played by a Y.Doc: on join it answers with
 * `code-update {update, stateVector, sync: true}` (what the client lacks, diffed against the
 * joiner's state vector); every `code-change {update}` is applied and relayed to the others
 * as `code-update {update}` (never back to the sender).
 */
class FakeServer {
  readonly doc = new Y.Doc();
  readonly received: Uint8Array[] = [];
  private readonly online = new Set<Replica>();

  get text(): string {
    return this.doc.getText("code").toString();
  }

  join(replica: Replica): void {
    const fields = replica.sync.joinFields();
    expect(fields.crdt).toBe("yjs");
    this.online.add(replica);
    replica.online = true;
    replica.sync.handleCodeUpdate({
      userId: "server",
      code: this.text,
      update: toBase64(Y.encodeStateAsUpdate(this.doc, fromBase64(fields.stateVector))),
      stateVector: toBase64(Y.encodeStateVector(this.doc)),
      sync: true,
    });
  }

  drop(replica: Replica): void {
    this.online.delete(replica);
    replica.online = false;
    replica.sync.disconnected();
  }

  receive(from: Replica, update: string): void {
    const bytes = fromBase64(update);
    this.received.push(bytes);
    Y.applyUpdate(this.doc, bytes, "client");
    for (const other of this.online) {
      if (other !== from) other.sync.handleCodeUpdate({ userId: from.name, update });
    }
  }
}

class Replica {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText("code");
  readonly timers = new ManualTimers();
  readonly sent: string[] = [];
  readonly sync: CrdtSync;
  online = false;

  constructor(
    readonly name: string,
    server: FakeServer | null,
    batchMs?: number,
  ) {
    this.sync = new CrdtSync(this.doc, {
      send: (update) => {
        if (!this.online) return false;
        this.sent.push(update);
        server?.receive(this, update);
        return true;
      },
      batchMs,
      setTimer: this.timers.set,
    });
  }

  /** Lets the batch timers fire (the "25 ms later"). */
  tick(): void {
    while (this.timers.size > 0) this.timers.runAll();
  }
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText("code").toString();
}

describe("CrdtSync: join handshake", () => {
  it("joinFields() announces a Yjs client with the document's current state vector", () => {
    const a = new Replica("a", null);
    a.text.insert(0, "hello");
    const fields = a.sync.joinFields();
    expect(fields.crdt).toBe("yjs");
    expect(fromBase64(fields.stateVector)).toEqual(Y.encodeStateVector(a.doc));
  });

  it("is not synced until the join's code-update with sync:true arrives", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    expect(a.sync.isSynced).toBe(false);
    a.sync.handleCodeUpdate({ userId: "server", code: "" }); // a spec-style update is not the handshake
    expect(a.sync.isSynced).toBe(false);
    server.join(a);
    expect(a.sync.isSynced).toBe(true);
  });

  it("a new client receives the whole document and, having nothing new, sends nothing back", () => {
    const server = new FakeServer();
    server.doc.getText("code").insert(0, "print('hi')\n");
    const a = new Replica("a", server);
    server.join(a);
    expect(a.text.toString()).toBe("print('hi')\n");
    a.tick();
    expect(a.sent).toEqual([]); // the empty handshake diff is not sent
    expect(server.received).toEqual([]);
  });

  it("local edits made before the first sync are not sent, then arrive as the handshake diff", () => {
    const server = new FakeServer();
    server.doc.getText("code").insert(0, "server text\n");
    const a = new Replica("a", server);
    a.online = true; // the socket is open, but the handshake has not happened yet
    a.text.insert(0, "typed early\n");
    a.text.insert(a.text.length, "more");
    expect(a.timers.size).toBe(0); // nothing even scheduled
    a.tick();
    expect(a.sent).toEqual([]);

    server.join(a);
    expect(a.sent).toHaveLength(1); // one diff for everything the server lacked
    expect(server.text).toBe(a.text.toString());
    expect(server.text).toContain("typed early\n");
    expect(server.text).toContain("server text\n");
    expect(server.text).toContain("more");
  });

  it("the handshake diff excludes what the server already has", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.text.insert(0, "x".repeat(5000));
    a.tick();
    server.drop(a);
    a.text.insert(0, "y"); // one character typed offline
    server.join(a);
    const diff = fromBase64(a.sent[a.sent.length - 1]);
    expect(diff.length).toBeLessThan(100); // not the 5000 characters again
    expect(server.text).toBe("y" + "x".repeat(5000));
  });

  it("remote content in the sync update is applied with REMOTE_ORIGIN", () => {
    const server = new FakeServer();
    server.doc.getText("code").insert(0, "abc");
    const a = new Replica("a", server);
    const origins: unknown[] = [];
    a.doc.on("update", (_update: Uint8Array, origin: unknown) => origins.push(origin));
    server.join(a);
    expect(origins).toEqual([REMOTE_ORIGIN]);
  });
});

describe("CrdtSync: live editing", () => {
  it("batches keystrokes into one merged code-change per batch window", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.text.insert(0, "h");
    a.text.insert(1, "e");
    a.text.insert(2, "y");
    expect(a.sent).toEqual([]); // not before the timer fires
    expect(a.timers.delays).toEqual([25]); // one timer for the whole burst, the default 25 ms
    a.tick();
    expect(a.sent).toHaveLength(1);
    expect(textOf([fromBase64(a.sent[0])])).toBe("hey"); // the merged update holds all three
    expect(server.text).toBe("hey");
  });

  it("uses the configured batchMs", () => {
    const server = new FakeServer();
    const a = new Replica("a", server, 40);
    server.join(a);
    a.text.insert(0, "x");
    expect(a.timers.delays).toEqual([40]);
  });

  it("after a batch is sent, the next burst of edits gets its own batch", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.text.insert(0, "one");
    a.tick();
    a.text.insert(3, " two");
    a.text.delete(0, 1);
    a.tick();
    expect(a.sent).toHaveLength(2);
    expect(server.text).toBe("ne two");
  });

  it("flush() sends what is pending immediately, and the timer then sends nothing more", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.text.insert(0, "bye");
    a.sync.flush();
    expect(a.sent).toHaveLength(1);
    expect(server.text).toBe("bye");
    a.tick();
    expect(a.sent).toHaveLength(1);
  });

  it("flush() with nothing pending, or before sync, sends nothing", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    a.online = true;
    a.text.insert(0, "early");
    a.sync.flush();
    expect(a.sent).toEqual([]);
    server.join(a);
    const afterJoin = a.sent.length;
    a.sync.flush();
    expect(a.sent.length).toBe(afterJoin);
  });

  it("remote updates are applied but never echoed back to the server", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    const b = new Replica("b", server);
    server.join(a);
    server.join(b);
    a.text.insert(0, "from a");
    a.tick();
    expect(b.text.toString()).toBe("from a");
    expect(b.timers.size).toBe(0); // not even a batch was started
    b.tick();
    expect(b.sent).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it("a code-update whose origin is REMOTE_ORIGIN does not disturb the local batch", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    const b = new Replica("b", server);
    server.join(a);
    server.join(b);
    b.text.insert(0, "B");
    a.text.insert(0, "A");
    a.tick(); // relayed to b while b's own edit is still batched
    b.tick();
    expect(b.sent).toHaveLength(1);
    expect(textOf([fromBase64(b.sent[0])])).toBe("B"); // only b's own edit went out
    expect(a.text.toString()).toBe(b.text.toString());
    expect(server.text).toBe(a.text.toString());
  });

  it("three replicas typing at once converge", () => {
    const server = new FakeServer();
    const replicas = ["a", "b", "c"].map((name) => new Replica(name, server));
    for (const replica of replicas) server.join(replica);
    for (let round = 0; round < 5; round++) {
      replicas.forEach((replica, index) => {
        replica.text.insert(Math.min(round, replica.text.length), `${replica.name}${round}`);
        if ((round + index) % 2 === 0) replica.tick();
      });
    }
    for (const replica of replicas) replica.tick();
    const expected = server.text;
    expect(expected.length).toBe(30);
    for (const replica of replicas) expect(replica.text.toString()).toBe(expected);
  });

  it("destroy() stops sending local edits", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.sync.destroy();
    a.text.insert(0, "after destroy");
    a.tick();
    expect(a.sent).toEqual([]);
  });
});

describe("CrdtSync: disconnects and offline edits", () => {
  it("disconnected() stops sending until the next handshake, which then carries the edits", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.text.insert(0, "online ");
    a.tick();
    server.drop(a);
    expect(a.sync.isSynced).toBe(false);
    a.text.insert(a.text.length, "offline");
    a.tick();
    expect(a.sent).toHaveLength(1); // only the online edit
    server.join(a);
    expect(a.sent).toHaveLength(2);
    expect(server.text).toBe("online offline");
  });

  it("a batch pending at the moment of the disconnect is dropped, not lost: the handshake sends it", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.text.insert(0, "in flight");
    server.drop(a); // before the batch timer fires
    a.tick();
    expect(a.sent).toEqual([]);
    expect(server.text).toBe("");
    server.join(a);
    expect(server.text).toBe("in flight");
  });

  it("a send that fails (socket closing) is recovered by the next handshake", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.online = false; // the socket is closing, the close event has not arrived yet
    a.text.insert(0, "lost?");
    a.tick();
    expect(server.text).toBe("");
    server.drop(a);
    server.join(a);
    expect(server.text).toBe("lost?");
  });

  it("offline edits on two replicas converge after both rejoin", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    const b = new Replica("b", server);
    server.join(a);
    server.join(b);
    a.text.insert(0, "def f():\n    return 1\n");
    a.tick();
    expect(b.text.toString()).toBe("def f():\n    return 1\n");

    server.drop(a);
    server.drop(b);
    a.text.insert(0, "# a was here\n");
    a.text.delete(a.text.toString().indexOf("1"), 1);
    a.text.insert(a.text.toString().indexOf("return ") + 7, "2");
    b.text.insert(b.text.length, "print(f())\n");
    b.text.insert(0, "import sys\n");

    server.join(a);
    expect(server.text).toBe(a.text.toString());
    server.join(b); // gets a's offline edits, sends its own, which are relayed to a
    a.tick();
    b.tick();
    expect(a.text.toString()).toBe(b.text.toString());
    expect(server.text).toBe(a.text.toString());
    const merged = server.text;
    expect(merged).toContain("# a was here\n");
    expect(merged).toContain("import sys\n");
    expect(merged).toContain("    return 2\n");
    expect(merged).toContain("print(f())\n");
    expect(merged).not.toContain("return 1");
  });

  it("a delete-only offline edit still reaches the server (deletions do not move the state vector)", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.text.insert(0, "keep remove");
    a.tick();
    server.drop(a);
    const before = Y.encodeStateVector(a.doc);
    a.text.delete(4, 7);
    expect(Y.encodeStateVector(a.doc)).toEqual(before);
    server.join(a);
    expect(server.text).toBe("keep");
  });

  it("a rejoin with no offline changes sends no diff (document without deletions)", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    a.text.insert(0, "abc");
    a.tick();
    const sent = a.sent.length;
    server.drop(a);
    server.join(a);
    expect(a.sent.length).toBe(sent);
  });

  it("a replica that only missed others' edits catches up on rejoin", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    const b = new Replica("b", server);
    server.join(a);
    server.join(b);
    server.drop(b);
    a.text.insert(0, "while b was away");
    a.tick();
    expect(b.text.toString()).toBe("");
    server.join(b);
    expect(b.text.toString()).toBe("while b was away");
  });
});

describe("CrdtSync: content fidelity", () => {
  it("emoji (surrogate pairs) and multi-line text survive the round trip to another replica", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    const b = new Replica("b", server);
    server.join(a);
    server.join(b);
    const code = "def greet():\n    print('héllo 👋🏽 wörld')\n\treturn \"🎉\"\n";
    a.text.insert(0, code);
    a.tick();
    // Insert after the first emoji, using UTF-16 offsets as Yjs and CodeMirror do.
    const at = code.indexOf("👋🏽") + "👋🏽".length;
    b.text.insert(at, "🚀");
    b.tick();
    const expected = code.slice(0, at) + "🚀" + code.slice(at);
    expect(a.text.toString()).toBe(expected);
    expect(server.text).toBe(expected);
    const late = new Replica("late", server);
    server.join(late);
    expect(late.text.toString()).toBe(expected);
  });

  it("handles a large paste (bigger than one base64 chunk)", () => {
    const server = new FakeServer();
    const a = new Replica("a", server);
    server.join(a);
    const big = Array.from({ length: 3000 }, (_, i) => `line ${i} ✓`).join("\n");
    a.text.insert(0, big);
    a.tick();
    expect(fromBase64(a.sent[0]).length).toBeGreaterThan(0x8000);
    expect(server.text).toBe(big);
  });

  it("ignores a code-update without an update field (full-text payloads are for spec clients)", () => {
    const a = new Replica("a", null);
    a.text.insert(0, "mine");
    const payload: CodeUpdatePayload = { userId: "bob", code: "theirs" };
    a.sync.handleCodeUpdate(payload);
    expect(a.text.toString()).toBe("mine");
  });
});
