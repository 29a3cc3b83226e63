"""A bare WebSocket relay in Python: what any Python server pays before doing real work.

Every message goes to the other sockets on the same path; nothing is kept. Same library
(websockets) and event loop (uvloop) as PairPad's server stack. Prints ``LISTENING <port>``.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict

import uvloop
from websockets.asyncio.server import ServerConnection, broadcast, serve

rooms: defaultdict[str, set[ServerConnection]] = defaultdict(set)


async def relay(socket: ServerConnection) -> None:
    name = socket.request.path if socket.request else "/"
    room = rooms[name]
    room.add(socket)
    try:
        async for message in socket:
            broadcast([other for other in room if other is not socket], message)
    finally:
        room.discard(socket)
        if not room:
            del rooms[name]


async def main() -> None:
    # No compression, like the Node relay and y-websocket: the floor, not a feature.
    async with serve(relay, "127.0.0.1", 0, compression=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        print(f"LISTENING {port}", flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    uvloop.run(main())
