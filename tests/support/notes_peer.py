"""An interviewer's private-notes pane, done with pycrdt: its own document, synced on join."""

from __future__ import annotations

import base64

from pycrdt import Doc, Text

from tests.support.crdt_peer import b64
from tests.support.peers import Peer


class NotesPeer:
    """An interviewer's notes pane, done with pycrdt: its own document, synced on join."""

    def __init__(self, peer: Peer) -> None:
        self.peer = peer
        self.doc = Doc()
        self.text = self.doc.get("code", type=Text)
        for message in peer.joined_with:
            if message["type"] == "notes-update":
                self.absorb(message["payload"])

    def absorb(self, payload: dict) -> None:
        self.doc.apply_update(base64.b64decode(payload["update"]))

    async def type(self, text: str) -> None:
        before = self.doc.get_state()
        self.text.insert(len(str(self.text).encode()), text)
        await self.peer.send("notes-change", update=b64(self.doc.get_update(before)))
