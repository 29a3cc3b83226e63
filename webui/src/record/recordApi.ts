/**
 * The interview record's HTTP calls, every one the host's (the host cookie goes with them):
 * list, history, delete, import, reopen, restore, and the export links. docs/record.md.
 */

import type { HistoryEvent } from "../replay/history";

export interface StoredSession {
  sessionId: string;
  title: string;
  language: string;
  createdAt: number;
  endedAt: number | null;
  participants: string[];
  codeSize: number;
  reopenedFrom?: string | null;
}

/** A refusal the page can show as it is: the server's own sentence. */
export class RecordError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
const browserFetch: Fetch = (input, init) => fetch(input, init);

const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export function exportUrl(sessionId: string, format: "html" | "pairpad"): string {
  return `${sessionPath(sessionId)}/export?format=${format}`;
}

async function answer<T>(response: Response): Promise<T> {
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  let detail = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { detail?: unknown };
    if (typeof body.detail === "string") detail = body.detail;
  } catch {
    // not JSON: the status says enough
  }
  throw new RecordError(detail, response.status);
}

export class RecordApi {
  constructor(private readonly fetcher: Fetch = browserFetch) {}

  async list(): Promise<StoredSession[]> {
    return answer<StoredSession[]>(await this.fetcher("/api/sessions"));
  }

  async history(sessionId: string): Promise<HistoryEvent[]> {
    const body = await answer<{ events: HistoryEvent[] }>(await this.fetcher(`${sessionPath(sessionId)}/history`));
    return body.events;
  }

  async remove(sessionId: string): Promise<void> {
    await answer<undefined>(await this.fetcher(sessionPath(sessionId), { method: "DELETE" }));
  }

  async importArchive(file: Blob): Promise<{ sessionId: string; title: string }> {
    const response = await this.fetcher("/api/sessions/import", {
      method: "POST",
      headers: { "content-type": "application/gzip" },
      body: file,
    });
    return answer(response);
  }

  /** A follow-up interview from a past one: the new session, with its joinUrl. */
  async reopen(sessionId: string): Promise<{ sessionId: string; joinUrl: string }> {
    return answer(await this.fetcher(`${sessionPath(sessionId)}/reopen`, { method: "POST" }));
  }

  /** The live code, for everyone, back to what it was at `at`. */
  async restore(sessionId: string, at: number): Promise<{ changed: boolean }> {
    const response = await this.fetcher(`${sessionPath(sessionId)}/restore`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ at }),
    });
    return answer(response);
  }
}
