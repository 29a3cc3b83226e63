/**
 * The room's WebSocket: connects, joins, and reconnects with backoff when Wi-Fi drops, the
 * laptop sleeps or the server restarts. It knows nothing about editing; `onOpen` sends the
 * join, and the CRDT handshake after it makes edits made while offline merge on return.
 */

import { CloseCode, parseServerMessage, type ClientMessage, type ServerMessage } from "./protocol";

/** "full": the server had no slot for us (4409); we wait and try again, more slowly. */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "full" | "offline" | "ended";

export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface ConnectionOptions {
  url: string;
  onOpen: () => void;
  onMessage: (message: ServerMessage) => void;
  /** `retryInMs` is given when a retry has been scheduled, so the page can say when. */
  onStatus: (status: ConnectionStatus, detail: string, retryInMs?: number) => void;
  createSocket?: (url: string) => SocketLike;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
}

const OPEN = 1;
// Closed by us because the browser went offline; the server never sends it.
const CLIENT_OFFLINE = 4000;

export interface BackoffSchedule {
  firstMs: number;
  maxMs: number;
}

/** After a lost connection: 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s. */
export const RECONNECT_SCHEDULE: BackoffSchedule = { firstMs: 500, maxMs: 10_000 };

/** After "session full" (4409): 2 s, 4 s, 8 s, 16 s, then 30 s. A slot frees only when someone
 *  leaves or the server notices that one of our old sockets is dead (up to ~15 s after a
 *  network change), so trying faster would only bring more refusals. */
export const SLOT_SCHEDULE: BackoffSchedule = { firstMs: 2_000, maxMs: 30_000 };

/** The schedule's delay doubled per attempt up to its cap, each ±25 %, so a room of laptops
 *  does not reconnect in lockstep after the host's Wi-Fi blips. */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  schedule: BackoffSchedule = RECONNECT_SCHEDULE,
): number {
  const base = Math.min(schedule.maxMs, schedule.firstMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** stop: the session is gone; retry: back off and reconnect; wait-for-slot: the same, slower. */
export type CloseAction = "stop" | "retry" | "wait-for-slot";

/** What a close means to the person looking at the page, and what to do next. */
export function describeClose(code: number, reason: string): { action: CloseAction; detail: string } {
  switch (code) {
    case CloseCode.sessionNotFound:
      return {
        action: "stop",
        detail: "This session no longer exists (the host may have restarted PairPad).",
      };
    case CloseCode.removed:
      // An interviewer removed us or did not let us in: coming back is theirs to allow.
      return { action: "stop", detail: reason || "An interviewer removed you from this interview" };
    case CloseCode.forbidden:
      // Retrying with the same wrong interviewer key would be refused the same way.
      return { action: "stop", detail: reason || "This interviewer link is not valid for this session." };
    case CloseCode.sessionFull:
      // The reason says which limit: the room's, or this userId's tabs (an interviewer whose
      // old sockets have not timed out yet). Either frees up on its own.
      return { action: "wait-for-slot", detail: reason || "This session is full." };
    case CloseCode.goingAway:
      return { action: "retry", detail: reason || "The host closed PairPad." };
    case CloseCode.tooSlow:
      return { action: "retry", detail: "Catching up…" };
    default:
      return { action: "retry", detail: reason || "Connection lost." };
  }
}

/** "Connection lost." + "Reconnecting in 2 s…", with a full stop between when the server's
 *  reason has none. */
export function retryDetail(detail: string, delayMs: number): string {
  const sentence = /[.!?…]$/.test(detail) ? detail : `${detail}.`;
  return `${sentence} Reconnecting in ${Math.ceil(delayMs / 1000)} s…`;
}

export class RoomConnection {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private slotAttempt = 0;
  private timer: unknown = null;
  private stopped = false;
  private offline = false;
  private readonly createSocket: (url: string) => SocketLike;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: ConnectionOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as number));
  }

  get connected(): boolean {
    return this.socket?.readyState === OPEN;
  }

  start(): void {
    this.open("connecting");
  }

  /** The room's state arrived: this connection works, so the next drop retries quickly. */
  joined(): void {
    this.resetBackoff();
  }

  send(message: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** For good: the page is going away, or the session ended. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(CloseCode.normal, "page closed");
    }
  }

  /** The browser says the network is gone: stop waiting on a socket that cannot work. */
  goOffline(): void {
    if (this.stopped) return;
    this.offline = true;
    this.cancelTimer();
    this.options.onStatus("offline", "You are offline. Your edits are kept and will merge.");
    this.socket?.close(CLIENT_OFFLINE, "offline");
  }

  goOnline(): void {
    if (this.stopped || !this.offline) return;
    this.offline = false;
    this.resetBackoff();
    this.cancelTimer();
    this.open("reconnecting");
  }

  /** Reconnect now (e.g. the tab became visible again after a sleep). */
  nudge(): void {
    if (this.stopped || this.offline || this.connected || this.socket) return;
    this.cancelTimer();
    this.open("reconnecting");
  }

  private open(status: ConnectionStatus): void {
    this.timer = null;
    this.options.onStatus(status, status === "connecting" ? "Connecting…" : "Reconnecting…");
    const socket = this.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      // The backoff is reset by joined(), not here: a server that accepts and then closes
      // at once (session full, a message it refuses) must still be retried slower and slower.
      this.options.onStatus("connected", "Connected");
      this.options.onOpen();
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      const message = parseServerMessage(event.data);
      if (message) this.options.onMessage(message);
    };
    socket.onerror = () => {
      // A close event always follows; that is where we decide what to do.
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.handleClose(event.code, event.reason);
    };
  }

  private handleClose(code: number, reason: string): void {
    if (this.stopped) return;
    if (this.offline || code === CLIENT_OFFLINE) {
      this.options.onStatus("offline", "You are offline. Your edits are kept and will merge.");
      return;
    }
    const { action, detail } = describeClose(code, reason);
    if (action === "stop") {
      this.stopped = true;
      this.options.onStatus("ended", detail);
    } else if (action === "wait-for-slot") {
      this.retryLater("full", detail, backoffDelay(this.slotAttempt++, this.options.random, SLOT_SCHEDULE));
    } else {
      this.retryLater("reconnecting", detail, backoffDelay(this.attempt++, this.options.random));
    }
  }

  private retryLater(status: ConnectionStatus, detail: string, delay: number): void {
    this.options.onStatus(status, retryDetail(detail, delay), delay);
    this.timer = this.setTimer(() => this.open("reconnecting"), delay);
  }

  private resetBackoff(): void {
    this.attempt = 0;
    this.slotAttempt = 0;
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
  }
}
