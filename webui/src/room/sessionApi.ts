/** The two HTTP reads the room makes before and while it connects. */

import type { LanguageInfo } from "./serverDefaults";

type Fetch = (url: string) => Promise<Response>;

const browserFetch: Fetch = (url) => fetch(url);

export interface SessionInfo {
  title: string;
  /** The session's language as the room opens (its runtime starts loading at once). */
  language: string | null;
}

/**
 * The session's title and language, or null when the session does not exist (404). Any other
 * failure still opens the room, untitled: the WebSocket says soon enough whether the session
 * is there.
 */
export async function fetchSessionInfo(sessionId: string, fetcher = browserFetch): Promise<SessionInfo | null> {
  const response = await fetcher(`/api/sessions/${encodeURIComponent(sessionId)}`);
  if (response.status === 404) return null;
  if (!response.ok) return { title: "", language: null };
  const info = (await response.json()) as { title?: unknown; language?: unknown };
  return {
    title: typeof info.title === "string" ? info.title : "",
    language: typeof info.language === "string" ? info.language : null,
  };
}

/** The server's language list, or null when it cannot be had (the built-in list stays). */
export async function fetchLanguages(fetcher = browserFetch): Promise<LanguageInfo[] | null> {
  try {
    const response = await fetcher("/api/languages");
    if (!response.ok) return null;
    const list = (await response.json()) as unknown;
    return Array.isArray(list) && list.length > 0 ? (list as LanguageInfo[]) : null;
  } catch {
    return null;
  }
}
