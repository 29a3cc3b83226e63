/**
 * Deterministic stand-ins for the injectable timers, clocks and sockets of the modules under
 * test. Nothing here waits on real time.
 */

import type { SocketLike } from "../../src/net/connection";

interface PendingTimer {
  id: number;
  callback: () => void;
  ms: number;
}

/** A manual timer queue: `set`/`clear` match the modules' setTimer/clearTimer options. */
export class ManualTimers {
  private nextId = 1;
  private readonly pending = new Map<number, PendingTimer>();

  readonly set = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.pending.set(id, { id, callback, ms });
    return id;
  };

  readonly clear = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };

  /** Delays of the timers still waiting, oldest first. */
  get delays(): number[] {
    return [...this.pending.values()].map((timer) => timer.ms);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Runs every timer that is waiting now (not those they schedule). */
  runAll(): number {
    const due = [...this.pending.values()];
    for (const timer of due) {
      if (!this.pending.has(timer.id)) continue; // cleared by an earlier callback
      this.pending.delete(timer.id);
      timer.callback();
    }
    return due.length;
  }
}

export const CONNECTING = 0;
export const OPEN = 1;
export const CLOSING = 2;
export const CLOSED = 3;

/** A WebSocket double: the test drives open, messages and close by hand. */
export class FakeSocket implements SocketLike {
  readyState = CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: string[] = [];
  readonly closeCalls: { code?: number; reason?: string }[] = [];

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== OPEN) throw new Error("InvalidStateError: socket is not open");
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closeCalls.push({ code, reason });
    if (this.readyState < CLOSING) this.readyState = CLOSING;
  }

  // ---- driven by the test
  serverOpens(): void {
    this.readyState = OPEN;
    this.onopen?.(new Event("open"));
  }

  serverSends(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }

  error(): void {
    this.onerror?.(new Event("error"));
  }

  closes(code: number, reason = ""): void {
    this.readyState = CLOSED;
    this.onclose?.({ code, reason, wasClean: code !== 1006 } as CloseEvent);
  }

  sentMessages(): unknown[] {
    return this.sent.map((text) => JSON.parse(text) as unknown);
  }
}
