import "./styles.css";

import { openHome } from "./pages/home";
import { openRoom } from "./pages/room";

const root = document.getElementById("app") as HTMLElement;
const room = /^\/s\/([^/]+)\/?$/.exec(location.pathname);

if (room) void openRoom(root, decodeURIComponent(room[1]));
else openHome(root);
