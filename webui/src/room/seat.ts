/**
 * Who this browser is in the room beyond its userId: the host (the server says so through
 * GET /api/whoami, as the host cookie is HttpOnly), a co-interviewer (the `?key=` of the
 * interviewer link), and the participant secret the server issued for this session.
 *
 * Everything is kept in localStorage per session, so a reload or another tab of the same
 * browser is the same person; the key leaves the address bar at once (a screen share or a
 * copied URL must not hand it on).
 */

const KEY_PREFIX = "pairpad.key.";
const IDENTITY_PREFIX = "pairpad.identity.";
const HOST_NAME_KEY = "pairpad.hostName";
export const DEFAULT_HOST_NAME = "Interviewer";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: it all lasts for this page only
  }
}

type Fetch = (url: string) => Promise<Response>;

/** True when this browser carries the host's credentials; false on any failure. */
export async function fetchIsHost(fetcher: Fetch = (url) => fetch(url)): Promise<boolean> {
  try {
    const response = await fetcher("/api/whoami");
    if (!response.ok) return false;
    return ((await response.json()) as { host?: unknown }).host === true;
  } catch {
    return false;
  }
}

/** The interviewer key for this session: from the link (then removed from it), or kept. */
export function takeInterviewerKey(sessionId: string, loc: Location = location): string | null {
  const params = new URLSearchParams(loc.search);
  const fromLink = params.get("key");
  const store = storage();
  if (fromLink) {
    store?.setItem(KEY_PREFIX + sessionId, fromLink);
    params.delete("key");
    const query = params.toString();
    history.replaceState(history.state, "", `${loc.pathname}${query ? `?${query}` : ""}${loc.hash}`);
    return fromLink;
  }
  return store?.getItem(KEY_PREFIX + sessionId) ?? null;
}

export interface SessionIdentity {
  userId: string;
  secret: string | null;
}

/** The identity this browser had in the session, else the browser's userId and no secret. */
export function sessionIdentity(sessionId: string, browserUserId: string): SessionIdentity {
  const kept = storage()?.getItem(IDENTITY_PREFIX + sessionId);
  if (kept) {
    try {
      const parsed = JSON.parse(kept) as Partial<SessionIdentity>;
      if (typeof parsed.userId === "string" && typeof parsed.secret === "string") {
        return { userId: parsed.userId, secret: parsed.secret };
      }
    } catch {
      // a damaged entry: start afresh
    }
  }
  return { userId: browserUserId, secret: null };
}

export function rememberSessionIdentity(sessionId: string, identity: SessionIdentity): void {
  storage()?.setItem(IDENTITY_PREFIX + sessionId, JSON.stringify(identity));
}

/** The interviewer's name, set once on the console; the room never asks the host for it. */
export function hostName(): string {
  return storage()?.getItem(HOST_NAME_KEY)?.trim() || DEFAULT_HOST_NAME;
}

export function rememberHostName(name: string): void {
  const cleaned = name.trim().replace(/\s+/g, " ");
  if (cleaned) storage()?.setItem(HOST_NAME_KEY, cleaned);
}
