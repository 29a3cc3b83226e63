import "./styles.css";

import { openHome } from "./pages/home";
import { openReplay } from "./pages/replay";
import { openRoom } from "./pages/room";

const root = document.getElementById("app") as HTMLElement;
const room = /^\/s\/([^/]+)\/?$/.exec(location.pathname);
const replay = /^\/replay\/([^/]+)\/?$/.exec(location.pathname);

if (room) void openRoom(root, decodeURIComponent(room[1]));
else if (replay) void openReplay(root, decodeURIComponent(replay[1]));
else openHome(root);
