/**
 * RoomConnection and CrdtSync wired together the way RoomController wires them (onOpen sends
 * join-session with the CRDT fields; any status other than "connected" marks the sync as
 * disconnected; code-update goes to handleCodeUpdate, and its handshake resets the backoff),
 * against a fake server that speaks the JSON envelopes of docs/protocol.md over a fake socket.
 */

import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import { RoomConnection, type ConnectionStatus } from "../src/net/connection";
import type { ClientMessage } from "../src/net/protocol";
import { CrdtSync } from "../src/sync/crdtSync";
import { fromBase64, toBase64 } from "../src/util/base64";
import { FakeSocket, ManualTimers } from "./helpers/fakes";

class JsonServer {
  readonly doc = new Y.Doc();
  readonly log: ClientMessage[] = [];
  private readonly joined = new Map<FakeSocket, string>();

  get text(): string {
    return this.doc.getText("code").toString();
  }

  /** Reads every frame a client socket sent since last time and answers like the server. */
  pump(socket: FakeSocket, from = { index: 0 }): void {
    while (from.index < socket.sent.length) {
      const message = JSON.parse(socket.sent[from.index++]) as ClientMessage;
      this.log.push(message);
      if (message.type === "join-session") {
        this.joined.set(socket, message.payload.userId);
        const sv = message.payload.stateVector ? fromBase64(message.payload.stateVector) : undefined;
        socket.serverSends(
          JSON.stringify({
            type: "code-update",
            payload: {
              userId: "server",
              code: this.text,
              update: toBase64(Y.encodeStateAsUpdate(this.doc, sv)),
              stateVector: toBase64(Y.encodeStateVector(this.doc)),
              sync: true,
            },
          }),
        );
      } else if (message.type === "code-change" && message.payload.update) {
        Y.applyUpdate(this.doc, fromBase64(message.payload.update));
        for (const [other, userId] of this.joined) {
          if (other !== socket && other.readyState === 1) {
            other.serverSends(
              JSON.stringify({ type: "code-update", payload: { userId, update: message.payload.update } }),
            );
          }
        }
      }
    }
  }

  forget(socket: FakeSocket): void {
    this.joined.delete(socket);
  }
}

function client(userId: string) {
  const doc = new Y.Doc();
  const text = doc.getText("code");
  const sockets: FakeSocket[] = [];
  const statuses: ConnectionStatus[] = [];
  const connectionTimers = new ManualTimers();
  const batchTimers = new ManualTimers();
  const cursors = new Map<FakeSocket, { index: number }>();
  const sync = new CrdtSync(doc, {
    send: (update) => connection.send({ type: "code-change", payload: { userId, update } }),
    setTimer: batchTimers.set,
  });
  const connection: RoomConnection = new RoomConnection({
    url: "ws://h/ws/s1",
    onOpen: () =>
      connection.send({ type: "join-session", payload: { userId, username: userId, ...sync.joinFields() } }),
    onMessage: (message) => {
      if (message.type !== "code-update") return;
      sync.handleCodeUpdate(message.payload);
      if (message.payload.sync) connection.joined();
    },
    onStatus: (status) => {
      statuses.push(status);
      if (status !== "connected") sync.disconnected();
    },
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      cursors.set(socket, { index: 0 });
      return socket;
    },
    setTimer: connectionTimers.set,
    clearTimer: connectionTimers.clear,
    random: () => 0.5,
  });
  const socket = () => sockets[sockets.length - 1];
  return {
    doc,
    text,
    sync,
    connection,
    sockets,
    statuses,
    connectionTimers,
    socket,
    /** The server accepts the newest socket and handles what it sent. */
    accept(server: JsonServer) {
      socket().serverOpens();
      server.pump(socket(), cursors.get(socket()));
    },
    pump(server: JsonServer) {
      server.pump(socket(), cursors.get(socket()));
    },
    typeAndFlush(server: JsonServer, edit: () => void) {
      edit();
      while (batchTimers.size) batchTimers.runAll();
      server.pump(socket(), cursors.get(socket()));
    },
  };
}

