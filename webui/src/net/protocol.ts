/**
 * The wire protocol as types: the spec's events plus PairPad's extensions
 * (docs/protocol.md). Every message is `{type, payload}` in one JSON text frame.
 */

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface CursorPayload {
  cursor: Position;
  selection?: { anchor: Position; head: Position };
  relative?: { anchor: string; head: string }; // base64 Y.RelativePosition
}

export interface Participant {
  userId: string;
  username: string;
  color: string;
}

export interface RunResult {
  output: string;
  error: string | null;
  language?: string;
  durationMs?: number;
  runId?: string;
  truncated?: boolean;
}

export interface SessionState {
  sessionId: string;
  title: string;
  language: string;
  participants: Participant[];
  createdAt: number;
  you: Participant;
  limits: { maxMessageBytes: number; maxCodeChars: number; maxOutputChars: number; maxChatChars: number };
}

/** Server → client. */
export type ServerMessage =
  | { type: "session-state"; payload: SessionState }
  | { type: "participant-joined"; payload: Participant }
  | { type: "participant-left"; payload: { userId: string } }
  | {
      type: "code-update";
      payload: { userId: string; code?: string; update?: string; stateVector?: string; sync?: boolean };
    }
  | { type: "cursor-update"; payload: CursorPayload & { userId: string } }
  | { type: "language-updated"; payload: { userId: string; language: string } }
  | {
      type: "execute-code";
      payload: { userId: string; username: string; language: string; code: string; runId?: string };
    }
  | { type: "execution-result"; payload: RunResult & { userId: string; username: string } }
  | { type: "chat-message"; payload: { userId: string; username: string; text: string; ts: number } }
  | { type: "error"; payload: { message: string } };

/** Client → server. */
export type ClientMessage =
  | {
      type: "join-session";
      payload: { userId: string; username: string; crdt?: "yjs"; stateVector?: string };
    }
  | { type: "leave-session"; payload: { userId: string } }
  | { type: "code-change"; payload: { userId: string; changes?: string; update?: string } }
  | { type: "cursor-move"; payload: CursorPayload & { userId: string } }
  | { type: "language-change"; payload: { userId: string; language: string } }
  | { type: "execute-code"; payload: { language: string; code: string; runId?: string } }
  | { type: "execution-result"; payload: RunResult }
  | { type: "chat-message"; payload: { text: string } };

export type ServerMessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;

/** Close codes the server uses (docs/protocol.md). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  policyViolation: 1008,
  messageTooBig: 1009,
  sessionNotFound: 4404,
  tooSlow: 4408,
  sessionFull: 4409,
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

export function socketUrl(location: Pick<Location, "protocol" | "host">, sessionId: string): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/ws/${encodeURIComponent(sessionId)}`;
}
