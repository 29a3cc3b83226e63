"""Spec clients over real WebSockets, and a barrier to wait on instead of sleeping.

The barrier: the server handles one connection's messages in order and every connection's
queue is FIFO, so when a peer sends an action and then a chat message, everyone who sees that
chat message has already received whatever the action sent them. ``sync`` returns what each
peer received before the barrier; asserting that a message did *not* arrive is then exact.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any

import msgspec
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from server.messages import SERVER_MESSAGE

Message = dict[str, Any]
# Short, so a barrier fits even a test server's tight chat limit (max_chat_chars=10).
BARRIER_PREFIX = "§"
_barrier_ids = itertools.count(1)


class Peer:
    def __init__(self, ws: ClientConnection, user_id: str, username: str) -> None:
        self.ws = ws
        self.user_id = user_id
        self.username = username
        self.seen: list[Message] = []
        self.joined_with: list[Message] = []  # what the server sent on join-session

    @classmethod
    async def connect(
        cls,
        ws_base: str,
        session_id: str,
        user_id: str = "user-1",
        username: str = "Alice",
        **options: Any,
    ) -> Peer:
        # A peer that stopped reading (its queue full) cannot see the server's answer to its
        # close: a test's clean-up must not wait the default 10 s for it.
        options.setdefault("close_timeout", 1)
        ws = await connect(f"{ws_base}/ws/{session_id}", open_timeout=10, **options)
        return cls(ws, user_id, username)

    async def send(self, event_type: str, payload: Any = None, **fields: Any) -> None:
        body = payload if payload is not None else fields
        await self.ws.send(json.dumps({"type": event_type, "payload": body}))

    async def send_raw(self, data: str | bytes) -> None:
        await self.ws.send(data)

    async def join(self, **extra: Any) -> list[Message]:
        """join-session, then everything the server sends a joiner (up to a barrier)."""
        await self.send("join-session", userId=self.user_id, username=self.username, **extra)
        self.joined_with = (await self.barrier())[self]
        return self.joined_with

    @property
    def state(self) -> Message:
        """The session-state of this peer's last join."""
        return next(m["payload"] for m in self.joined_with if m["type"] == "session-state")

    @property
    def secret(self) -> str:
        """The participantSecret the server issued at this peer's last join."""
        return str(self.state["participantSecret"])

    async def recv(self, timeout: float = 5.0) -> Message:
        raw = await asyncio.wait_for(self.ws.recv(), timeout)
        # Every frame must be a message of the published schema (webui/src/net/wire.schema.json).
        msgspec.json.decode(raw, type=SERVER_MESSAGE)
        message: Message = json.loads(raw)
        self.seen.append(message)
        return message

    async def expect(self, event_type: str, timeout: float = 5.0, **match: Any) -> Any:
        """Skip ahead to the next ``event_type`` whose payload has the ``match`` fields."""
        skipped: list[Message] = []
        try:
            while True:
                message = await self.recv(timeout)
                payload = message.get("payload") or {}
                if message["type"] == event_type and all(
                    payload.get(k) == v for k, v in match.items()
                ):
                    return payload
                skipped.append(message)
        except TimeoutError:
            raise AssertionError(
                f"{self.username}: no {event_type} {match or ''} within {timeout}s; got {skipped}"
            ) from None

    async def expect_error(self, timeout: float = 5.0) -> str:
        return str((await self.expect("error", timeout))["message"])

    async def barrier(self, *others: Peer, timeout: float = 5.0) -> dict[Peer, list[Message]]:
        """What this peer and ``others`` received before this peer's barrier."""
        return await sync(self, *others, timeout=timeout)

    async def until(self, text: str, timeout: float = 5.0) -> list[Message]:
        """Messages before the chat message ``text`` (from anyone)."""
        before: list[Message] = []
        try:
            while True:
                message = await self.recv(timeout)
                if message["type"] == "chat-message":
                    said = message["payload"].get("text", "")
                    if said == text:
                        return before
                    if said.startswith(BARRIER_PREFIX):
                        continue
                before.append(message)
        except TimeoutError:
            raise AssertionError(
                f"{self.username}: barrier {text!r} not seen within {timeout}s; got {before}"
            ) from None

    async def closed(self, timeout: float = 10.0) -> tuple[int | None, str]:
        """Read until the server closes; returns the close code and reason."""
        try:
            async with asyncio.timeout(timeout):
                while True:
                    await self.recv(timeout)
        except ConnectionClosed as closed:
            frame = closed.rcvd
            return (frame.code, frame.reason) if frame else (None, "")

    async def close(self) -> None:
        await self.ws.close()

    def abort(self) -> None:
        """Vanish without a closing handshake, like a laptop dropping off the Wi-Fi."""
        self.ws.transport.abort()


async def sync(sender: Peer, *others: Peer, timeout: float = 5.0) -> dict[Peer, list[Message]]:
    text = f"{BARRIER_PREFIX}{_base36(next(_barrier_ids))}"
    await sender.send("chat-message", text=text)
    peers = (sender, *others)
    received = await asyncio.gather(*(peer.until(text, timeout) for peer in peers))
    return dict(zip(peers, received, strict=True))


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if number == 0:
            return text


def types(messages: list[Message]) -> list[str]:
    return [message["type"] for message in messages]