describe("reconnect flow: connection + CRDT sync", () => {
  it("join-session carries crdt:'yjs' and the state vector; the join's code-update loads the document", () => {
    const server = new JsonServer();
    server.doc.getText("code").insert(0, "print(1)\n");
    const a = client("user-a");
    a.connection.start();
    a.accept(server);
    const join = server.log[0];
    expect(join.type).toBe("join-session");
    expect(join.payload).toMatchObject({ userId: "user-a", username: "user-a", crdt: "yjs" });
    expect(typeof (join.payload as { stateVector?: unknown }).stateVector).toBe("string");
    expect(a.text.toString()).toBe("print(1)\n");
    expect(a.sync.isSynced).toBe(true);
    expect(server.log).toHaveLength(1); // nothing to send back
  });

  it("edits go out as code-change {userId, update} and reach the other participant", () => {
    const server = new JsonServer();
    const a = client("user-a");
    const b = client("user-b");
    a.connection.start();
    a.accept(server);
    b.connection.start();
    b.accept(server);
    a.typeAndFlush(server, () => a.text.insert(0, "hello"));
    const change = server.log.find((message) => message.type === "code-change");
    expect(change?.payload).toMatchObject({ userId: "user-a" });
    expect(typeof (change?.payload as { update?: unknown }).update).toBe("string");
    expect(b.text.toString()).toBe("hello");
  });

  it("edits made during a dropped connection merge after the automatic reconnect", () => {
    const server = new JsonServer();
    const a = client("user-a");
    const b = client("user-b");
    a.connection.start();
    a.accept(server);
    b.connection.start();
    b.accept(server);
    a.typeAndFlush(server, () => a.text.insert(0, "base\n"));

    // Wi-Fi blips for a: the socket dies, a keeps typing, b keeps typing.
    server.forget(a.socket());
    a.socket().closes(1006);
    expect(a.statuses.at(-1)).toBe("reconnecting");
    expect(a.sync.isSynced).toBe(false);
    a.typeAndFlush(server, () => a.text.insert(a.text.length, "from a offline\n"));
    b.typeAndFlush(server, () => b.text.insert(0, "from b\n"));
    expect(server.text).toBe("from b\nbase\n");

    a.connectionTimers.runAll(); // the backoff timer fires
    expect(a.sockets).toHaveLength(2);
    a.accept(server);
    expect(a.statuses.at(-1)).toBe("connected");
    expect(a.text.toString()).toBe(server.text);
    expect(b.text.toString()).toBe(server.text);
    expect(server.text).toBe("from b\nbase\nfrom a offline\n");
  });

  it("going offline and online: no retries while offline, an immediate rejoin online, edits merge", () => {
    const server = new JsonServer();
    const a = client("user-a");
    a.connection.start();
    a.accept(server);
    a.connection.goOffline();
    server.forget(a.socket());
    a.socket().closes(1006);
    expect(a.connectionTimers.size).toBe(0);
    a.text.insert(0, "written on the train");
    a.connection.goOnline();
    expect(a.sockets).toHaveLength(2);
    a.accept(server);
    expect(server.text).toBe("written on the train");
    const joins = server.log.filter((message) => message.type === "join-session");
    expect(joins).toHaveLength(2);
  });

  it("a session that ended (4404) stops for good and sends nothing more", () => {
    const server = new JsonServer();
    const a = client("user-a");
    a.connection.start();
    a.accept(server);
    a.socket().closes(4404);
    expect(a.statuses.at(-1)).toBe("ended");
    a.typeAndFlush(server, () => a.text.insert(0, "too late"));
    a.connectionTimers.runAll();
    a.connection.nudge();
    expect(a.sockets).toHaveLength(1);
    expect(server.text).toBe("");
  });

  it("a full session (4409) is waited out: edits made while refused merge once a slot frees", () => {
    const server = new JsonServer();
    const a = client("user-a");
    a.connection.start();
    a.accept(server);
    a.typeAndFlush(server, () => a.text.insert(0, "one\n"));

    // A network change: the socket dies, and the server still counts the stale ones.
    server.forget(a.socket());
    a.socket().closes(1006);
    a.connectionTimers.runAll();
    a.socket().serverOpens();
    a.socket().closes(4409, "Too many tabs: user-a already has 5 connections in this session");
    expect(a.statuses.at(-1)).toBe("full");
    expect(a.connectionTimers.delays).toEqual([2000]);
    expect(a.sync.isSynced).toBe(false);
    a.typeAndFlush(server, () => a.text.insert(a.text.length, "two\n"));
    expect(server.text).toBe("one\n");

    a.connectionTimers.runAll(); // the stale sockets have timed out by now
    a.accept(server);
    expect(a.statuses.at(-1)).toBe("connected");
    expect(server.text).toBe("one\ntwo\n");
  });
});
