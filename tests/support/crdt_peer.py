"""A CRDT client in Python: what the web UI does with Yjs, done with pycrdt (Yrs).

It joins with the ``crdt: "yjs"`` extension, applies the updates the server sends, and sends
its own edits as updates. Indexes are code points here; pycrdt wants UTF-8 bytes.
"""

from __future__ import annotations

import base64
from typing import Any

from pycrdt import Doc, Text

from tests.support.peers import Message, Peer


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class CrdtPeer:
    def __init__(self, peer: Peer) -> None:
        self.peer = peer
        self.doc = Doc()
        self.text = self.doc.get("code", type=Text)

    @property
    def code(self) -> str:
        return str(self.text)

    async def join(self, *, with_state_vector: bool = False) -> list[Message]:
        extra: dict[str, Any] = {"crdt": "yjs"}
        if with_state_vector:
            extra["stateVector"] = b64(self.doc.get_state())
        messages = await self.peer.join(**extra)
        self.absorb(messages)
        return messages

    def absorb(self, messages: list[Message]) -> None:
        for message in messages:
            if message["type"] == "code-update" and "update" in message["payload"]:
                self.doc.apply_update(base64.b64decode(message["payload"]["update"]))

    async def sync_from_server(self, *others: Peer) -> dict[Peer, list[Message]]:
        seen = await self.peer.barrier(*others)
        self.absorb(seen[self.peer])
        return seen

    def edit_locally(self, index: int, insert: str = "", delete: int = 0) -> bytes:
        """Edit at a code-point index; returns the update (not sent)."""
        before = self.doc.get_state()
        code = self.code
        start = len(code[:index].encode())
        with self.doc.transaction():
            if delete:
                del self.text[start : start + len(code[index : index + delete].encode())]
            if insert:
                self.text.insert(start, insert)
        update: bytes = self.doc.get_update(before)
        return update

    async def send_update(self, update: bytes) -> None:
        await self.peer.send("code-change", userId=self.peer.user_id, update=b64(update))

    async def edit(self, index: int, insert: str = "", delete: int = 0) -> None:
        await self.send_update(self.edit_locally(index, insert, delete))
