"""Rooms (sessions) in memory: who is in them, their code, and who receives what.

Every method here is synchronous and runs on the event loop, so a room's state changes one
message at a time without locks, and broadcasting never waits on a socket (each frame goes
to the connection's transport at once; see ``server.session_socket``). Frames are built by
``server.messages``; a room only decides who gets them. Receivers follow
``docs/protocol.md``: presence, language and chat go to everyone, sender included; code,
cursors, run requests and results go to everyone except the sender.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NewType

import msgspec
from msgspec import UNSET, UnsetType

from . import messages as m
from . import ratelimit
from .document import CodeDocument
from .identities import Claim, IdentityBook
from .ratelimit import TokenBucket
from .record import NULL_RECORD, NewSession, Recorder, SessionRecord, StoredSession
from .record.recorder import cap_output
from .refusals import AlreadyJoined, SessionFull, TooManySessions
from .room_controls import InterviewerControls
from .settings import Settings
from .waiting_room import JoinRequest
from .wire_values import b64encode, now_ms

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


@dataclass(frozen=True, slots=True)
class Question:
    """What a session starts from: a question of the library (templates.py), or nothing."""

    prompt: str = ""
    starter_code: Mapping[str, str] = field(default_factory=dict)


def new_session_id() -> SessionId:
    """128 random bits, URL-safe: the link is the capability, so it must be unguessable."""
    return SessionId(secrets.token_urlsafe(16))


@dataclass(eq=False, slots=True)
class Participant:
    person: m.Person
    connections: set[Connection] = field(default_factory=set)
    cursor_frame: m.Frame | None = None  # the last cursor-update, replayed to late joiners
    language_changes: TokenBucket | None = None  # made on the first change
    integrity_reports: TokenBucket | None = None  # made on the first report

    @property
    def user_id(self) -> str:
        return self.person.userId


class Room(InterviewerControls):
    def __init__(
        self,
        session_id: SessionId,
        *,
        title: str,
        language: str,
        settings: Settings,
        on_empty: Callable[[Room], None],
        record: SessionRecord = NULL_RECORD,
    ) -> None:
        self.id = session_id
        self.title = title
        self.created_at = time.time()
        self.language = language
        # The question everyone reads (Markdown) and its starter code per language: set when
        # the session is made from the question library, shown to everyone in session-state.
        self.prompt = ""
        self.starter_code: dict[str, str] = {}
        self.ever_joined = False
        # The co-interviewer's key: in the host's interviewerUrl only, never in a frame.
        self.interviewer_key = secrets.token_urlsafe(16)
        self.ended_at: float | None = None  # set once, by end()
        self.reopened_from: str | None = None  # the past session this one follows up
        self.restoring: asyncio.Task[None] | None = None  # an interviewer's restore under way
        self.document = CodeDocument(
            max_bytes=settings.max_document_bytes,
            max_pending_bytes=settings.max_pending_update_bytes,
        )
        self._settings = settings
        self._on_empty = on_empty
        self._language_set_by = m.SERVER_USER_ID
        self._connections: set[Connection] = set()
        self._participants: dict[str, Participant] = {}
        self._identities = IdentityBook(settings.max_identities_per_room)
        self._ended_frame: m.Frame | None = None
        self._chat: deque[m.Frame] = deque(maxlen=settings.chat_history_size or None)
        self._last_result: m.Frame | None = None
        self._audience: tuple[Connection, ...] | None = None  # see _joined
        # The interview record (server/record): every change below is also put there.
        self.record = record
        self._init_controls(settings)  # the interviewer's controls: room_controls.py

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
        secret: str | UnsetType | None = UNSET,
    ) -> None:
        """All or nothing: everything that can fail (limits, the client's state vector) is
        checked before the room changes, so a refused join can simply be sent again. The
        joiner becomes ``user_id`` only when the identity rules allow it (identities.py); a
        candidate may first wait for an interviewer (waiting_room.py)."""
        if connection.joined:
            raise AlreadyJoined(f"Already joined as {connection.user_id}; send leave-session first")
        request = JoinRequest(connection, user_id, username, crdt, state_vector, secret)
        if not self._held_at_the_door(request):
            self._enter(request)

    def _enter(self, request: JoinRequest) -> None:
        connection = request.connection
        claim = self._claim(request)
        participant = self._participants.get(claim.user_id)
        self._check_capacity(participant, claim.user_id)
        # What a CRDT joiner lacks; raises on a malformed state vector, before any change.
        missing = self.document.update_since(request.state_vector) if request.crdt else None

        self._identities.record(claim, in_room=self._participants.__contains__)
        self._keep_identity(claim.user_id)
        if participant is None:
            person = m.Person(claim.user_id, request.username, self._free_color(), connection.role)
            participant = Participant(person)
            self._participants[claim.user_id] = participant
            self._broadcast(m.participant_joined(person))
            self.record.record_event(
                "join",
                userId=claim.user_id,
                username=request.username,
                color=person.color,
                role=person.role,
            )
        participant.connections.add(connection)
        self._audience = None
        connection.user_id = claim.user_id
        connection.crdt = request.crdt
        self.ever_joined = True
        self._send_state(connection, participant, missing, claim)

    def _check_capacity(self, participant: Participant | None, user_id: str) -> None:
        settings = self._settings
        if participant is None:
            if len(self._participants) >= settings.max_participants_per_room:
                raise SessionFull(
                    f"Session is full ({settings.max_participants_per_room} participants)"
                )
        elif len(participant.connections) >= settings.max_connections_per_user:
            raise SessionFull(
                f"Too many tabs: {user_id} already has {settings.max_connections_per_user} "
                "connections in this session; close one, or wait for an old one to time out"
            )

    def leave(self, connection: Connection) -> None:
        """leave-session, or the socket went away: participant-left once, on the last tab."""
        if self._waiting.drop(connection):
            self._tell_interviewers(self._waiting_list())
        user_id = connection.user_id
        if user_id is None:
            return
        connection.user_id = None
        connection.crdt = False
        participant = self._participants[user_id]
        participant.connections.discard(connection)
        self._audience = None
        if participant.connections:
            return
        del self._participants[user_id]
        self.record.record_event("leave", userId=user_id)
        frame = m.participant_left(user_id)
        self._broadcast(frame)
        connection.send(frame)  # a tab that sent leave-session is still open: confirm it

    def disconnect(self, connection: Connection) -> None:
        self.leave(connection)
        self._connections.discard(connection)
        if not self._connections:
            self._on_empty(self)

    # ------------------------------------------------------------ events

    def replace_code(self, connection: Connection, code: str) -> None:
        """A spec client's full text, merged into the CRDT as a minimal edit."""
        self._refuse_if_ended()
        self._refuse_if_locked(connection)
        author = self._author(connection)
        update = self.document.replace_code(code)
        if update is not None:
            self.record.code(author, update)
            self._broadcast_code(author, b64encode(update), exclude=connection)
        if self.document.code != code:
            # Line endings were normalised: tell the sender, or its editor keeps "\r\n" and
            # drifts from everyone else's.
            connection.send(m.code_update(m.CodeUpdate(author, code=self.document.code)))

    def merge_update(self, connection: Connection, update_b64: str, update: bytes) -> None:
        """A CRDT client's Yjs update (raises ValueError if the document refuses it)."""
        self._refuse_if_ended()
        self._refuse_if_locked(connection)
        fix = self.document.apply_update(update)
        author = self._author(connection)
        self.record.code(author, update)
        self._broadcast_code(author, update_b64, exclude=connection)
        if fix is not None:
            self.record.code(m.SERVER_USER_ID, fix)
            self._broadcast_code(m.SERVER_USER_ID, b64encode(fix), exclude=None)

    def move_cursor(self, connection: Connection, move: m.CursorMove) -> None:
        participant = self._participants[self._author(connection)]
        frame = m.cursor_update(participant.user_id, move)
        participant.cursor_frame = frame
        self._broadcast(frame, exclude=connection)

    def change_language(self, connection: Connection, language: str) -> None:
        self._refuse_if_ended()
        self._refuse_if_locked(connection)
        participant = self._participants[self._author(connection)]
        self._take_language_change(participant)
        self.language = language
        self._language_set_by = participant.user_id
        self.record.record_event("language", userId=participant.user_id, language=language)
        self._broadcast(m.language_updated(self._language_set_by, self.language))

    def _take_language_change(self, participant: Participant) -> None:
        per_minute = self._settings.language_changes_per_minute
        if participant.language_changes is None:
            # A burst, so stepping through the menu with the arrow keys is not refused.
            participant.language_changes = ratelimit.per_minute(per_minute, burst_cap=10.0)
        if not participant.language_changes.take():
            raise m.ProtocolError(
                f"Too many language changes: at most {per_minute:g} a minute; this one was refused"
            )

    def forward_execution(self, connection: Connection, request: m.ExecuteCode) -> None:
        """execute-code is relayed to the others, never run here."""
        self._refuse_if_ended()
        self._refuse_if_run_disabled(connection)
        author = self._participants[self._author(connection)].person
        self.record.record_event(
            "run-started",
            userId=author.userId,
            username=author.username,
            language=request.language,
            code=request.code,
            runId=request.runId,
            stdin=request.stdin,
        )
        self._broadcast(m.run_requested(author, request), exclude=connection)

    def share_result(
        self, connection: Connection, result: m.ExecutionResult, *, truncated: bool
    ) -> None:
        self._refuse_if_run_disabled(connection)
        author = self._participants[self._author(connection)].person
        frame = m.run_result(author, result, truncated=truncated)
        self._last_result = frame
        self.record.record_event(
            "run-finished",
            userId=author.userId,
            username=author.username,
            output=cap_output(result.output),
            error=cap_output(result.error),
            language=result.language,
            durationMs=result.durationMs,
            runId=result.runId,
            truncated=truncated,
        )
        self._broadcast(frame, exclude=connection)

    def chat(self, connection: Connection, text: str) -> None:
        author = self._participants[self._author(connection)].person
        frame = m.chat_line(author, text, ts=int(time.time() * 1000))
        self.record.record_event("chat", userId=author.userId, username=author.username, text=text)
        if self._chat.maxlen:
            self._chat.append(frame)
        self._broadcast(frame)

    def end(self, ended_by: str) -> None:
        """The interviewer ends the interview: from now on the code, the language and runs
        are frozen for everyone (chat and cursors carry on). Ending twice changes nothing."""
        if self.ended_at is not None:
            return
        self.ended_at = time.time()
        ended = m.SessionEnded(userId=ended_by, endedAt=int(self.ended_at * 1000))
        self._ended_frame = m.session_ended(ended)
        self.record.end()
        self._broadcast(self._ended_frame)

    def _refuse_if_ended(self) -> None:
        if self.ended_at is not None:
            raise m.ProtocolError(m.SESSION_ENDED)

    # ------------------------------------------------------------ the record

    def start_with(self, question: Question, code: str | None = None) -> None:
        """A new session's question and first code (the server's own first edit): the
        question's starter code, or ``code`` when it reopens a past session."""
        self.prompt = question.prompt
        self.starter_code = dict(question.starter_code)
        if code is None:
            code = question.starter_code.get(self.language, "")
        update = self.document.replace_code(code) if code else None
        if update is not None:
            self.record.code(m.SERVER_USER_ID, update)

    def restore_code(self, code: str, *, at_ms: int, by: m.Person | None) -> bool:
        """An interviewer (``by``; None: the host over REST) brings the code back to what it
        was at ``at_ms``, e.g. after someone erased it. One minimal edit from the current
        text, as a spec client's full text is applied: everyone's editor follows, and edits
        made meanwhile elsewhere in the document (offline ones too) still merge. Recorded as
        a ``restore`` event before the edit. Returns whether the code changed."""
        self._refuse_if_ended()
        author = by.userId if by is not None else m.SERVER_USER_ID
        who = {"username": by.username} if by is not None else {"by": "host"}
        self.record.record_event("restore", userId=author, at=at_ms, **who)
        update = self.document.replace_code(code)
        if update is None:
            return False
        self.record.code(author, update)
        self._broadcast_code(author, b64encode(update), exclude=None)
        return True

    def restore(self, stored: StoredSession) -> None:
        """Come back from disk with the same CRDT state (client ids and clocks), so pages
        that reconnect with offline edits merge them as with a room that never left; and
        with the same notes, question, co-interviewer key and identities."""
        self.created_at = stored.created_at_ms / 1000
        if stored.state:
            self.document.apply_update(stored.state)
        if stored.notes:
            self.notes.restore(stored.notes)
        self.prompt = stored.prompt
        self.starter_code = stored.starter_code
        if stored.interviewer_key is not None:
            self.interviewer_key = stored.interviewer_key
        self._restore_identities(stored.identities)
        if stored.ended_at_ms is not None:
            self.ended_at = stored.ended_at_ms / 1000
            ended = m.SessionEnded(userId=m.SERVER_USER_ID, endedAt=stored.ended_at_ms)
            self._ended_frame = m.session_ended(ended)
        for line in stored.chat if self._chat.maxlen else ():
            # A chat line shows only the author's id and name: colour and role are not sent.
            author = m.Person(line["userId"], line["username"], "", "candidate")
            self._chat.append(m.chat_line(author, line["text"], ts=line["t"]))

    def close_everyone(self, reason: str) -> None:
        """The session was deleted: every socket is told so and closed."""
        for connection in list(self._connections):
            connection.send_error(reason)
            connection.close(m.CloseCode.SESSION_NOT_FOUND, reason)

    # ------------------------------------------------------------ views

    def summary(self) -> dict[str, object]:
        return {
            "sessionId": self.id,
            "title": self.title,
            "language": self.language,
            "participants": [msgspec.to_builtins(p.person) for p in self._participants.values()],
            "createdAt": int(self.created_at * 1000),
            "ended": self.ended_at is not None,
            "prompt": self.prompt,
        }

    # ------------------------------------------------------------ internals

    def _joined(self) -> tuple[Connection, ...]:
        """Every joined connection. Kept until someone joins or leaves: each keystroke is
        broadcast to it, and a sending connection dropped midway must not change it."""
        if self._audience is None:
            self._audience = tuple(
                connection
                for participant in self._participants.values()
                for connection in participant.connections
            )
        return self._audience

    def _broadcast(self, frame: m.Frame, *, exclude: Connection | None = None) -> None:
        for connection in self._joined():
            if connection is not exclude:
                connection.send(frame)

    def _broadcast_code(self, author: str, update_b64: str, *, exclude: Connection | None) -> None:
        # Two audiences, each frame encoded at most once: CRDT clients get the update,
        # spec clients the full code.
        crdt_frame: m.Frame | None = None
        text_frame: m.Frame | None = None
        for connection in self._joined():
            if connection is exclude:
                continue
            if connection.crdt:
                if crdt_frame is None:
                    crdt_frame = m.code_update(m.CodeUpdate(author, update=update_b64))
                connection.send(crdt_frame)
            else:
                if text_frame is None:
                    text_frame = m.code_update(m.CodeUpdate(author, code=self.document.code))
                connection.send(text_frame)

    def _send_state(
        self, connection: Connection, me: Participant, missing: bytes | None, claim: Claim
    ) -> None:
        """What a joiner needs, as spec events, after one session-state (extension)."""
        people = [p.person for p in self._participants.values()]
        state = self._state(people, me.person, claim.identity.secret)
        connection.send(m.session_state(state))
        for person in people:
            connection.send(m.participant_joined(person))
        connection.send(m.language_updated(self._language_set_by, self.language))
        code = m.CodeUpdate(m.SERVER_USER_ID, code=self.document.code)
        if missing is not None:
            code.update = b64encode(missing)
            code.stateVector = b64encode(self.document.state_vector())
            code.sync = True
        connection.send(m.code_update(code))
        for participant in self._participants.values():
            if participant is not me and participant.cursor_frame is not None:
                connection.send(participant.cursor_frame)
        for frame in self._recent_chat():
            connection.send(frame)
        if self._last_result is not None:
            connection.send(self._last_result)
        if self._ended_frame is not None:
            connection.send(self._ended_frame)
        if connection.role == m.INTERVIEWER:
            self._send_interviewer_state(connection)

    def _state(self, people: list[m.Person], you: m.Person, secret: str) -> m.SessionState:
        settings = self._settings
        return m.SessionState(
            sessionId=self.id,
            title=self.title,
            language=self.language,
            participants=people,
            createdAt=int(self.created_at * 1000),
            you=you,
            limits=m.Limits(
                maxMessageBytes=settings.max_message_bytes,
                maxCodeChars=settings.max_code_chars,
                maxDocumentBytes=settings.max_document_bytes,
                maxOutputChars=settings.max_output_chars,
                maxChatChars=settings.max_chat_chars,
                maxStdinChars=settings.max_stdin_chars,
                runTimeoutMs=int(settings.run_timeout_seconds * 1000),
                pasteNoticeChars=settings.paste_notice_chars,
                focusNoticeMs=int(settings.focus_notice_seconds * 1000),
            ),
            participantSecret=secret,
            ended=self.ended_at is not None,
            controls=self.controls,
            timer=self.timer.view(now_ms()),
            serverTime=now_ms(),
            prompt=self.prompt,
            starterCode=self.starter_code,
        )

    def _recent_chat(self) -> list[m.Frame]:
        """The newest chat that fits in ``max_chat_history_bytes``, oldest first."""
        budget = self._settings.max_chat_history_bytes
        recent: list[m.Frame] = []
        for frame in reversed(self._chat):
            budget -= len(frame)
            if budget < 0:
                break
            recent.append(frame)
        recent.reverse()
        return recent

    def person_of(self, connection: Connection) -> m.Person:
        """Who a joined connection is in the room."""
        return self._participants[self._author(connection)].person

    def _author(self, connection: Connection) -> str:
        assert connection.user_id is not None, "handlers only pass joined connections"
        return connection.user_id

    def _free_color(self) -> str:
        taken = {p.person.color for p in self._participants.values()}
        for color in PALETTE:
            if color not in taken:
                return color
        return PALETTE[len(self._participants) % len(PALETTE)]


class RoomRegistry:
    """All rooms. A room nobody is connected to is freed after ``room_idle_ttl_seconds``;
    one nobody ever joined, after ``unjoined_session_ttl_seconds``."""

    def __init__(self, settings: Settings, recorder: Recorder | None = None) -> None:
        self._settings = settings
        self._rooms: dict[SessionId, Room] = {}
        self._expiry: dict[SessionId, asyncio.TimerHandle] = {}
        self._recorder = recorder
        self._restoring: dict[SessionId, asyncio.Future[Room | None]] = {}

    def __len__(self) -> int:
        return len(self._rooms)

    @property
    def connection_count(self) -> int:
        return sum(room.connection_count for room in self._rooms.values())

    def create(
        self,
        *,
        title: str,
        language: str,
        question: Question | None = None,
        code: str | None = None,
        reopened_from: str | None = None,
    ) -> Room:
        """A new session, from a question of the library or none; ``code`` and
        ``reopened_from`` when it reopens a past one (its document starts from that one's
        final code, written by the server)."""
        if len(self._rooms) >= self._settings.max_rooms:
            raise TooManySessions(f"Too many sessions ({self._settings.max_rooms}); try later")
        room = self._new_room(new_session_id(), title=title, language=language)
        question = question or Question()
        if self._recorder is not None:
            new = NewSession(
                title=title,
                language=language,
                created_at_ms=int(room.created_at * 1000),
                prompt=question.prompt,
                starter_code=dict(question.starter_code),
                interviewer_key=room.interviewer_key,
                reopened_from=reopened_from,
            )
            self._recorder.new_session(room.id, new)
        room.reopened_from = reopened_from
        room.start_with(question, code)
        self._rooms[room.id] = room
        self._schedule_expiry(room)  # a room nobody ever joins expires too
        return room

    def _new_room(self, session_id: SessionId, *, title: str, language: str) -> Room:
        room = Room(
            session_id,
            title=title,
            language=language,
            settings=self._settings,
            on_empty=self._schedule_expiry,
        )
        if self._recorder is not None:
            room.record = self._recorder.attach(room.id, room.document)
        return room

    def get(self, session_id: str) -> Room | None:
        """The room if it is in memory (see ``find`` for one that may be on disk)."""
        return self._rooms.get(SessionId(session_id))

    async def find(self, session_id: str) -> Room | None:
        """The room, brought back from the record if it left memory (idle, or a restart)."""
        room = self._rooms.get(SessionId(session_id))
        if room is not None or self._recorder is None:
            return room
        key = SessionId(session_id)
        pending = self._restoring.get(key)
        if pending is None:  # one read from disk, however many sockets ask at once
            pending = asyncio.ensure_future(self._restore(key, self._recorder))
            self._restoring[key] = pending
            pending.add_done_callback(lambda _: self._restoring.pop(key, None))
        return await asyncio.shield(pending)

    async def _restore(self, session_id: SessionId, recorder: Recorder) -> Room | None:
        stored = await recorder.load(session_id)
        if stored is None:
            return None
        room = self._rooms.get(session_id)  # deleted and made again meanwhile? keep that one
        if room is not None:
            return room
        if len(self._rooms) >= self._settings.max_rooms:
            raise TooManySessions(f"Too many sessions ({self._settings.max_rooms}); try later")
        room = self._new_room(session_id, title=stored.title, language=stored.language)
        room.restore(stored)
        if stored.interviewer_key is None:
            recorder.keep_interviewer_key(session_id, room.interviewer_key)
        self._rooms[session_id] = room
        self._schedule_expiry(room)
        recorder.snapshot(session_id)  # the next restore starts from here
        log.info("session %s restored from the record", session_id)
        return room

    async def delete(self, session_id: str) -> bool:
        """Close the live room (if any) and remove its record; False when there was none."""
        key = SessionId(session_id)
        room = self._rooms.pop(key, None)
        timer = self._expiry.pop(key, None)
        if timer is not None:
            timer.cancel()
        if room is not None:
            room.record = NULL_RECORD  # what the closing sockets do is not recorded
            room.close_everyone("This session was deleted by the host")
        if self._recorder is None:
            return room is not None
        return await self._recorder.delete(session_id) or room is not None

    def admit(self, room: Room, connection: Connection) -> None:
        room.admit(connection)
        timer = self._expiry.pop(room.id, None)
        if timer is not None:
            timer.cancel()

    def _schedule_expiry(self, room: Room) -> None:
        previous = self._expiry.pop(room.id, None)
        if previous is not None:
            previous.cancel()
        settings = self._settings
        ttl = (
            settings.room_idle_ttl_seconds
            if room.ever_joined
            else settings.unjoined_session_ttl_seconds
        )
        loop = asyncio.get_running_loop()
        self._expiry[room.id] = loop.call_later(ttl, self._expire, room.id)

    def _expire(self, session_id: SessionId) -> None:
        self._expiry.pop(session_id, None)
        room = self._rooms.get(session_id)
        if room is not None and room.connection_count == 0:
            log.info("session %s left memory after being empty; its record stays", session_id)
            del self._rooms[session_id]
            if self._recorder is not None:
                self._recorder.detach(session_id)
