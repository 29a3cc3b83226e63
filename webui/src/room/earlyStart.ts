/**
 * What a room starts before anything else: reading the session, and loading its language's
 * runtime (Python takes seconds) the moment that language is known. main.ts calls it before
 * the rest of the room's code (the editor, Yjs: most of the page's JavaScript) has even
 * arrived, so the runtime's worker loads while the page does, while the name is asked, the
 * room is built and the socket connects.
 */

import { Runners } from "../run/runners";
import { fetchSessionInfo, type SessionInfo } from "./sessionApi";

export interface EarlyStart {
  /** The session as read over HTTP; null when it does not exist. */
  session: Promise<SessionInfo | null>;
  runners: Runners;
}

export function startEarly(sessionId: string, runners = new Runners()): EarlyStart {
  const session = fetchSessionInfo(sessionId).then((info) => {
    if (info?.language && Runners.runnable(info.language)) runners.pool(info.language).warm();
    return info;
  });
  return { session, runners };
}
