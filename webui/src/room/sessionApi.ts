/** The two HTTP reads the room makes before and while it connects. */

import type { LanguageInfo } from "../editor/languages";

type Fetch = (url: string) => Promise<Response>;

const browserFetch: Fetch = (url) => fetch(url);

/**
 * The session's title, or null when the session does not exist (404). Any other failure still
 * opens the room, untitled: the WebSocket says soon enough whether the session is there.
 */
export async function fetchSessionTitle(sessionId: string, fetcher = browserFetch): Promise<string | null> {
  const response = await fetcher(`/api/sessions/${encodeURIComponent(sessionId)}`);
  if (response.status === 404) return null;
  if (!response.ok) return "";
  const info = (await response.json()) as { title?: unknown };
  return typeof info.title === "string" ? info.title : "";
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
