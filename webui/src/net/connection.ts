/**
 * The room's WebSocket: connects, joins, and reconnects with backoff when Wi-Fi drops, the
 * laptop sleeps or the server restarts. It knows nothing about editing; `onOpen` sends the
 * join, and the CRDT handshake after it makes edits made while offline merge on return.
 */

import { CloseCode, parseServerMessage, type ClientMessage, type ServerMessage } from "./protocol";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline" | "ended";

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
  onStatus: (status: ConnectionStatus, detail: string) => void;
  createSocket?: (url: string) => SocketLike;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
}

const OPEN = 1;
// Closed by us because the browser went offline; the server never sends it.
const CLIENT_OFFLINE = 4000;

/** 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s, each ±25 %, so a room of laptops does not
 *  reconnect in lockstep after the host's Wi-Fi blips. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** What a close means to the person looking at the page, and whether to try again. */
export function describeClose(code: number, reason: string): { retry: boolean; detail: string } {
  switch (code) {
    case CloseCode.sessionNotFound:
      return {
        retry: false,
        detail: "This session no longer exists (the host may have restarted PairPad).",
      };
    case CloseCode.sessionFull:
      return { retry: false, detail: reason || "This session is full." };
    case CloseCode.goingAway:
      return { retry: true, detail: reason || "The host closed PairPad." };
    case CloseCode.tooSlow:
      return { retry: true, detail: "Catching up…" };
    default:
      return { retry: true, detail: reason || "Connection lost." };
  }
}

export class RoomConnection {
  private socket: SocketLike | null = null;
  private attempt = 0;
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
    this.attempt = 0;
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
    this.attempt = 0;
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
    const { retry, detail } = describeClose(code, reason);
    if (!retry) {
      this.stopped = true;
      this.options.onStatus("ended", detail);
      return;
    }
    const delay = backoffDelay(this.attempt++, this.options.random);
    this.options.onStatus("reconnecting", `${detail} Reconnecting in ${Math.ceil(delay / 1000)} s…`);
    this.timer = this.setTimer(() => this.open("reconnecting"), delay);
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
  }
}
