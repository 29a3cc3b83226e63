/**
 * Keeps a Yjs document in step with the server's through the spec's envelope
 * (docs/protocol.md, "Shared code"): local edits go out as `code-change {update}`, batched;
 * `code-update {update}` is merged in. On every (re)join the server sends what we lack plus
 * its state vector, and we answer with what it lacks: edits made offline merge on return.
 */

import * as Y from "yjs";

import { fromBase64, toBase64 } from "../util/base64";

/** Transaction origin of updates that came from the server (never sent back, never undone). */
export const REMOTE_ORIGIN = Symbol("remote");

export interface CodeUpdatePayload {
  userId: string;
  code?: string;
  update?: string;
  stateVector?: string;
  sync?: boolean;
}

export interface CrdtSyncOptions {
  /** Sends one base64 update; false when there is no open connection. */
  send: (update: string) => boolean;
  /** How long to gather keystrokes into one message. */
  batchMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
}

export class CrdtSync {
  private pending: Uint8Array[] = [];
  private timer: unknown = null;
  private synced = false;
  private readonly batchMs: number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: CrdtSyncOptions,
  ) {
    this.batchMs = options.batchMs ?? 25;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    doc.on("update", this.onUpdate);
  }

  get isSynced(): boolean {
    return this.synced;
  }

  destroy(): void {
    this.doc.off("update", this.onUpdate);
  }

  /** The extension fields of our join-session. */
  joinFields(): { crdt: "yjs"; stateVector: string } {
    return { crdt: "yjs", stateVector: toBase64(Y.encodeStateVector(this.doc)) };
  }

  /** The connection dropped: stop sending until the next join's handshake. */
  disconnected(): void {
    this.synced = false;
    this.pending = [];
  }

  handleCodeUpdate(payload: CodeUpdatePayload): void {
    if (payload.update) {
      Y.applyUpdate(this.doc, fromBase64(payload.update), REMOTE_ORIGIN);
    }
    if (payload.sync && payload.stateVector) {
      // The join handshake: send everything the server lacks (edits made while offline, or
      // before the first sync), diffed against its state vector.
      this.synced = true;
      this.pending = [];
      const missing = Y.encodeStateAsUpdate(this.doc, fromBase64(payload.stateVector));
      if (!isEmptyUpdate(missing)) this.options.send(toBase64(missing));
    }
  }

  /** Send what is batched now (e.g. before the page closes). */
  flush(): void {
    this.timer = null;
    if (!this.synced || this.pending.length === 0) return;
    const update = this.pending.length === 1 ? this.pending[0] : Y.mergeUpdates(this.pending);
    this.pending = [];
    // If this fails the socket is closing; the next join's handshake sends it instead.
    this.options.send(toBase64(update));
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE_ORIGIN || !this.synced) return;
    this.pending.push(update);
    if (this.timer === null) this.timer = this.setTimer(() => this.flush(), this.batchMs);
  };
}

/** An update with no structs and no deletions: two zero varints. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((byte) => byte === 0);
}
