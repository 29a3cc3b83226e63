"""Rooms (sessions) in memory: who is in them, their code, and who receives what.

Every method here is synchronous and runs on the event loop, so a room's state changes one
message at a time without locks, and broadcasting never waits on a socket (each frame goes
to the connection's transport at once; see ``server.connection``).
Receivers follow ``shared/PROTOCOL.md``: presence and language go to everyone, sender
included; code, cursors, run requests and results go to everyone except the sender.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import secrets
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NewType

from .document import CodeDocument
from .messages import SERVER_USER_ID, CloseCode, encode_event
from .settings import Settings

if TYPE_CHECKING:
    from .session_socket import Connection

log = logging.getLogger(__name__)

SessionId = NewType("SessionId", str)

# Distinct on light and dark backgrounds; a participant keeps theirs while in the room.
PALETTE = (
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#0ea5a4",
    "#f032e6",
    "#9a6324",
    "#2f9e44",
    "#c2255c",
    "#5c7cfa",
    "#e67700",
)


def new_session_id() -> SessionId:
    """128 random bits, URL-safe: the link is the capability, so it must be unguessable."""
    return SessionId(secrets.token_urlsafe(16))


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class SessionFull(Exception):
    close_code = CloseCode.SESSION_FULL


class AlreadyJoined(Exception):
    pass


class TooManySessions(Exception):
    pass


@dataclass(eq=False, slots=True)
class Participant:
    user_id: str
    username: str
    color: str
    connections: set[Connection] = field(default_factory=set)
    cursor_frame: str | None = None  # the last cursor-update, replayed to late joiners

    def public(self) -> dict[str, str]:
        return {"userId": self.user_id, "username": self.username, "color": self.color}


class Room:
    def __init__(
        self,
        session_id: SessionId,
        *,
        title: str,
        language: str,
        settings: Settings,
        on_empty: Callable[[Room], None],
    ) -> None:
        self.id = session_id
        self.title = title
        self.created_at = time.time()
        self.language = language
        self.document = CodeDocument()
        self._settings = settings
        self._on_empty = on_empty
        self._language_set_by = SERVER_USER_ID
        self._connections: set[Connection] = set()
        self._participants: dict[str, Participant] = {}
        self._chat: deque[str] = deque(maxlen=settings.chat_history_size or None)
        self._last_result: str | None = None

    # ------------------------------------------------------------ membership

    @property
    def connection_count(self) -> int:
        return len(self._connections)

    @property
    def participants(self) -> list[Participant]:
        return list(self._participants.values())

    def admit(self, connection: Connection) -> None:
        if len(self._connections) >= self._settings.max_connections_per_room:
            raise SessionFull(
                f"Session is full ({self._settings.max_connections_per_room} connections)"
            )
        self._connections.add(connection)

    def join(
        self,
        connection: Connection,
        *,
        user_id: str,
        username: str,
        crdt: bool,
        state_vector: bytes | None,
    ) -> None:
        if connection.joined:
            raise AlreadyJoined(f"Already joined as {connection.user_id}; send leave-session first")
        participant = self._participants.get(user_id)
        is_new = participant is None
        if participant is None:
            if len(self._participants) >= self._settings.max_participants_per_room:
                raise SessionFull(
                    f"Session is full ({self._settings.max_participants_per_room} participants)"
                )
            participant = Participant(user_id, username, self._free_color())
            self._participants[user_id] = participant
        participant.connections.add(connection)
        connection.user_id = user_id
        connection.crdt = crdt
        self._send_state(connection, participant, state_vector)
        if is_new:
            frame = encode_event("participant-joined", participant.public())
            self._broadcast(frame, exclude=connection)

    def leave(self, connection: Connection) -> None:
        """leave-session, or the socket went away: participant-left once, on the last tab."""
        user_id = connection.user_id
        if user_id is None:
            return
        connection.user_id = None
        connection.crdt = False
        participant = self._participants[user_id]
        participant.connections.discard(connection)
        if participant.connections:
            return
        del self._participants[user_id]
        frame = encode_event("participant-left", {"userId": user_id})
        self._broadcast(frame)
        connection.send(frame)  # a tab that sent leave-session is still open: confirm it

    def disconnect(self, connection: Connection) -> None:
        self.leave(connection)
        self._connections.discard(connection)
        if not self._connections:
            self._on_empty(self)

    def close_all(self, code: int, reason: str) -> None:
        for connection in list(self._connections):
            connection.close(code, reason)

    # ------------------------------------------------------------ events

    def replace_code(self, connection: Connection, code: str) -> None:
        """A spec client's full text, merged into the CRDT as a minimal edit."""
        author = self._author(connection)
        update = self.document.replace_code(code)
        if update is not None:
            self._broadcast_code(author, b64encode(update), exclude=connection)
        if self.document.code != code:
            # Line endings were normalised: tell the sender, or its editor keeps "\r\n" and
            # drifts from everyone else's.
            connection.send(
                encode_event("code-update", {"userId": author, "code": self.document.code})
            )

    def merge_update(self, connection: Connection, update_b64: str, update: bytes) -> None:
        """A CRDT client's Yjs update (raises ValueError if it is not one)."""
        fix = self.document.apply_update(update)
        self._broadcast_code(self._author(connection), update_b64, exclude=connection)
        if fix is not None:
            self._broadcast_code(SERVER_USER_ID, b64encode(fix), exclude=None)

    def move_cursor(self, connection: Connection, cursor: dict[str, Any]) -> None:
        author = self._author(connection)
        frame = encode_event("cursor-update", {"userId": author, **cursor})
        self._participants[author].cursor_frame = frame
        self._broadcast(frame, exclude=connection)

    def change_language(self, connection: Connection, language: str) -> None:
        self.language = language
        self._language_set_by = self._author(connection)
        self._broadcast(self._language_frame())

    def forward_execution(self, connection: Connection, request: dict[str, Any]) -> None:
        """execute-code is relayed to the others, never run here."""
        self._broadcast(
            encode_event("execute-code", {**self._attribution(connection), **request}),
            exclude=connection,
        )

    def share_result(self, connection: Connection, result: dict[str, Any]) -> None:
        frame = encode_event("execution-result", {**self._attribution(connection), **result})
        self._last_result = frame
        self._broadcast(frame, exclude=connection)

    def chat(self, connection: Connection, text: str) -> None:
        payload = {**self._attribution(connection), "text": text, "ts": int(time.time() * 1000)}
        frame = encode_event("chat-message", payload)
        if self._chat.maxlen:
            self._chat.append(frame)
        self._broadcast(frame)

    # ------------------------------------------------------------ views

    def summary(self) -> dict[str, Any]:
        return {
            "sessionId": self.id,
            "title": self.title,
            "language": self.language,
            "participants": [p.public() for p in self._participants.values()],
            "createdAt": int(self.created_at * 1000),
        }

    # ------------------------------------------------------------ internals

    def _joined(self) -> Iterator[Connection]:
        for participant in self._participants.values():
            yield from participant.connections

    def _broadcast(self, frame: str, *, exclude: Connection | None = None) -> None:
        for connection in list(self._joined()):
            if connection is not exclude:
                connection.send(frame)

    def _broadcast_code(self, author: str, update_b64: str, *, exclude: Connection | None) -> None:
        # Two audiences, each frame encoded at most once: CRDT clients get the update,
        # spec clients the full code.
        crdt_frame: str | None = None
        text_frame: str | None = None
        for connection in list(self._joined()):
            if connection is exclude:
                continue
            if connection.crdt:
                if crdt_frame is None:
                    crdt_frame = encode_event(
                        "code-update", {"userId": author, "update": update_b64}
                    )
                connection.send(crdt_frame)
            else:
                if text_frame is None:
                    text_frame = encode_event(
                        "code-update", {"userId": author, "code": self.document.code}
                    )
                connection.send(text_frame)

    def _language_frame(self) -> str:
        return encode_event(
            "language-updated", {"userId": self._language_set_by, "language": self.language}
        )

    def _send_state(
        self, connection: Connection, me: Participant, state_vector: bytes | None
    ) -> None:
        """What a joiner needs, as spec events, after one session-state (extension)."""
        connection.send(
            encode_event(
                "session-state",
                {
                    **self.summary(),
                    "you": me.public(),
                    "limits": {
                        "maxMessageBytes": self._settings.max_message_bytes,
                        "maxCodeChars": self._settings.max_code_chars,
                        "maxOutputChars": self._settings.max_output_chars,
                        "maxChatChars": self._settings.max_chat_chars,
                        "runTimeoutMs": int(self._settings.run_timeout_seconds * 1000),
                    },
                },
            )
        )
        for participant in self._participants.values():
            connection.send(encode_event("participant-joined", participant.public()))
        connection.send(self._language_frame())
        code_payload: dict[str, Any] = {"userId": SERVER_USER_ID, "code": self.document.code}
        if connection.crdt:
            code_payload["update"] = b64encode(self.document.update_since(state_vector))
            code_payload["stateVector"] = b64encode(self.document.state_vector())
            code_payload["sync"] = True
        connection.send(encode_event("code-update", code_payload))
        for participant in self._participants.values():
            if participant is not me and participant.cursor_frame is not None:
                connection.send(participant.cursor_frame)
        for frame in self._chat:
            connection.send(frame)
        if self._last_result is not None:
            connection.send(self._last_result)

    def _author(self, connection: Connection) -> str:
        assert connection.user_id is not None, "handlers only pass joined connections"
        return connection.user_id

    def _attribution(self, connection: Connection) -> dict[str, str]:
        participant = self._participants[self._author(connection)]
        return {"userId": participant.user_id, "username": participant.username}

    def _free_color(self) -> str:
        taken = {p.color for p in self._participants.values()}
        for color in PALETTE:
            if color not in taken:
                return color
        return PALETTE[len(self._participants) % len(PALETTE)]


