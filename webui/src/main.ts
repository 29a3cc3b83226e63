/**
 * The entry: small on purpose. A room first starts reading its session and loading its
 * runtime (earlyStart.ts), then fetches the rest of its code (the editor, Yjs) meanwhile:
 * the runtime's worker and the page's own JavaScript load side by side.
 */

import "./styles.css";

import { startEarly } from "./room/earlyStart";

const root = document.getElementById("app") as HTMLElement;
const room = /^\/s\/([^/]+)\/?$/.exec(location.pathname);
const replay = /^\/replay\/([^/]+)\/?$/.exec(location.pathname);

if (room) {
  const sessionId = decodeURIComponent(room[1]);
  const early = startEarly(sessionId);
  void import("./pages/room").then(({ openRoom }) => openRoom(root, sessionId, early));
} else if (replay) {
  const sessionId = decodeURIComponent(replay[1]);
  void import("./pages/replay").then(({ openReplay }) => openReplay(root, sessionId));
} else {
  void import("./pages/home").then(({ openHome }) => openHome(root));
}
