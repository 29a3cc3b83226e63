/**
 * The connection badge in the top bar: a short text, the full explanation as its tooltip, and
 * `data-status` for styles and the browser tests.
 */

import type { ConnectionStatus } from "../net/connection";

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  full: "Session full",
  offline: "Offline",
  ended: "Disconnected",
};

/** The badge's text. A full session says when it tries again: the wait can be half a minute,
 *  and "Reconnecting…" for that long would look stuck. */
export function statusText(status: ConnectionStatus, retryInMs?: number): string {
  if (status === "full" && retryInMs !== undefined) {
    return `${STATUS_TEXT.full} — retrying in ${Math.ceil(retryInMs / 1000)} s`;
  }
  return STATUS_TEXT[status];
}

export function showConnectionStatus(
  badge: HTMLElement,
  status: ConnectionStatus,
  detail: string,
  retryInMs?: number,
): void {
  badge.dataset.status = status;
  badge.textContent = statusText(status, retryInMs);
  badge.title = detail;
}
