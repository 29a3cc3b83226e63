/**
 * The wire protocol: the spec's events plus PairPad's extensions (docs/protocol.md). Every
 * message is `{type, payload}` in one JSON text frame.
 *
 * The message types are not written here: they are generated from the server's Python
 * definitions (server/messages.py → src/net/wire.schema.json → src/net/generated/wire.ts),
 * so the two sides cannot disagree. This module gives them the names the UI uses and adds
 * the little the UI needs on top: parsing a frame, the socket's URL, close codes by name.
 */

import { WIRE, type CursorMove, type Person, type ServerMessage } from "./generated/wire";

export type {
  ClientMessage,
  CodeUpdate,
  Controls,
  IntegrityNotice,
  IntegritySignal,
  NotesUpdate,
  SetControls,
  TimerControl,
  TimerState,
  WaitingPerson,
  Limits,
  Position,
  RunRequested,
  RunResult,
  ServerMessage,
  SessionEnded,
  SessionState,
} from "./generated/wire";

/** "interviewer" or "candidate" (docs/protocol.md, roles). */
export type Role = Person["role"];

/** A participant as the room shows them. */
export type Participant = Person;

/** Where someone's caret is: what a client sends in cursor-move, without the ignored userId. */
export type CursorPayload = Omit<CursorMove, "userId">;

export type ServerMessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;

/** Close codes the server uses (docs/protocol.md). */
export const CloseCode = {
  normal: WIRE.closeCodes.NORMAL,
  goingAway: WIRE.closeCodes.GOING_AWAY,
  policyViolation: WIRE.closeCodes.POLICY_VIOLATION,
  messageTooBig: WIRE.closeCodes.MESSAGE_TOO_BIG,
  internalError: WIRE.closeCodes.INTERNAL_ERROR,
  sessionNotFound: WIRE.closeCodes.SESSION_NOT_FOUND,
  tooSlow: WIRE.closeCodes.TOO_SLOW,
  sessionFull: WIRE.closeCodes.SESSION_FULL,
  forbidden: WIRE.closeCodes.FORBIDDEN,
  removed: WIRE.closeCodes.REMOVED,
} as const;

export function parseServerMessage(text: string): ServerMessage | null {
  try {
    const message = JSON.parse(text) as unknown;
    if (
      typeof message === "object" &&
      message !== null &&
      typeof (message as { type?: unknown }).type === "string" &&
      isObject((message as { payload?: unknown }).payload)
    ) {
      return message as ServerMessage;
    }
  } catch {
    // fall through: not JSON
  }
  return null;
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The session's socket; with the interviewer key of a co-interviewer's link, if any. */
export function socketUrl(
  location: Pick<Location, "protocol" | "host">,
  sessionId: string,
  interviewerKey: string | null = null,
): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const key = interviewerKey ? `?key=${encodeURIComponent(interviewerKey)}` : "";
  return `${scheme}://${location.host}/ws/${encodeURIComponent(sessionId)}${key}`;
}