class RoomRegistry:
    """All rooms; a room nobody is connected to is freed after ``room_idle_ttl_seconds``."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._rooms: dict[SessionId, Room] = {}
        self._expiry: dict[SessionId, asyncio.TimerHandle] = {}

    def __len__(self) -> int:
        return len(self._rooms)

    @property
    def connection_count(self) -> int:
        return sum(room.connection_count for room in self._rooms.values())

    def create(self, *, title: str, language: str) -> Room:
        if len(self._rooms) >= self._settings.max_rooms:
            raise TooManySessions(f"Too many sessions ({self._settings.max_rooms}); try later")
        room = Room(
            new_session_id(),
            title=title,
            language=language,
            settings=self._settings,
            on_empty=self._schedule_expiry,
        )
        self._rooms[room.id] = room
        self._schedule_expiry(room)  # a room nobody ever joins expires too
        return room

    def get(self, session_id: str) -> Room | None:
        return self._rooms.get(SessionId(session_id))

    def admit(self, room: Room, connection: Connection) -> None:
        room.admit(connection)
        timer = self._expiry.pop(room.id, None)
        if timer is not None:
            timer.cancel()

    def close_all(self, code: int, reason: str) -> None:
        for room in self._rooms.values():
            room.close_all(code, reason)

    def _schedule_expiry(self, room: Room) -> None:
        previous = self._expiry.pop(room.id, None)
        if previous is not None:
            previous.cancel()
        loop = asyncio.get_running_loop()
        self._expiry[room.id] = loop.call_later(
            self._settings.room_idle_ttl_seconds, self._expire, room.id
        )

    def _expire(self, session_id: SessionId) -> None:
        self._expiry.pop(session_id, None)
        room = self._rooms.get(session_id)
        if room is not None and room.connection_count == 0:
            log.info("session %s expired after being empty", session_id)
            del self._rooms[session_id]
